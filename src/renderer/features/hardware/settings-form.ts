/**
 * The Hardware screen's "Device settings" as form values: what each input holds (text as typed, choices as
 * strings), made from the stored device configuration and turned back into one. Numbers stay text here so
 * a mistyped port reaches the check (settings-check.ts) and is named there, instead of being lost on the
 * way. Pure, so it is tested without a screen.
 */
import type { DevicesConfig, DevicesConfigInput } from '@till/shared/devices/config';

/** How the receipt printer is reached; `none`: the register has no printer. */
export type PrinterConnection = 'none' | 'tcp' | 'usblp' | 'serial';
/** How the cash drawer is opened; `none`: the register has no drawer. */
export type DrawerConnection = 'none' | 'printer' | 'serial';

/** The receipt printer's inputs. */
export interface PrinterForm {
  /** Carried through unchanged: a virtual twin stays one. */
  virtual: boolean;
  connection: PrinterConnection;
  host: string;
  port: string;
  usbPath: string;
  serialPath: string;
  baudRate: string;
  language: 'esc-pos' | 'star-prnt';
  columns: '32' | '42' | '48';
  logo: boolean;
  /** `auto` lets the encoder pick per character; `named` prints in `codepageName`. */
  codepageMode: 'auto' | 'named';
  codepageName: string;
  /** The printer model the encoder tunes for; empty: a generic printer. */
  profile: string;
}

/** The cash drawer's inputs. */
export interface DrawerForm {
  virtual: boolean;
  connection: DrawerConnection;
  pin: '2' | '5';
  onMs: string;
  offMs: string;
  serialPath: string;
  baudRate: string;
  openWhenSignalHigh: boolean;
  openTooLongSeconds: string;
}

/** The barcode scanner's inputs (a HID scanner has none but its path, which discovery sets). */
export interface ScannerForm {
  virtual: boolean;
  connection: 'hid' | 'serial';
  path: string;
  baudRate: string;
  suffix: 'cr' | 'lf' | 'crlf' | 'tab' | 'etx';
  aimPrefix: boolean;
}

/** The pole display's inputs. */
export interface DisplayForm {
  virtual: boolean;
  path: string;
  baudRate: string;
  commandSet: 'epson' | 'cd5220';
  columns: string;
}

/**
 * The whole form. The printer and the drawer can be set up here from nothing (a network or USB printer, a
 * drawer on the printer's connector: discovery cannot list them); a scanner or a pole display comes from
 * "Find devices" first, so theirs are null until then.
 */
export interface SettingsForm {
  printer: PrinterForm;
  drawer: DrawerForm;
  scanner: ScannerForm | null;
  display: DisplayForm | null;
}

/** Serial speeds offered in the lists; a stored speed not among them is offered too. */
export const commonBaudRates = ['1200', '2400', '4800', '9600', '19200', '38400', '57600', '115200'];

/** The raw port receipt printers listen on (HP JetDirect / "port 9100"). */
export const defaultPrinterPort = '9100';

/** A new printer's inputs: the schema's defaults, a network connection waiting for its host. */
export const newPrinterForm: PrinterForm = {
  virtual: false,
  connection: 'none',
  host: '',
  port: defaultPrinterPort,
  usbPath: '/dev/usb/lp0',
  serialPath: '',
  baudRate: '9600',
  language: 'esc-pos',
  columns: '42',
  logo: false,
  codepageMode: 'auto',
  codepageName: '',
  profile: '',
};

/** A new drawer's inputs: the schema's defaults (pin 2, 100 ms pulses, warn after a minute). */
export const newDrawerForm: DrawerForm = {
  virtual: false,
  connection: 'none',
  pin: '2',
  onMs: '100',
  offMs: '100',
  serialPath: '',
  baudRate: '9600',
  openWhenSignalHigh: true,
  openTooLongSeconds: '60',
};

function printerForm(printer: DevicesConfig['printer']): PrinterForm {
  if (!printer) return newPrinterForm;
  const c = printer.connection;
  return {
    ...newPrinterForm,
    virtual: printer.virtual,
    connection: c.type,
    ...(c.type === 'tcp' ? { host: c.host, port: String(c.port) } : {}),
    ...(c.type === 'usblp' ? { usbPath: c.path } : {}),
    ...(c.type === 'serial' ? { serialPath: c.path, baudRate: String(c.baudRate) } : {}),
    language: printer.language,
    columns: String(printer.columns) as PrinterForm['columns'],
    logo: printer.logo,
    codepageMode: printer.codepage === 'auto' ? 'auto' : 'named',
    codepageName: printer.codepage === 'auto' ? '' : printer.codepage,
    profile: printer.profile ?? '',
  };
}

