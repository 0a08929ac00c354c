/**
 * The QR code of a receipt (`till:sale:<id>`) as a matrix of dark modules, from `qrcode-generator` (a
 * small, dependency-free, long-kept encoder). Error correction M: a receipt may be creased or smudged.
 */
import qrcode from 'qrcode-generator';

/** A square QR matrix: `dark[row][col]`. */
export interface QrMatrix {
  size: number;
  dark: boolean[][];
}

/** Encodes `data` (bytes of its UTF-8) at the smallest version that holds it. */
export function qrMatrix(data: string): QrMatrix {
  const qr = qrcode(0, 'M');
  qr.addData(data, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const dark = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col)),
  );
  return { size, dark };
}

/** One SVG path of unit squares for the dark modules, offset by a quiet zone of `quiet` modules. */
export function qrPath(matrix: QrMatrix, quiet = 4): string {
  const parts: string[] = [];
  matrix.dark.forEach((row, y) =>
    row.forEach((isDark, x) => {
      if (isDark) parts.push(`M${x + quiet} ${y + quiet}h1v1h-1z`);
    }),
  );
  return parts.join('');
}
