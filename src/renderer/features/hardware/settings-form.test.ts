import { describe, expect, it } from 'vitest';
import { type DevicesConfig, devicesConfigSchema } from '@till/shared/devices/config';
import { checkSettings, isHostOrIpv4, settingsMessages } from './settings-check';
import { type SettingsForm, configFromForm, formFromConfig, wholeNumber } from './settings-form';

/** A register with every role set up, none of them at its defaults. */
const everything: DevicesConfig = devicesConfigSchema.parse({
  scanner: {
    virtual: true,
    connection: { type: 'serial', path: '/dev/ttyACM0', baudRate: 115200, suffix: 'crlf', aimPrefix: true },
  },
  printer: {
    connection: { type: 'serial', path: '/dev/ttyUSB0', baudRate: 38400 },
    language: 'star-prnt',
    columns: 48,
    profile: 'star-tsp650ii',
    codepage: 'cp858',
    logo: true,
  },
  drawer: {
    connection: { type: 'printer', pin: 5, onMs: 50, offMs: 250 },
    openWhenSignalHigh: false,
    openTooLongSeconds: 0,
  },
  display: {
    virtual: true,
    connection: { type: 'serial', path: '/dev/ttyS1', baudRate: 19200 },
    commandSet: 'cd5220',
    columns: 40,
  },
});

function saved(form: SettingsForm): DevicesConfig {
  const result = checkSettings(form);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.config;
}

function refused(form: SettingsForm) {
  const result = checkSettings(form);
  if (result.ok) throw new Error('the form was accepted');
  return result.errors;
}

describe('formFromConfig and checkSettings', () => {
  it('give back every role exactly as stored, virtual flags included', () => {
    expect(saved(formFromConfig(everything))).toEqual(everything);
  });

  it('start a register with nothing set up at the schema’s defaults, and save it as nothing', () => {
    const form = formFromConfig(null);
    expect(form.scanner).toBeNull();
    expect(form.display).toBeNull();
    expect(form.printer).toMatchObject({
      connection: 'none',
      port: '9100',
      columns: '42',
      language: 'esc-pos',
    });
    expect(saved(form)).toEqual(devicesConfigSchema.parse({}));
  });

  it('set up a network printer with the schema’s defaults and keep it a real device', () => {
    const form = formFromConfig(null);
    const config = saved({
      ...form,
      printer: { ...form.printer, connection: 'tcp', host: ' 192.168.1.50 ' },
    });
    expect(config.printer).toEqual(
      devicesConfigSchema.parse({ printer: { connection: { type: 'tcp', host: '192.168.1.50' } } }).printer,
    );
    expect(config.printer).toMatchObject({ virtual: false, codepage: 'auto', columns: 42, logo: false });
    expect(config.printer?.profile).toBeUndefined();
  });

  it('moves a virtual printer to another address and paper width, still virtual', () => {
    const twin = devicesConfigSchema.parse({
      printer: { virtual: true, connection: { type: 'tcp', host: '127.0.0.1', port: 40123 } },
    });
    const form = formFromConfig(twin);
    expect(form.printer).toMatchObject({ connection: 'tcp', host: '127.0.0.1', port: '40123' });
    const config = saved({ ...form, printer: { ...form.printer, port: '9100', columns: '32' } });
    expect(config.printer).toMatchObject({
      virtual: true,
      connection: { type: 'tcp', host: '127.0.0.1', port: 9100 },
      columns: 32,
    });
  });

  it('switch the printer to a USB printer file, and a named code page back to automatic', () => {
    const form = formFromConfig(everything);
    const config = saved({
      ...form,
      printer: { ...form.printer, connection: 'usblp', codepageMode: 'auto' },
    });
    expect(config.printer?.connection).toEqual({ type: 'usblp', path: '/dev/usb/lp0' });
    expect(config.printer?.codepage).toBe('auto');
    expect(config.printer?.language).toBe('star-prnt');
  });

  it('set each role’s own fields: drawer pulses and polarity, scanner suffix, display command set', () => {
    const form = formFromConfig(everything);
    const config = saved({
      ...form,
      drawer: { ...form.drawer, pin: '2', onMs: '120', offMs: '240', openWhenSignalHigh: true },
      scanner: form.scanner && { ...form.scanner, suffix: 'etx', aimPrefix: false, baudRate: '9600' },
      display: form.display && { ...form.display, commandSet: 'epson', columns: '20', baudRate: '9600' },
    });
    expect(config.drawer).toEqual({
      virtual: false,
      connection: { type: 'printer', pin: 2, onMs: 120, offMs: 240 },
      openWhenSignalHigh: true,
      openTooLongSeconds: 0,
    });
    expect(config.scanner?.connection).toEqual({
      type: 'serial',
      path: '/dev/ttyACM0',
      baudRate: 9600,
      suffix: 'etx',
      aimPrefix: false,
    });
    expect(config.scanner?.virtual).toBe(true);
    expect(config.display).toMatchObject({ virtual: true, commandSet: 'epson', columns: 20 });
  });

  it('leave a HID scanner as discovery set it, and take a role away with "not set up"', () => {
    const hid = devicesConfigSchema.parse({
      scanner: { connection: { type: 'hid', path: '/dev/hidraw3' } },
      drawer: { connection: { type: 'serial', path: '/dev/ttyS0', baudRate: 2400 } },
    });
    const form = formFromConfig(hid);
    expect(form.drawer).toMatchObject({ connection: 'serial', serialPath: '/dev/ttyS0', baudRate: '2400' });
    const config = saved({ ...form, drawer: { ...form.drawer, connection: 'none' } });
    expect(config.scanner).toEqual(hid.scanner);
    expect(config.drawer).toBeNull();
  });
});

