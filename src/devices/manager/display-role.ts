/**
 * The pole display's role: a two-line customer display on a serial port (Epson or CD5220 commands). It
 * shows each state the register publishes, and the latest one again after a reconnection.
 */
import type { DisplayConfig } from '@till/shared/devices/config';
import type { DisplayState } from '@till/shared/ipc/channels/display';
import type { DisplayDriver } from '../core/contracts';
import { formatDisplayState } from '../display/format';
import { createPoleDisplay } from '../display/pole-display';
import { createSerialTransport } from '../transports/serial';
import { type DeviceSlot, type SlotOptions, createDeviceSlot } from './device-slot';

/** The running display role. */
export interface DisplayRole {
  readonly slot: DeviceSlot<DisplayDriver>;
  /** Shows a state (remembered for a reconnection); false when the display is not connected. */
  show(state: DisplayState): Promise<boolean>;
  /** Shows two lines as they are (the display test). */
  showLines(lines: readonly [string, string]): Promise<boolean>;
}

/** Builds the display role. */
export function createDisplayRole(
  config: DisplayConfig,
  common: Pick<SlotOptions<DisplayDriver>, 'onStatus' | 'recorder' | 'reconnectDelaysMs'>,
): DisplayRole {
  const { connection } = config;
  const id = config.virtual ? 'display:virtual' : 'display:serial';
  let latest: [string, string] | null = null;
  const write = async (driver: DisplayDriver, lines: readonly [string, string]): Promise<boolean> => {
    try {
      await driver.show(lines);
      return true;
    } catch (error) {
      common.recorder.error(id, `show failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
  const slot = createDeviceSlot<DisplayDriver>({
    ...common,
    id,
    role: 'display',
    name: config.virtual ? 'Virtual pole display' : `Pole display (${config.commandSet})`,
    virtual: config.virtual,
    connection: `serial ${connection.path} ${connection.baudRate} 8N1`,
    create: () =>
      createPoleDisplay(createSerialTransport({ path: connection.path, baudRate: connection.baudRate }), {
        commandSet: config.commandSet,
        columns: config.columns,
      }),
    attach: (driver) => {
      if (latest) void write(driver, latest);
      return () => {};
    },
  });
  const showLines = async (lines: readonly [string, string]): Promise<boolean> => {
    latest = [lines[0], lines[1]];
    const driver = slot.driver();
    return driver ? write(driver, lines) : false;
  };
  return {
    slot,
    show: (state) => showLines(formatDisplayState(state, config.columns)),
    showLines,
  };
}
