/**
 * The receipt's codes drawn as SVG: the receipt number as Code 128 and the `till:sale:<id>` QR code. Each
 * is an image with an accessible name that says what it holds.
 */
import { code128Bars, encodeCode128 } from './code128';
import { qrMatrix, qrPath } from './qr-matrix';

/** The receipt number as a Code 128 barcode; nothing when it cannot be encoded (the number is printed). */
export function BarcodeSvg({ data }: { data: string }) {
  const encoded = encodeCode128(data);
  if (!encoded.ok) return null;
  const { bars, total } = code128Bars(encoded.value.widths);
  return (
    <svg
      className="receipt-barcode"
      role="img"
      aria-label={`Barcode ${data}`}
      viewBox={`0 0 ${total} 40`}
      preserveAspectRatio="none"
      shapeRendering="crispEdges"
    >
      <rect width={total} height={40} fill="#fff" />
      {bars.map(([x, w]) => (
        <rect key={x} x={x} width={w} height={40} fill="#000" />
      ))}
    </svg>
  );
}

/** The QR code a return at the counter scans to find the sale. */
export function QrSvg({ data }: { data: string }) {
  const matrix = qrMatrix(data);
  const side = matrix.size + 8;
  return (
    <svg
      className="receipt-qr"
      role="img"
      aria-label={`QR code ${data}`}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(matrix)} fill="#000" />
    </svg>
  );
}