describe('checkSettings refusals', () => {
  const network = formFromConfig(
    devicesConfigSchema.parse({ printer: { connection: { type: 'tcp', host: 'printer.local' } } }),
  );
  const withPrinter = (patch: Partial<SettingsForm['printer']>): SettingsForm => ({
    ...network,
    printer: { ...network.printer, ...patch },
  });

  it('name the port when it is out of range or not a number, and nothing else', () => {
    for (const port of ['70000', '0', '', 'abc', '91.5', '-1']) {
      expect(refused(withPrinter({ port }))).toEqual({ 'printer.port': settingsMessages['printer.port'] });
    }
  });

  it('name the host when it is empty or not a name or IPv4 address', () => {
    for (const host of ['', '   ', 'printer local', '192.168.1.300', 'bad_host', '-printer']) {
      expect(refused(withPrinter({ host }))).toEqual({ 'printer.host': settingsMessages['printer.host'] });
    }
  });

  it('name each bad field at once: code page, model, USB file', () => {
    expect(refused(withPrinter({ codepageMode: 'named', codepageName: ' ', profile: 'epson tm' }))).toEqual({
      'printer.codepageName': settingsMessages['printer.codepageName'],
      'printer.profile': settingsMessages['printer.profile'],
    });
    expect(refused(withPrinter({ connection: 'usblp', usbPath: '' }))).toEqual({
      'printer.usbPath': settingsMessages['printer.usbPath'],
    });
    expect(refused(withPrinter({ connection: 'serial', serialPath: '' }))).toEqual({
      'printer.serialPath': settingsMessages['printer.serialPath'],
    });
  });

  it('refuse drawer, scanner and display values out of the schema’s range', () => {
    const form = formFromConfig(everything);
    const errors = refused({
      ...form,
      drawer: { ...form.drawer, onMs: '1', offMs: '600', openTooLongSeconds: '3601' },
      scanner: form.scanner && { ...form.scanner, path: '' },
      display: form.display && { ...form.display, columns: '41', baudRate: '300' },
    });
    expect(Object.keys(errors).sort()).toEqual([
      'display.baudRate',
      'display.columns',
      'drawer.offMs',
      'drawer.onMs',
      'drawer.openTooLongSeconds',
      'scanner.path',
    ]);
    const serialDrawer = refused({
      ...form,
      drawer: { ...form.drawer, connection: 'serial', serialPath: '', baudRate: '1000000' },
    });
    expect(serialDrawer).toEqual({
      'drawer.serialPath': settingsMessages['drawer.serialPath'],
      'drawer.baudRate': settingsMessages['drawer.baudRate'],
    });
  });

  it('refuse a drawer on the printer’s connector when there is no printer', () => {
    const form = formFromConfig(everything);
    expect(refused({ ...form, printer: { ...form.printer, connection: 'none' } })).toEqual({
      'drawer.connection': settingsMessages['drawer.connection'],
    });
  });
});

describe('helpers', () => {
  it('read only whole numbers', () => {
    expect(wholeNumber(' 9100 ')).toBe(9100);
    expect(wholeNumber('0')).toBe(0);
    for (const text of ['', '1e3', '0x10', '12.0', '+5', '1234567890']) expect(wholeNumber(text)).toBeNaN();
  });

  it('tell host names and IPv4 addresses from the rest', () => {
    for (const host of ['10.0.0.9', 'printer', 'tm-t88.shop.lan', '255.255.255.255']) {
      expect(isHostOrIpv4(host)).toBe(true);
    }
    for (const host of ['10.0.0', '256.1.1.1', '1.2.3.4.5', 'a..b', 'printer.', 'x'.repeat(64), '']) {
      expect(isHostOrIpv4(host)).toBe(false);
    }
  });

  it('send a code page and a model only when named', () => {
    const form = formFromConfig(everything);
    const input = configFromForm({
      ...form,
      printer: { ...form.printer, codepageMode: 'auto', codepageName: 'cp858', profile: '  ' },
    });
    expect(input.printer).toMatchObject({ codepage: 'auto' });
    expect(input.printer).not.toHaveProperty('profile');
  });
});
