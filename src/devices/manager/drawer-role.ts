/**
 * The cash drawer's role: kicked through the receipt printer's connector (pin 2 or 5) or a serial
 * interface; each kick is tied to a key (a sale's id) remembered on disk, so a cash sale opens the drawer
 * once however often it is asked. Where the hardware reports the drawer's switch, it is watched: opening
 * and closing become `drawer:state` events, and a drawer left open too long says so once per opening.
 */
import type { DrawerConfig } from '@till/shared/devices/config';
import { deviceErr, deviceOk } from '@till/shared/devices/protocol';
import type { DeviceResult } from '@till/shared/devices/protocol';
import type { DrawerStateRecord } from '@till/shared/devices/records';
import { deviceFaultWords } from '@till/shared/devices/records';
import type { DrawerDriver } from '../core/contracts';
import { deviceFault, faultCodeOf } from '../core/fault';
import { type DrawerPrinter, createPrinterDrawer } from '../drawer/printer-drawer';
import { createSerialDrawer } from '../drawer/serial-drawer';
import { watchDrawer } from '../drawer/watch';
import type { EscposPrinter } from '../printer/escpos-printer';
import { createSerialTransport } from '../transports/serial';
import { type DeviceSlot, type SlotOptions, createDeviceSlot } from './device-slot';
import type { KickKeys } from './kick-keys';

/** The running drawer role. */
export interface DrawerRole {
  readonly slot: DeviceSlot<DrawerDriver>;
  kick(key: string): Promise<DeviceResult<{ kicked: boolean }>>;
  state(): DrawerStateRecord;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What the drawer needs besides its configuration. */
export interface DrawerRoleOptions extends Pick<
  SlotOptions<DrawerDriver>,
  'onStatus' | 'recorder' | 'reconnectDelaysMs'
> {
  /** The receipt printer now (a drawer on its connector follows it through reconnections). */
  printer: () => EscposPrinter | null;
  keys: KickKeys;
  onState: (state: DrawerStateRecord) => void;
  pollMs?: number;
}

/** The printer as the drawer sees it: always the current one, `offline` while there is none. */
function followPrinter(printer: () => EscposPrinter | null): DrawerPrinter {
  const current = (): EscposPrinter => {
    const now = printer();
    if (!now) throw deviceFault('offline', 'the receipt printer the drawer hangs off is not connected');
    return now;
  };
  return {
    sendRaw: async (bytes) => current().sendRaw(bytes),
    status: async () => current().status(),
    health: async () => printer()?.health() ?? ['offline'],
    onLost: () => () => {},
  };
}

/** Builds the drawer role. */
export function createDrawerRole(config: DrawerConfig, options: DrawerRoleOptions): DrawerRole {
  const { connection } = config;
  const id = config.virtual ? 'drawer:virtual' : `drawer:${connection.type}`;
  let state: DrawerStateRecord = { open: null, tooLong: false, openSeconds: 0 };
  let openedAt: number | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let watch: { stop(): void } | null = null;

  const setState = (next: DrawerStateRecord): void => {
    const changed = next.open !== state.open || next.tooLong !== state.tooLong;
    state = next;
    if (changed) options.onState(next);
  };

  const slot = createDeviceSlot<DrawerDriver>({
    onStatus: options.onStatus,
    recorder: options.recorder,
    reconnectDelaysMs: options.reconnectDelaysMs,
    id,
    role: 'drawer',
    name:
      connection.type === 'printer' ? `Cash drawer (printer pin ${connection.pin})` : 'Cash drawer (serial)',
    virtual: config.virtual,
    connection: connection.type === 'printer' ? `printer pin ${connection.pin}` : `serial ${connection.path}`,
    create: () =>
      connection.type === 'printer'
        ? createPrinterDrawer(followPrinter(options.printer), {
            ...connection,
            openWhenSignalHigh: config.openWhenSignalHigh,
          })
        : createSerialDrawer(
            createSerialTransport({ path: connection.path, baudRate: connection.baudRate }),
            {
              kickBytes: Uint8Array.of(0x07),
              openWhenSignalHigh: config.openWhenSignalHigh,
            },
          ),
  });

  /** The slot's driver, observed: every reading of the switch updates the state. */
  const observed = {
    async isOpen(): Promise<boolean | null> {
      const driver = slot.driver();
      const open = driver ? await driver.isOpen().catch(() => null) : null;
      if (open === true) openedAt ??= Date.now();
      if (open !== true) openedAt = null;
      const openSeconds = openedAt === null ? 0 : Math.floor((Date.now() - openedAt) / 1000);
      setState({ open, tooLong: open === true && state.tooLong, openSeconds });
      return open;
    },
  };

  return {
    slot,
    // One kick at a time, so the same key asked twice at once still kicks once.
    kick(key) {
      const run = async (): Promise<DeviceResult<{ kicked: boolean }>> => {
        if (await options.keys.has(key)) return deviceOk({ kicked: false });
        const driver = slot.driver();
        if (!driver)
          return deviceErr('device_fault', `The cash drawer cannot be reached. ${deviceFaultWords.offline}`);
        try {
          await driver.kick();
        } catch (error) {
          options.recorder.error(
            id,
            `kick failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return deviceErr(
            'device_fault',
            `The cash drawer did not open. ${deviceFaultWords[faultCodeOf(error)]}`,
          );
        }
        await options.keys.add(key);
        return deviceOk({ kicked: true });
      };
      const result = queue.then(run, run);
      queue = result;
      return result;
    },
    state: () => state,
    async start() {
      await slot.start();
      if (config.openTooLongSeconds > 0) {
        watch = watchDrawer(observed, {
          warnAfterMs: config.openTooLongSeconds * 1000,
          pollMs: options.pollMs,
          onOpenTooLong: (openForMs) =>
            setState({ open: true, tooLong: true, openSeconds: Math.floor(openForMs / 1000) }),
        });
      }
    },
    async stop() {
      watch?.stop();
      await slot.stop();
    },
  };
}
