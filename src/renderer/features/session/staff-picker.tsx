/**
 * The names one can sign in as: a radio group of big buttons. Arrow keys move the choice (a roving tab
 * stop, as a screen reader expects of a radio group); Enter or a tap picks and moves on to the PIN.
 */
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { StaffChoice } from './queries';

const roleWords = { clerk: 'Clerk', manager: 'Manager', admin: 'Administrator' } as const;

/** The staff list. `onChosen` follows a tap or Enter: the PIN comes next. */
export function StaffPicker({
  staff,
  selectedId,
  onSelect,
  onChosen,
  autoFocus,
}: {
  staff: readonly StaffChoice[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onChosen: () => void;
  /** Takes the focus when it appears, so the arrow keys work at once. */
  autoFocus: boolean;
}) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const selectedIndex = staff.findIndex((s) => s.id === selectedId);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  const move = (event: KeyboardEvent, index: number) => {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const next = staff[(index + step + staff.length) % staff.length];
    if (!next) return;
    onSelect(next.id);
    buttons.current.get(next.id)?.focus();
  };

  return (
    <div className="staff-picker" role="radiogroup" aria-label="Staff">
      {staff.map((s, index) => (
        <button
          key={s.id}
          ref={(element) => {
            if (element) buttons.current.set(s.id, element);
            else buttons.current.delete(s.id);
          }}
          type="button"
          role="radio"
          aria-checked={s.id === selectedId}
          aria-label={s.name}
          aria-description={roleWords[s.role]}
          tabIndex={index === tabStop ? 0 : -1}
          autoFocus={autoFocus && index === tabStop}
          className="staff-choice"
          onClick={() => {
            onSelect(s.id);
            onChosen();
          }}
          onKeyDown={(event) => move(event, index)}
        >
          <span className="staff-name">{s.name}</span>
          <span className="staff-role" aria-hidden="true">
            {roleWords[s.role]}
          </span>
        </button>
      ))}
    </div>
  );
}
