/**
 * The Hardware screen's device list: each device's role, name, state and faults in words, how it is
 * connected, and a "Virtual" badge on twins; above it, the device service's own state.
 */
import type { IpcResponse } from '@till/shared/ipc/contract';
import { deviceStateWords, roleWords, serviceStateWords } from './hardware-words';

type Overview = IpcResponse<'hardware:overview'>;

/** The service's state and one row per device. */
export function DeviceList({ overview }: { overview: Overview }) {
  const { service, devices, drawer } = overview;
  return (
    <section className="panel hardware-panel" aria-labelledby="hardware-devices-title">
      <h3 id="hardware-devices-title">Devices</h3>
      <p role="status" aria-label="Device service">
        Device service: {serviceStateWords[service.state]}
        {service.restarts > 0 && ` (restarted ${service.restarts} times)`}
      </p>
      {devices.length === 0 && <p>No device is set up. Assign one below under “Find devices”.</p>}
      <ul className="hardware-devices" aria-label="Devices">
        {devices.map((device) => (
          <li key={device.id} className="hardware-device" aria-label={roleWords[device.role]}>
            <div className="hardware-device-head">
              <strong>{roleWords[device.role]}</strong>
              {device.virtual && <span className="badge badge-virtual">Virtual</span>}
            </div>
            <div className="muted">
              {device.name} · {device.connection}
            </div>
            <div aria-label={`${roleWords[device.role]} state`}>
              {device.faults.length === 0 ? deviceStateWords[device.state] : 'Needs attention'}
            </div>
            {device.faults.map((fault) => (
              <p key={fault.code} className="hardware-fault" role="alert">
                {fault.message}
              </p>
            ))}
          </li>
        ))}
      </ul>
      {drawer && (
        <p aria-label="Cash drawer state">
          Cash drawer:{' '}
          {drawer.open === null
            ? 'cannot tell whether it is open'
            : drawer.open
              ? `open for ${drawer.openSeconds} s${drawer.tooLong ? ' — too long' : ''}`
              : 'closed'}
        </p>
      )}
    </section>
  );
}
