/**
 * The device manager: loads the register's device configuration (`<dataDir>/devices.json`), opens each
 * configured device through the UnifiedPOS lifecycle, reconnects it when it goes away, runs the print
 * spooler in `<dataDir>/spool`, watches the drawer and drives the pole display. It never throws at the
 * service for a device's trouble: faults are reported as `device:status`, and errors are recorded (the
 * last 50) for the diagnostics report. `setConfig` stores a new configuration and reopens the devices.
 */
import path from 'node:path';
import type { DevicesConfig } from '@till/shared/devices/config';
import { deviceErr, deviceOk } from '@till/shared/devices/protocol';
import type {
  DeviceEvent,
  DeviceEventPayload,
  DeviceInfo,
  DeviceMethodResult,
  DeviceParams,
  DeviceResult,
} from '@till/shared/devices/protocol';
import type { PrintJob } from '@till/shared/devices/records';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import { keyboardWedgeNote, listHidScanners, listSerialPorts } from '../discovery';
import { createConfigStore } from './config-store';
import { type DisplayRole, createDisplayRole } from './display-role';
import { type DrawerRole, createDrawerRole } from './drawer-role';
import { createKickKeys } from './kick-keys';
import { type PrinterRole, type PrinterTimings, createPrinterRole } from './printer-role';
import { createRecorder } from './recorder';
import { createScannerSlot } from './scanner-role';
import type { DeviceSlot } from './device-slot';
import type { DeviceDriver } from '../core/contracts';

/** Emits one protocol event to the process host. */
export type EmitEvent = <E extends DeviceEvent>(event: E, payload: DeviceEventPayload<E>) => void;

/** What the manager needs. */
export interface ManagerOptions extends PrinterTimings {
  /** Its data folder: `devices.json`, the spool, the drawer's kick keys. */
  dataDir: string;
  emit: EmitEvent;
  log?: (line: string) => void;
  reconnectDelaysMs?: readonly number[];
  /** How often the drawer's switch is read. */
  drawerPollMs?: number;
}

/** The folder the virtual hardware keeps its pty links in, under the device data folder. */
export const virtualPortsFolder = 'virtual-ports';

