/**
 * The settings of the roles "Find devices" sets up: the barcode scanner (on a serial port its speed, the
 * suffix that ends a scan and whether it sends the AIM identifier; a USB HID POS scanner has nothing to
 * set) and the pole display (port, speed, command set, width).
 */
import type { SettingsErrors } from './settings-check';
import type { DisplayForm, ScannerForm } from './settings-form';
import { BaudSelect, SettingCheck, SettingSelect, SettingText } from './settings-inputs';

const suffixes = [
  ['cr', 'CR (usual)'],
  ['lf', 'LF'],
  ['crlf', 'CR LF'],
  ['tab', 'Tab'],
  ['etx', 'ETX'],
] as const satisfies readonly (readonly [ScannerForm['suffix'], string])[];

const commandSets = [
  ['epson', 'Epson DM-D (ESC/POS)'],
  ['cd5220', 'CD5220'],
] as const satisfies readonly (readonly [DisplayForm['commandSet'], string])[];

/** The scanner's inputs; `onChange` gets the inputs that changed. */
export function ScannerSettings({
  value,
  errors,
  onChange,
}: {
  value: ScannerForm;
  errors: SettingsErrors;
  onChange: (patch: Partial<ScannerForm>) => void;
}) {
  if (value.connection === 'hid') {
    return (
      <p className="muted settings-field-wide">
        USB HID POS scanner at {value.path}: nothing to set here (choose another under “Find devices”).
      </p>
    );
  }
  return (
    <>
      <SettingText
        label="Serial port"
        value={value.path}
        placeholder="/dev/ttyACM0"
        error={errors['scanner.path']}
        onChange={(path) => onChange({ path })}
      />
      <BaudSelect
        label="Serial speed"
        value={value.baudRate}
        error={errors['scanner.baudRate']}
        onChange={(baudRate) => onChange({ baudRate })}
      />
      <SettingSelect
        label="Suffix"
        value={value.suffix}
        options={suffixes}
        hint="What the scanner sends after each barcode: the same as set on the scanner."
        onChange={(suffix) => onChange({ suffix })}
      />
      <SettingCheck
        label="Sends the AIM prefix (]E0…) before each barcode"
        checked={value.aimPrefix}
        onChange={(aimPrefix) => onChange({ aimPrefix })}
      />
    </>
  );
}

/** The pole display's inputs; `onChange` gets the inputs that changed. */
export function DisplaySettings({
  value,
  errors,
  onChange,
}: {
  value: DisplayForm;
  errors: SettingsErrors;
  onChange: (patch: Partial<DisplayForm>) => void;
}) {
  return (
    <>
      <SettingText
        label="Serial port"
        value={value.path}
        placeholder="/dev/ttyUSB1"
        error={errors['display.path']}
        onChange={(path) => onChange({ path })}
      />
      <BaudSelect
        label="Serial speed"
        value={value.baudRate}
        error={errors['display.baudRate']}
        onChange={(baudRate) => onChange({ baudRate })}
      />
      <SettingSelect
        label="Command set"
        value={value.commandSet}
        options={commandSets}
        onChange={(commandSet) => onChange({ commandSet })}
      />
      <SettingText
        label="Columns"
        value={value.columns}
        numeric
        maxLength={9}
        hint="Characters per line, usually 20."
        error={errors['display.columns']}
        onChange={(columns) => onChange({ columns })}
      />
    </>
  );
}
