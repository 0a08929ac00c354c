/**
 * The cash drawer's settings: on the receipt printer's kick connector (pin 2 or 5, the pulse's on and off
 * times) or on a serial port of its own; which way round its open switch reads; and after how long an open
 * drawer is reported.
 */
import type { SettingsErrors } from './settings-check';
import type { DrawerConnection, DrawerForm } from './settings-form';
import { BaudSelect, SettingCheck, SettingSelect, SettingText } from './settings-inputs';

const connections = [
  ['none', 'Not set up'],
  ['printer', 'On the receipt printer’s drawer connector'],
  ['serial', 'Serial port'],
] as const satisfies readonly (readonly [DrawerConnection, string])[];

const pins = [
  ['2', 'Pin 2 (usual)'],
  ['5', 'Pin 5'],
] as const satisfies readonly (readonly [DrawerForm['pin'], string])[];

/** The drawer's inputs; `onChange` gets the inputs that changed. */
export function DrawerSettings({
  value,
  errors,
  onChange,
}: {
  value: DrawerForm;
  errors: SettingsErrors;
  onChange: (patch: Partial<DrawerForm>) => void;
}) {
  return (
    <>
      <SettingSelect
        label="Connection"
        value={value.connection}
        options={connections}
        error={errors['drawer.connection']}
        onChange={(connection) => onChange({ connection })}
      />
      {value.connection === 'printer' && (
        <>
          <SettingSelect
            label="Kick pin"
            value={value.pin}
            options={pins}
            hint="Try pin 5 if the drawer does not open."
            onChange={(pin) => onChange({ pin })}
          />
          <SettingText
            label="Pulse on (ms)"
            value={value.onMs}
            numeric
            maxLength={9}
            error={errors['drawer.onMs']}
            onChange={(onMs) => onChange({ onMs })}
          />
          <SettingText
            label="Pulse off (ms)"
            value={value.offMs}
            numeric
            maxLength={9}
            error={errors['drawer.offMs']}
            onChange={(offMs) => onChange({ offMs })}
          />
        </>
      )}
      {value.connection === 'serial' && (
        <>
          <SettingText
            label="Serial port"
            value={value.serialPath}
            placeholder="/dev/ttyUSB0"
            error={errors['drawer.serialPath']}
            onChange={(serialPath) => onChange({ serialPath })}
          />
          <BaudSelect
            label="Serial speed"
            value={value.baudRate}
            error={errors['drawer.baudRate']}
            onChange={(baudRate) => onChange({ baudRate })}
          />
        </>
      )}
      {value.connection !== 'none' && (
        <>
          <SettingText
            label="Warn when open longer than (seconds)"
            value={value.openTooLongSeconds}
            numeric
            maxLength={9}
            hint="0 never warns."
            error={errors['drawer.openTooLongSeconds']}
            onChange={(openTooLongSeconds) => onChange({ openTooLongSeconds })}
          />
          <SettingCheck
            label="Open when the signal is high (turn off if open and closed show the wrong way round)"
            checked={value.openWhenSignalHigh}
            onChange={(openWhenSignalHigh) => onChange({ openWhenSignalHigh })}
          />
        </>
      )}
    </>
  );
}