/** Builds the manager; nothing opens until `start()`. */
export function createDeviceManager(options: ManagerOptions) {
  const log = options.log ?? ((line: string) => console.error(line));
  const recorder = createRecorder(log);
  const store = createConfigStore(options.dataDir, (message) => recorder.error(null, message));
  const keys = createKickKeys(options.dataDir, (message) => recorder.error(null, message));
  const common = {
    recorder,
    reconnectDelaysMs: options.reconnectDelaysMs,
    onStatus: (info: DeviceInfo) => options.emit('device:status', info),
  };
  let config: DevicesConfig | null = null;
  let printer: PrinterRole | null = null;
  let drawer: DrawerRole | null = null;
  let display: DisplayRole | null = null;
  let scanner: DeviceSlot<DeviceDriver> | null = null;
  let lastJobs: PrintJob[] = [];

  async function open(next: DevicesConfig): Promise<void> {
    config = next;
    scanner = next.scanner
      ? createScannerSlot(next.scanner, common, (scan) => options.emit('scanner:scan', scan))
      : null;
    printer = next.printer
      ? createPrinterRole(
          next.printer,
          options.dataDir,
          common,
          (jobs) => {
            lastJobs = jobs;
            options.emit('printer:jobs', { jobs });
          },
          options,
        )
      : null;
    const current = printer;
    drawer = next.drawer
      ? createDrawerRole(next.drawer, {
          ...common,
          keys,
          printer: () => current?.slot.driver() ?? null,
          onState: (state) => options.emit('drawer:state', state),
          pollMs: options.drawerPollMs,
        })
      : null;
    display = next.display ? createDisplayRole(next.display, common) : null;
    // Each device on its own: one that cannot open never keeps the others from opening.
    await Promise.all([scanner?.start(), printer?.start(), display?.slot.start()]);
    await drawer?.start();
    if (printer) lastJobs = await printer.jobs();
  }

  async function close(): Promise<void> {
    await drawer?.stop();
    await Promise.all([scanner?.stop(), printer?.stop(), display?.slot.stop()]);
    scanner = printer = drawer = display = null;
  }

  const slots = (): DeviceSlot<DeviceDriver>[] =>
    [scanner, printer?.slot, drawer?.slot, display?.slot].filter((s): s is DeviceSlot<DeviceDriver> => !!s);
  const notConfigured = (what: string) => deviceErr('not_configured', `No ${what} is set up.`);

  return {
    configPath: store.path,
    recorder,
    async start(): Promise<void> {
      await open(await store.load());
    },
    stop: close,
    devices: (): DeviceInfo[] => slots().map((slot) => slot.info()),
    config: (): DevicesConfig | null => config,
    async setConfig(next: DevicesConfig): Promise<DeviceResult<DevicesConfig>> {
      try {
        await store.save(next);
      } catch (error) {
        recorder.error(null, `saving ${store.path} failed: ${String(error)}`);
        return deviceErr('internal', 'The device configuration could not be saved.');
      }
      await close();
      await open(next);
      return deviceOk(next);
    },
    async discover(): Promise<DeviceMethodResult<'discover'>> {
      const [serialPorts, hidScanners] = await Promise.all([
        listSerialPorts(path.join(options.dataDir, virtualPortsFolder)),
        listHidScanners(),
      ]);
      return {
        serialPorts: serialPorts.slice(0, 128),
        hidScanners: hidScanners.slice(0, 64),
        note: keyboardWedgeNote,
      };
    },
    print: (params: DeviceParams<'print'>) =>
      printer ? printer.print(params) : Promise.resolve(notConfigured('receipt printer')),
    jobs: async () => (printer ? await printer.jobs() : lastJobs),
    resume: async () => (printer ? await printer.resume() : []),
    reprint: (id: string) =>
      printer ? printer.reprint(id) : Promise.resolve(notConfigured('receipt printer')),
    discard: (id: string) =>
      printer ? printer.discard(id) : Promise.resolve(notConfigured('receipt printer')),
    kick: (key: string) => (drawer ? drawer.kick(key) : Promise.resolve(notConfigured('cash drawer'))),
    drawerState: () => drawer?.state() ?? null,
    showDisplay: async (state: DisplayState) => (display ? await display.show(state) : false),
    async test(role: DeviceParams<'test:run'>['role'], kind: DeviceParams<'test:run'>['kind']) {
      const unsupported = deviceErr<{ message: string }>(
        'unsupported',
        `There is no ${kind} test for the ${role}.`,
      );
      if (role === 'printer') {
        if (kind !== 'print' && kind !== 'page') return unsupported;
        return printer ? printer.test(kind) : notConfigured('receipt printer');
      }
      if (role === 'drawer') {
        if (kind !== 'drawer') return unsupported;
        if (!drawer) return notConfigured('cash drawer');
        // A test has no sale: a fresh key, so it always kicks.
        const kicked = await drawer.kick(`test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`);
        return kicked.ok ? deviceOk({ message: 'The drawer was sent the open pulse.' }) : kicked;
      }
      if (role === 'display') {
        if (kind !== 'display') return unsupported;
        if (!display) return notConfigured('pole display');
        const shown = await display.showLines(['Till display test', new Date().toISOString().slice(11, 19)]);
        return shown
          ? deviceOk({ message: 'The display shows the test lines.' })
          : deviceErr('device_fault', 'The pole display is not connected.');
      }
      return deviceErr('unsupported', 'Scan a barcode to test the scanner: it shows up in the recent scans.');
    },
  };
}

/** The manager. */
export type DeviceManager = ReturnType<typeof createDeviceManager>;
