/**
 * What the clerk picked to come back from a sale or a web order: per line how many units (clamped to what
 * is still returnable) and where they go, and the requests that make of it for the return's builder.
 */
import { useState } from 'react';
import type { Disposition } from '@till/shared/schemas/sale';

/** One line's part of a return, as the return's builders take it. */
export interface LineRequest {
  lineId: string;
  qty: number;
  disposition: Disposition;
}

/** The picked units of each line and where they go, and how to change them. */
export interface ReturnSelection {
  qty: Readonly<Record<string, number>>;
  disposition: Readonly<Record<string, Disposition>>;
  requests: LineRequest[];
  setLineQty(lineId: string, value: number): void;
  setLineDisposition(lineId: string, value: Disposition): void;
}

/** The picked quantities and dispositions; `onChange` hears every change of a quantity. */
export function useReturnSelection(
  lines: readonly { lineId: string }[],
  returnable: ReadonlyMap<string, number>,
  onChange: () => void,
): ReturnSelection {
  const [qty, setQty] = useState<Record<string, number>>({});
  const [disposition, setDisposition] = useState<Record<string, Disposition>>({});

  const requests: LineRequest[] = lines
    .filter((l) => (qty[l.lineId] ?? 0) > 0)
    .map((l) => ({
      lineId: l.lineId,
      qty: qty[l.lineId] ?? 0,
      disposition: disposition[l.lineId] ?? 'resellable',
    }));

  const setLineQty = (lineId: string, value: number) => {
    const max = returnable.get(lineId) ?? 0;
    setQty((q) => ({ ...q, [lineId]: Math.min(max, Math.max(0, Math.trunc(value) || 0)) }));
    onChange();
  };

  const setLineDisposition = (lineId: string, value: Disposition) =>
    setDisposition((d) => ({ ...d, [lineId]: value }));

  return { qty, disposition, requests, setLineQty, setLineDisposition };
}
