/**
 * The register's device configuration (`devices.json` in the device service's data folder): one entry per
 * role — the scanner, the receipt printer, the cash drawer, the pole display — each saying how it is
 * connected and whether it is a virtual twin. The device service validates it on load and on `config:set`;
 * the Hardware screen edits it through `hardware:configure`. Every string and number is bounded, so a file
 * edited by hand cannot make the service allocate or wait without limit. It imports only zod.
 */
import { z } from 'zod';

/** A device path (`/dev/ttyUSB0`, `COM3`, a node-hid path) or a host name: printable, bounded. */
const devicePath = z
  .string()
  .min(1)
  .max(256)
  .refine((s) => [...s].every((c) => c >= ' ' && c !== '\u007f'), 'printable characters only');

/** Serial speeds a POS device uses. */
const baudRate = z.number().int().min(1200).max(921_600);

/** A serial connection: the port and its speed (8 data bits, no parity, 1 stop bit). */
export const serialConnectionSchema = z.strictObject({
  type: z.literal('serial'),
  path: devicePath,
  baudRate: baudRate.default(9600),
});

/** What ends one scan on a serial scanner. */
export const scanSuffixSchema = z.enum(['cr', 'lf', 'crlf', 'tab', 'etx']);

/** The barcode scanner: USB HID POS, or serial with a suffix. */
export const scannerConfigSchema = z.strictObject({
  virtual: z.boolean().default(false),
  connection: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('hid'), path: devicePath }),
    serialConnectionSchema.extend({
      suffix: scanSuffixSchema.default('cr'),
      /** The scanner sends the AIM symbology identifier (`]E0`…) before each barcode. */
      aimPrefix: z.boolean().default(false),
    }),
  ]),
});

/** The paper's width in characters: 32 on 58 mm, 42 or 48 on 80 mm. */
export const printerColumnsSchema = z.union([z.literal(32), z.literal(42), z.literal(48)]);

/** The receipt printer: network (raw TCP, usually port 9100), serial or a USB printer file. */
export const printerConfigSchema = z.strictObject({
  virtual: z.boolean().default(false),
  connection: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('tcp'),
      host: devicePath.max(253),
      port: z.number().int().min(1).max(65_535).default(9100),
    }),
    serialConnectionSchema,
    z.strictObject({ type: z.literal('usblp'), path: devicePath }),
  ]),
  language: z.enum(['esc-pos', 'star-prnt']).default('esc-pos'),
  columns: printerColumnsSchema.default(42),
  /** The printer model the encoder tunes for (e.g. `epson-tm-t88vi`); absent: a generic printer. */
  profile: z
    .string()
    .max(64)
    .regex(/^[\w.-]*$/)
    .optional(),
  /** The code page for text (e.g. `cp858`); `auto` lets the encoder pick per character. */
  codepage: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[\w-]+$/)
    .default('auto'),
  /** Print the store's logo at the top of each receipt. */
  logo: z.boolean().default(false),
});

/** The cash drawer: kicked through the receipt printer's connector, or through a serial interface. */
export const drawerConfigSchema = z.strictObject({
  virtual: z.boolean().default(false),
  connection: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('printer'),
      /** The connector pin the drawer's solenoid is on. */
      pin: z.union([z.literal(2), z.literal(5)]).default(2),
      onMs: z.number().int().min(2).max(510).default(100),
      offMs: z.number().int().min(2).max(510).default(100),
    }),
    serialConnectionSchema,
  ]),
  /** Polarity of the drawer-open switch: whether a high signal means open. */
  openWhenSignalHigh: z.boolean().default(true),
  /** Warn when the drawer stays open longer than this; 0 never warns. */
  openTooLongSeconds: z.number().int().min(0).max(3600).default(60),
});

/** The customer pole display (two lines of 20 characters on a serial port). */
export const displayConfigSchema = z.strictObject({
  virtual: z.boolean().default(false),
  connection: serialConnectionSchema,
  commandSet: z.enum(['epson', 'cd5220']).default('epson'),
  columns: z.number().int().min(16).max(40).default(20),
});

/** The whole file: each role configured, or null when the register has none. */
export const devicesConfigSchema = z.strictObject({
  version: z.literal(1).default(1),
  scanner: scannerConfigSchema.nullable().default(null),
  printer: printerConfigSchema.nullable().default(null),
  drawer: drawerConfigSchema.nullable().default(null),
  display: displayConfigSchema.nullable().default(null),
});

/** The roles a register's devices play. */
export const deviceRoleSchema = z.enum(['scanner', 'printer', 'drawer', 'display']);

/** A role. */
export type DeviceRole = z.infer<typeof deviceRoleSchema>;
/** The device configuration as stored (defaults applied). */
export type DevicesConfig = z.output<typeof devicesConfigSchema>;
/** The device configuration as written by a person or the UI (defaults may be left out). */
export type DevicesConfigInput = z.input<typeof devicesConfigSchema>;
/** The scanner's entry. */
export type ScannerConfig = z.output<typeof scannerConfigSchema>;
/** The printer's entry. */
export type PrinterConfig = z.output<typeof printerConfigSchema>;
/** The drawer's entry. */
export type DrawerConfig = z.output<typeof drawerConfigSchema>;
/** The pole display's entry. */
export type DisplayConfig = z.output<typeof displayConfigSchema>;

/** A register with no devices configured. */
export const emptyDevicesConfig: DevicesConfig = {
  version: 1,
  scanner: null,
  printer: null,
  drawer: null,
  display: null,
};
