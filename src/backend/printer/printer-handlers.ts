/**
 * Handlers of the `printer` area (src/shared/ipc/channels/printer.ts): the receipt printer and the cash
 * drawer, through the device service's spooler. A print answers what became of the job — printed, or held
 * with the reason in words — and never a pretended success. On a host without a device service, or with no
 * printer configured, the answer is `printer_not_configured`: the receipt stays on screen.
 */
import { randomUUID } from 'node:crypto';
import { deviceFaultWords } from '@till/shared/devices/records';
import { ipcErr, ipcOk } from '@till/shared/ipc/contract';
import { fromDeviceError } from '../hardware/device-errors';
import type { HardwareContext } from '../hardware/hardware-context';
import type { AreaHandlers } from '../ipc/handler-types';

/** What the clerk is told while no receipt printer is set up. */
export const printerNotConfiguredMessage = 'No receipt printer is set up; the receipt is on screen.';

const noDrawerMessage = 'No cash drawer is set up, so it cannot be opened from here.';

/** Builds the `printer` handlers. */
export function createPrinterHandlers(context: Partial<HardwareContext> = {}): AreaHandlers<'printer'> {
  const devices = context.devices ?? null;
  return {
    async 'printer:status'() {
      const none = { columns: null, virtual: false, online: false, faults: [] };
      if (!devices) return ipcOk({ configured: false, message: printerNotConfiguredMessage, ...none });
      const [health, config] = await Promise.all([
        devices.request({ method: 'health' }),
        devices.request({ method: 'config:get' }),
      ]);
      if (!health.ok || !config.ok) {
        const message = 'The device service is not running yet; devices are reconnecting.';
        return ipcOk({ configured: false, message, ...none });
      }
      const printer = config.value.config.printer;
      if (!printer) return ipcOk({ configured: false, message: printerNotConfiguredMessage, ...none });
      const device = health.value.devices.find((d) => d.role === 'printer');
      const faults = (device?.faults ?? ['offline']).map((code) => ({
        code,
        message: deviceFaultWords[code],
      }));
      const online = device?.state === 'enabled' && !faults.some((f) => f.code === 'offline');
      const blocking = faults.filter((f) => f.code !== 'paper_low');
      return ipcOk({
        configured: true,
        message: blocking.length === 0 ? 'Ready.' : blocking.map((f) => f.message).join(' '),
        columns: printer.columns,
        virtual: printer.virtual,
        online,
        faults,
      });
    },
    async 'printer:print'(request) {
      if (!devices) return ipcErr('printer_not_configured', printerNotConfiguredMessage);
      const jobId = request.jobId ?? randomUUID();
      const result = await devices.request({
        method: 'print',
        params: { jobId, title: request.title ?? 'Receipt', lines: request.lines, columns: request.columns },
      });
      if (!result.ok) return fromDeviceError(result.error, 'printer_not_configured');
      const job = result.value;
      return ipcOk({ jobId: job.id, printed: job.state === 'done', state: job.state, message: job.message });
    },
    async 'printer:drawer'(request) {
      if (!devices) return ipcErr('printer_not_configured', noDrawerMessage);
      const result = await devices.request({
        method: 'drawer:kick',
        params: { key: request?.key ?? randomUUID() },
      });
      if (!result.ok) return fromDeviceError(result.error, 'printer_not_configured');
      return ipcOk({ opened: true as const, alreadyOpened: !result.value.kicked });
    },
  };
}