function drawerForm(drawer: DevicesConfig['drawer']): DrawerForm {
  if (!drawer) return newDrawerForm;
  const c = drawer.connection;
  return {
    ...newDrawerForm,
    virtual: drawer.virtual,
    connection: c.type,
    ...(c.type === 'printer'
      ? { pin: String(c.pin) as DrawerForm['pin'], onMs: String(c.onMs), offMs: String(c.offMs) }
      : { serialPath: c.path, baudRate: String(c.baudRate) }),
    openWhenSignalHigh: drawer.openWhenSignalHigh,
    openTooLongSeconds: String(drawer.openTooLongSeconds),
  };
}

function scannerForm(scanner: DevicesConfig['scanner']): ScannerForm | null {
  if (!scanner) return null;
  const c = scanner.connection;
  return c.type === 'hid'
    ? {
        virtual: scanner.virtual,
        connection: 'hid',
        path: c.path,
        baudRate: '9600',
        suffix: 'cr',
        aimPrefix: false,
      }
    : {
        virtual: scanner.virtual,
        connection: 'serial',
        path: c.path,
        baudRate: String(c.baudRate),
        suffix: c.suffix,
        aimPrefix: c.aimPrefix,
      };
}

function displayForm(display: DevicesConfig['display']): DisplayForm | null {
  if (!display) return null;
  return {
    virtual: display.virtual,
    path: display.connection.path,
    baudRate: String(display.connection.baudRate),
    commandSet: display.commandSet,
    columns: String(display.columns),
  };
}

/** The form showing `config` (no configuration yet: a new printer and drawer, no scanner or display). */
export function formFromConfig(config: DevicesConfig | null): SettingsForm {
  return {
    printer: printerForm(config?.printer ?? null),
    drawer: drawerForm(config?.drawer ?? null),
    scanner: scannerForm(config?.scanner ?? null),
    display: displayForm(config?.display ?? null),
  };
}

/**
 * A whole number typed into a field, or NaN for anything else (empty, "12.5", "-3", "9100abc"), so the
 * schema refuses it and the check names the field rather than reading a mistake as 0.
 */
export function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function printerInput(p: PrinterForm): DevicesConfigInput['printer'] {
  if (p.connection === 'none') return null;
  const connection =
    p.connection === 'tcp'
      ? { type: 'tcp' as const, host: p.host.trim(), port: wholeNumber(p.port) }
      : p.connection === 'usblp'
        ? { type: 'usblp' as const, path: p.usbPath.trim() }
        : { type: 'serial' as const, path: p.serialPath.trim(), baudRate: wholeNumber(p.baudRate) };
  const profile = p.profile.trim();
  return {
    virtual: p.virtual,
    connection,
    language: p.language,
    columns: Number(p.columns) as 32 | 42 | 48,
    ...(profile === '' ? {} : { profile }),
    codepage: p.codepageMode === 'auto' ? 'auto' : p.codepageName.trim(),
    logo: p.logo,
  };
}

function drawerInput(d: DrawerForm): DevicesConfigInput['drawer'] {
  if (d.connection === 'none') return null;
  const connection =
    d.connection === 'printer'
      ? {
          type: 'printer' as const,
          pin: Number(d.pin) as 2 | 5,
          onMs: wholeNumber(d.onMs),
          offMs: wholeNumber(d.offMs),
        }
      : { type: 'serial' as const, path: d.serialPath.trim(), baudRate: wholeNumber(d.baudRate) };
  return {
    virtual: d.virtual,
    connection,
    openWhenSignalHigh: d.openWhenSignalHigh,
    openTooLongSeconds: wholeNumber(d.openTooLongSeconds),
  };
}

function scannerInput(s: ScannerForm | null): DevicesConfigInput['scanner'] {
  if (!s) return null;
  return {
    virtual: s.virtual,
    connection:
      s.connection === 'hid'
        ? { type: 'hid', path: s.path }
        : {
            type: 'serial',
            path: s.path.trim(),
            baudRate: wholeNumber(s.baudRate),
            suffix: s.suffix,
            aimPrefix: s.aimPrefix,
          },
  };
}

function displayInput(d: DisplayForm | null): DevicesConfigInput['display'] {
  if (!d) return null;
  return {
    virtual: d.virtual,
    connection: { type: 'serial', path: d.path.trim(), baudRate: wholeNumber(d.baudRate) },
    commandSet: d.commandSet,
    columns: wholeNumber(d.columns),
  };
}

/**
 * The configuration the form describes, not yet checked: a field typed wrong is NaN or an empty string
 * here, and `checkSettings` turns that into a message for the field.
 */
export function configFromForm(form: SettingsForm): DevicesConfigInput {
  return {
    version: 1,
    scanner: scannerInput(form.scanner),
    printer: printerInput(form.printer),
    drawer: drawerInput(form.drawer),
    display: displayInput(form.display),
  };
}
