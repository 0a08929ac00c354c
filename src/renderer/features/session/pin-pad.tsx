/**
 * The on-screen PIN pad, for touch: big digit keys, Clear and Delete. The keyboard does the same on the
 * PIN field itself (digits, Backspace, Escape), so each key shows what to press.
 */

const digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** The pad; it never takes the focus away from the PIN field. */
export function PinPad({
  onDigit,
  onDelete,
  onClear,
  disabled,
}: {
  onDigit: (digit: string) => void;
  onDelete: () => void;
  onClear: () => void;
  disabled: boolean;
}) {
  // A tap must not move the focus off the PIN field, so typing can continue after it.
  const keep = (event: { preventDefault: () => void }) => event.preventDefault();
  return (
    <div className="pin-pad" role="group" aria-label="PIN pad">
      {digits.map((d) => (
        <button
          key={d}
          type="button"
          className="pad-key"
          disabled={disabled}
          onMouseDown={keep}
          onClick={() => onDigit(d)}
        >
          {d}
        </button>
      ))}
      <button
        type="button"
        className="pad-key pad-key-action"
        disabled={disabled}
        onMouseDown={keep}
        onClick={onClear}
      >
        Clear <kbd>Esc</kbd>
      </button>
      <button
        type="button"
        className="pad-key"
        disabled={disabled}
        onMouseDown={keep}
        onClick={() => onDigit('0')}
      >
        0
      </button>
      <button
        type="button"
        className="pad-key pad-key-action"
        disabled={disabled}
        onMouseDown={keep}
        onClick={onDelete}
      >
        Delete <kbd>⌫</kbd>
      </button>
    </div>
  );
}
