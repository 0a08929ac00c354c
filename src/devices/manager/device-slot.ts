/**
 * One configured device and its place in the UnifiedPOS lifecycle (open → claim → enable; release → close
 * on shutdown). The slot builds a fresh driver for each attempt, opens it, and when the attempt fails or the
 * driver reports the device lost (unplugged, the printer switched off, a pty gone) it closes what is left
 * and tries again with growing delays — so a scanner plugged back in is found again without anyone acting.
 * Every change of state or faults is reported, and every failure recorded for diagnostics; nothing throws.
 */
import type { DeviceRole } from '@till/shared/devices/config';
import type { DeviceInfo, DeviceState } from '@till/shared/devices/protocol';
import type { DeviceFaultCodeName } from '@till/shared/devices/records';
import type { DeviceDriver } from '../core/contracts';
import { faultCodeOf } from '../core/fault';
import type { Recorder } from './recorder';

/** Delays before the 1st, 2nd… reconnection attempt in a row; the last one repeats. */
export const defaultReconnectDelaysMs: readonly number[] = [250, 1_000, 2_000, 5_000];

/** What a slot needs. */
export interface SlotOptions<D extends DeviceDriver> {
  id: string;
  role: DeviceRole;
  name: string;
  virtual: boolean;
  /** How it is connected, for people. */
  connection: string;
  /** Builds a driver for one attempt (throws only for a configuration it cannot use). */
  create: () => D;
  /** Attaches listeners once the device is enabled; returns what detaches them. */
  attach?: (driver: D) => () => void;
  onStatus: (info: DeviceInfo) => void;
  recorder: Recorder;
  reconnectDelaysMs?: readonly number[];
}

/** One device's slot. */
export interface DeviceSlot<D extends DeviceDriver> {
  readonly id: string;
  readonly role: DeviceRole;
  /** The driver while the device is enabled, else null. */
  driver(): D | null;
  info(): DeviceInfo;
  /** Sets the faults the manager sees (e.g. from the printer's status); reports a change. */
  setFaults(faults: readonly DeviceFaultCodeName[]): void;
  /** Opens the device (and keeps trying); resolves after the first attempt. */
  start(): Promise<void>;
  /** Releases and closes it, and stops trying. */
  stop(): Promise<void>;
  /** Tells the slot the device is gone (a failed write found out): reconnects. */
  lost(reason: string): void;
}

/** Builds a slot; nothing happens until `start()`. */
export function createDeviceSlot<D extends DeviceDriver>(options: SlotOptions<D>): DeviceSlot<D> {
  const delays = options.reconnectDelaysMs ?? defaultReconnectDelaysMs;
  let state: DeviceState = 'closed';
  let faults: DeviceFaultCodeName[] = [];
  let current: D | null = null;
  let detach: (() => void) | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = true;

  const info = (): DeviceInfo => ({
    id: options.id,
    category: options.role,
    role: options.role,
    name: options.name,
    state,
    virtual: options.virtual,
    faults: [...faults],
    connection: options.connection.slice(0, 300),
  });
  const report = (): void => options.onStatus(info());
  const move = (next: DeviceState): void => {
    state = next;
    report();
  };

  async function teardown(): Promise<void> {
    detach?.();
    detach = null;
    const driver = current;
    current = null;
    if (driver) {
      // UnifiedPOS release then close: the driver does both in `close`, which never rejects.
      if (state === 'enabled') state = 'claimed';
      if (state === 'claimed') state = 'opened';
      await driver.close();
    }
  }

  function retryLater(): void {
    if (stopped) return;
    const delay = delays[Math.min(attempt, delays.length - 1)] ?? 5_000;
    attempt += 1;
    clearTimeout(timer);
    timer = setTimeout(() => void tryOpen(), delay);
  }

  async function tryOpen(): Promise<void> {
    if (stopped) return;
    let driver: D;
    try {
      driver = options.create();
    } catch (error) {
      fail(faultCodeOf(error, 'misconfigured'), `cannot be set up: ${messageOf(error)}`);
      return;
    }
    try {
      await driver.open();
    } catch (error) {
      await driver.close();
      fail(faultCodeOf(error), `could not be opened: ${messageOf(error)}`);
      return;
    }
    if (stopped) {
      await driver.close();
      return;
    }
    current = driver;
    attempt = 0;
    faults = [];
    move('opened');
    move('claimed');
    const stopLost = driver.onLost((reason) => lost(reason));
    const stopAttached = options.attach?.(driver);
    detach = () => {
      stopLost();
      stopAttached?.();
    };
    move('enabled');
  }

  function fail(code: DeviceFaultCodeName, message: string): void {
    options.recorder.error(options.id, message);
    faults = [code];
    state = 'closed';
    report();
    retryLater();
  }

  function lost(reason: string): void {
    if (stopped || current === null) return;
    options.recorder.error(options.id, `lost: ${reason}`);
    void teardown().then(() => {
      faults = ['offline'];
      move('closed');
      retryLater();
    });
  }

  return {
    id: options.id,
    role: options.role,
    driver: () => (state === 'enabled' ? current : null),
    info,
    setFaults(next) {
      const sorted = [...next].sort();
      if (sorted.join() === [...faults].sort().join()) return;
      faults = sorted;
      report();
    },
    async start() {
      if (!stopped) return;
      stopped = false;
      attempt = 0;
      report();
      await tryOpen();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await teardown();
      faults = [];
      move('closed');
    },
    lost,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
