/**
 * Handlers of the `hardware` area (src/shared/ipc/channels/hardware.ts): the Hardware screen's view of the
 * device service (devices, faults in words, the spool, the drawer), its actions (discover, configure, test,
 * act on jobs), the diagnostics report and, on a register with virtual hardware, the twins' side.
 */
import { deviceFaultWords } from '@till/shared/devices/records';
import type { DeviceInfo } from '@till/shared/devices/protocol';
import { ipcErr, ipcOk } from '@till/shared/ipc/contract';
import type { IpcResult } from '@till/shared/ipc/contract';
import type { AreaHandlers } from '../ipc/handler-types';
import { diagnosticsReport } from './diagnostics';
import { fromDeviceError } from './device-errors';
import type { HardwareContext } from './hardware-context';
import type { RigError, VirtualRigClient } from './virtual-rig';

/** One device in the screen's words. */
export function describeDevice(device: DeviceInfo) {
  return {
    id: device.id,
    role: device.role,
    name: device.name,
    state: device.state,
    virtual: device.virtual,
    connection: device.connection,
    faults: device.faults.map((code) => ({ code, message: deviceFaultWords[code] })),
  };
}

const noServiceMessage = 'This register runs no device service.';

/** Builds the `hardware` handlers. */
export function createHardwareHandlers(context: HardwareContext): AreaHandlers<'hardware'> {
  const devices = context.devices ?? null;
  const rig = (): VirtualRigClient | null => context.virtualRig?.() ?? null;
  const fromRig = <T>(error: RigError): IpcResult<T> =>
    error.code === 'failed'
      ? ipcErr('invalid_request', error.message)
      : ipcErr('virtual_hardware_off', error.message);

  return {
    async 'hardware:overview'() {
      const service = devices?.status() ?? { state: 'stopped' as const, restarts: 0 };
      const virtualHardware = rig() !== null;
      const diagnostics = devices ? await devices.request({ method: 'diagnostics' }) : null;
      if (!diagnostics?.ok) {
        return ipcOk({ service, config: null, devices: [], jobs: [], drawer: null, virtualHardware });
      }
      const d = diagnostics.value;
      return ipcOk({
        service,
        config: d.config,
        devices: d.devices.map(describeDevice),
        jobs: d.jobs,
        drawer: d.drawer,
        virtualHardware,
      });
    },
    async 'hardware:discover'() {
      if (!devices) return ipcErr('devices_unavailable', noServiceMessage);
      const result = await devices.request({ method: 'discover' });
      return result.ok ? ipcOk(result.value) : fromDeviceError(result.error);
    },
    async 'hardware:configure'(config) {
      if (!devices) return ipcErr('devices_unavailable', noServiceMessage);
      const result = await devices.request({ method: 'config:set', params: config });
      return result.ok ? ipcOk({ config: result.value.config }) : fromDeviceError(result.error);
    },
    async 'hardware:test'(request) {
      if (!devices) return ipcErr('devices_unavailable', noServiceMessage);
      const result = await devices.request({ method: 'test:run', params: request });
      return result.ok ? ipcOk(result.value) : fromDeviceError(result.error);
    },
    async 'hardware:jobs'(request) {
      if (!devices) return ipcErr('devices_unavailable', noServiceMessage);
      if (request.action === 'resume') {
        const result = await devices.request({ method: 'jobs:resume' });
        return result.ok ? ipcOk(result.value) : fromDeviceError(result.error);
      }
      const result =
        request.action === 'discard'
          ? await devices.request({ method: 'jobs:discard', params: { id: request.id } })
          : await devices.request({ method: 'jobs:reprint', params: { id: request.id } });
      if (!result.ok) return fromDeviceError(result.error);
      const list = await devices.request({ method: 'jobs:list' });
      return list.ok ? ipcOk(list.value) : fromDeviceError(list.error);
    },
    async 'hardware:diagnostics'() {
      return ipcOk(await diagnosticsReport(context));
    },
    async 'hardware:virtual'() {
      const twins = rig();
      if (!twins) return ipcErr('virtual_hardware_off', 'This register runs no virtual hardware.');
      const result = await twins.request('state', undefined);
      return result.ok ? ipcOk(result.value) : fromRig(result.error);
    },
    async 'hardware:virtual-printer'(condition) {
      const twins = rig();
      if (!twins) return ipcErr('virtual_hardware_off', 'This register runs no virtual hardware.');
      const result = await twins.request('printer', condition);
      return result.ok ? ipcOk(result.value) : fromRig(result.error);
    },
    async 'hardware:simulate-scan'(request) {
      const twins = rig();
      if (!twins) return ipcErr('virtual_hardware_off', 'This register runs no virtual hardware.');
      const result = await twins.request('scan', request);
      return result.ok ? ipcOk(result.value) : fromRig(result.error);
    },
  };
}
