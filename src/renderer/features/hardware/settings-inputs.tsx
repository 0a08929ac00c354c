/**
 * The inputs of "Device settings": a label, the control, an optional hint and the check's message for it,
 * tied together with `aria-describedby` (and `aria-invalid` while the message shows), so a screen reader
 * reads why a value was refused when it lands on the field.
 */
import { type ReactNode, useId } from 'react';
import { commonBaudRates } from './settings-form';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** The ids of the hint and message under a control, for `aria-describedby`. */
function describedBy(id: string, { error, hint }: FieldProps): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids === '' ? undefined : ids;
}

function FieldNotes({ id, error, hint }: FieldProps & { id: string }) {
  return (
    <>
      {hint && (
        <span id={`${id}-hint`} className="muted settings-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="settings-error">
          {error}
        </span>
      )}
    </>
  );
}

/** A text input; `numeric` brings up digits on a touch keyboard (the check still reads what is typed). */
export function SettingText(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    numeric?: boolean;
    placeholder?: string;
    maxLength?: number;
  },
) {
  const id = useId();
  return (
    <div className="settings-field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className="text-field"
        value={props.value}
        inputMode={props.numeric ? 'numeric' : undefined}
        placeholder={props.placeholder}
        maxLength={props.maxLength ?? 256}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <FieldNotes id={id} {...props} />
    </div>
  );
}

/** A choice among fixed values, each with its words. */
export function SettingSelect<T extends string>(
  props: FieldProps & {
    value: T;
    options: readonly (readonly [T, string])[];
    onChange: (value: T) => void;
  },
) {
  const id = useId();
  return (
    <div className="settings-field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </select>
      <FieldNotes id={id} {...props} />
    </div>
  );
}

/** The serial speed, from the usual rates (a stored rate that is not one of them stays offered). */
export function BaudSelect(props: FieldProps & { value: string; onChange: (value: string) => void }) {
  const rates = commonBaudRates.includes(props.value) ? commonBaudRates : [...commonBaudRates, props.value];
  return (
    <SettingSelect
      {...props}
      options={rates.map((rate) => [rate, `${Number(rate).toLocaleString('en')} baud`] as const)}
    />
  );
}

/** An on/off setting. */
export function SettingCheck(props: { label: ReactNode; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="hardware-check settings-field-wide">
      <input type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      {props.label}
    </label>
  );
}
