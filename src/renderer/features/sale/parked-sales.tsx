/**
 * The parked sales of this register: a dialog listing each by name (the time it was parked, unless named)
 * and item count, with Resume.
 * Resuming is refused while a sale is in progress (park or finish it first), in words.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useCartStore } from './cart-store';
import { useParkedSales } from './queries';

/** The parked-sales dialog. */
export function ParkedSalesDialog({ onClose }: { onClose: () => void }) {
  const parked = useParkedSales();
  const queryClient = useQueryClient();
  const resume = useCartStore((s) => s.resume);
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();
  const list = parked.data ?? [];

  const pick = async (parkedId: string) => {
    const result = await resume(parkedId);
    await queryClient.invalidateQueries({
      queryKey: ['replica'],
      predicate: (q) => q.queryKey.includes('parked-sales'),
    });
    if (result.ok) onClose();
    else setMessage(result.error.message.replace(/^./, (c) => c.toUpperCase()));
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog parked-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={`${id}-title`}>Parked sales</h2>
        {parked.isPending ? (
          <p role="status">Loading…</p>
        ) : list.length === 0 ? (
          <p role="status">No sales are parked on this register.</p>
        ) : (
          <ul className="parked-list" aria-label="Parked sales">
            {list.map((p) => {
              const items = p.cart.lines.reduce((n, l) => n + l.qty, 0);
              return (
                <li key={p.id} className="parked-item">
                  <span>
                    <strong>{p.name}</strong>
                    <span className="muted">
                      {' '}
                      · {items} {items === 1 ? 'item' : 'items'}
                    </span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    aria-label={`Resume ${p.name}`}
                    onClick={() => void pick(p.id)}
                  >
                    Resume
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <p className="dialog-message" role="alert" aria-label="Parked sales message">
          {message}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" autoFocus onClick={onClose}>
            Close <kbd>Esc</kbd>
          </button>
        </div>
      </div>
    </div>
  );
}
