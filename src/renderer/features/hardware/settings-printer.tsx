/**
 * The receipt printer's settings: how it is reached — a network printer (host and raw port, usually 9100),
 * a USB printer file (`/dev/usb/lp0`) or a serial port, none of which discovery can list as a printer —
 * then its language, paper, code page, model and logo. Only the inputs of the chosen connection show.
 */
import type { SettingsErrors } from './settings-check';
import type { PrinterConnection, PrinterForm } from './settings-form';
import { BaudSelect, SettingCheck, SettingSelect, SettingText } from './settings-inputs';

const connections = [
  ['none', 'Not set up'],
  ['tcp', 'Network (host and port)'],
  ['usblp', 'USB printer file'],
  ['serial', 'Serial port'],
] as const satisfies readonly (readonly [PrinterConnection, string])[];

const papers = [
  ['32', '58 mm (32 columns)'],
  ['42', '80 mm (42 columns)'],
  ['48', '80 mm (48 columns)'],
] as const satisfies readonly (readonly [PrinterForm['columns'], string])[];

const languages = [
  ['esc-pos', 'ESC/POS (Epson and most others)'],
  ['star-prnt', 'StarPRNT (Star)'],
] as const satisfies readonly (readonly [PrinterForm['language'], string])[];

const codepageModes = [
  ['auto', 'Automatic (chosen per character)'],
  ['named', 'A named code page'],
] as const satisfies readonly (readonly [PrinterForm['codepageMode'], string])[];

/** The printer's inputs; `onChange` gets the inputs that changed. */
export function PrinterSettings({
  value,
  errors,
  onChange,
}: {
  value: PrinterForm;
  errors: SettingsErrors;
  onChange: (patch: Partial<PrinterForm>) => void;
}) {
  return (
    <>
      <SettingSelect
        label="Connection"
        value={value.connection}
        options={connections}
        onChange={(connection) => onChange({ connection })}
      />
      {value.connection === 'tcp' && (
        <>
          <SettingText
            label="Host name or IPv4 address"
            value={value.host}
            placeholder="192.168.1.50"
            maxLength={253}
            error={errors['printer.host']}
            onChange={(host) => onChange({ host })}
          />
          <SettingText
            label="Port"
            value={value.port}
            numeric
            maxLength={9}
            hint="Receipt printers listen on 9100."
            error={errors['printer.port']}
            onChange={(port) => onChange({ port })}
          />
        </>
      )}
      {value.connection === 'usblp' && (
        <SettingText
          label="USB printer file"
          value={value.usbPath}
          placeholder="/dev/usb/lp0"
          error={errors['printer.usbPath']}
          onChange={(usbPath) => onChange({ usbPath })}
        />
      )}
      {value.connection === 'serial' && (
        <>
          <SettingText
            label="Serial port"
            value={value.serialPath}
            placeholder="/dev/ttyUSB0"
            error={errors['printer.serialPath']}
            onChange={(serialPath) => onChange({ serialPath })}
          />
          <BaudSelect
            label="Serial speed"
            value={value.baudRate}
            error={errors['printer.baudRate']}
            onChange={(baudRate) => onChange({ baudRate })}
          />
        </>
      )}
      {value.connection !== 'none' && (
        <>
          <SettingSelect
            label="Printer language"
            value={value.language}
            options={languages}
            onChange={(language) => onChange({ language })}
          />
          <SettingSelect
            label="Paper"
            value={value.columns}
            options={papers}
            onChange={(columns) => onChange({ columns })}
          />
          <SettingSelect
            label="Code page"
            value={value.codepageMode}
            options={codepageModes}
            onChange={(codepageMode) => onChange({ codepageMode })}
          />
          {value.codepageMode === 'named' && (
            <SettingText
              label="Code page name"
              value={value.codepageName}
              placeholder="cp858"
              maxLength={32}
              error={errors['printer.codepageName']}
              onChange={(codepageName) => onChange({ codepageName })}
            />
          )}
          <SettingText
            label="Printer model (optional)"
            value={value.profile}
            placeholder="epson-tm-t88vi"
            maxLength={64}
            hint="Tunes the cut and code pages; leave empty for a generic printer."
            error={errors['printer.profile']}
            onChange={(profile) => onChange({ profile })}
          />
          <SettingCheck
            label="Print the logo on receipts"
            checked={value.logo}
            onChange={(logo) => onChange({ logo })}
          />
        </>
      )}
    </>
  );
}
