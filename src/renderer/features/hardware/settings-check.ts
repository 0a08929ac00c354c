/**
 * Checks the "Device settings" form before anything is sent: the same schema the device service applies
 * (devicesConfigSchema), so what passes here is what the service stores, plus what the schema cannot know
 * (a host must be a name or an IPv4 address; a drawer on the printer's connector needs a printer). Each
 * refusal is a sentence for the field it is about, so the installer sees which input to fix. Pure.
 */
import { type DevicesConfig, devicesConfigSchema } from '@till/shared/devices/config';
import { type SettingsForm, configFromForm } from './settings-form';

/** The inputs a message can be about. */
export type SettingsField =
  | 'printer.host'
  | 'printer.port'
  | 'printer.usbPath'
  | 'printer.serialPath'
  | 'printer.baudRate'
  | 'printer.codepageName'
  | 'printer.profile'
  | 'drawer.connection'
  | 'drawer.onMs'
  | 'drawer.offMs'
  | 'drawer.serialPath'
  | 'drawer.baudRate'
  | 'drawer.openTooLongSeconds'
  | 'scanner.path'
  | 'scanner.baudRate'
  | 'display.path'
  | 'display.baudRate'
  | 'display.columns';

/** A message per input that needs fixing; `form` for what no single input explains. */
export type SettingsErrors = Partial<Record<SettingsField | 'form', string>>;

/** The checked configuration, or what to fix. */
export type SettingsCheck = { ok: true; config: DevicesConfig } | { ok: false; errors: SettingsErrors };

const serialPortMessage = 'Enter the serial port, e.g. /dev/ttyUSB0 or COM3.';
const baudMessage = 'The serial speed is 1200 to 921600 baud.';
const pulseMessage = 'A whole number of milliseconds from 2 to 510.';

/** What each input must hold, said once for every way it can be wrong. */
export const settingsMessages: Record<SettingsField, string> = {
  'printer.host': 'Enter the printer’s host name or IPv4 address, e.g. 192.168.1.50.',
  'printer.port': 'The port is a whole number from 1 to 65535 (usually 9100).',
  'printer.usbPath': 'Enter the USB printer file, e.g. /dev/usb/lp0.',
  'printer.serialPath': serialPortMessage,
  'printer.baudRate': baudMessage,
  'printer.codepageName':
    'Enter a code page name such as cp858 (letters, digits and dashes), or choose Automatic.',
  'printer.profile': 'A printer model is letters, digits, dots and dashes, e.g. epson-tm-t88vi.',
  'drawer.connection': 'A drawer on the printer’s connector needs a receipt printer: set one up above.',
  'drawer.onMs': pulseMessage,
  'drawer.offMs': pulseMessage,
  'drawer.serialPath': serialPortMessage,
  'drawer.baudRate': baudMessage,
  'drawer.openTooLongSeconds': 'A whole number of seconds from 0 (never warn) to 3600.',
  'scanner.path': serialPortMessage,
  'scanner.baudRate': baudMessage,
  'display.path': serialPortMessage,
  'display.baudRate': baudMessage,
  'display.columns': 'The display is 16 to 40 characters wide (usually 20).',
};

const hostLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Whether `host` is a host name (`printer.local`, `tm-t88`) or a dotted IPv4 address. All-digit labels are
 * read as an address, so `192.168.1.300` is refused rather than looked up as a name.
 */
export function isHostOrIpv4(host: string): boolean {
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split('.');
  if (labels.every((label) => /^\d+$/.test(label))) {
    return labels.length === 4 && labels.every((label) => label.length <= 3 && Number(label) <= 255);
  }
  return labels.every((label) => hostLabel.test(label));
}

/** The input a schema issue at `path` is about (a path inside a connection depends on its type). */
function fieldAt(path: readonly PropertyKey[], form: SettingsForm): SettingsField | null {
  const [role, first, second] = path.map(String);
  const key = first === 'connection' ? second : first;
  if (role === 'printer') {
    if (key === 'path') return form.printer.connection === 'usblp' ? 'printer.usbPath' : 'printer.serialPath';
    if (key === 'codepage') return 'printer.codepageName';
  }
  if (role === 'drawer' && key === 'path') return 'drawer.serialPath';
  const field = `${role}.${key}`;
  return field in settingsMessages ? (field as SettingsField) : null;
}

/** The configuration the form describes, checked with the device service's own schema. */
export function checkSettings(form: SettingsForm): SettingsCheck {
  const errors: SettingsErrors = {};
  const { printer, drawer } = form;
  if (printer.connection === 'tcp' && !isHostOrIpv4(printer.host.trim())) {
    errors['printer.host'] = settingsMessages['printer.host'];
  }
  if (drawer.connection === 'printer' && printer.connection === 'none') {
    errors['drawer.connection'] = settingsMessages['drawer.connection'];
  }
  const parsed = devicesConfigSchema.safeParse(configFromForm(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldAt(issue.path, form);
      // Every input the form has is named above; an issue elsewhere is still refused, in the schema's words.
      if (field) errors[field] ??= settingsMessages[field];
      else errors.form ??= `${issue.path.join('.')}: ${issue.message}`;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, config: parsed.data };
}
