/**
 * The Hardware screen's "Find devices": the serial ports and HID scanners attached to this machine (pty
 * links of the virtual twins marked as such), a role to assign to each, and Save, which stores the device
 * configuration and reopens the devices. What discovery cannot list (a keyboard-wedge scanner; a network or
 * USB printer, which "Device settings" sets up) is said.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeviceRole, DevicesConfig } from '@till/shared/devices/config';
import { assignRoles, rolesFor } from './assign-roles';
import { roleWords } from './hardware-words';
import { hardwareKeys, saveConfig, useDiscovery } from './queries';

/** Discovered ports with a role each, and Save. */
export function ConfigurePanel({ config }: { config: DevicesConfig | null }) {
  const queryClient = useQueryClient();
  const discovery = useDiscovery();
  const [assignments, setAssignments] = useState<Map<string, DeviceRole>>(new Map());
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: saveConfig,
    onSuccess: () => {
      setMessage('Saved: the devices are reopening.');
      setAssignments(new Map());
    },
    onError: (error) => setMessage(error.message),
    onSettled: () => queryClient.invalidateQueries({ queryKey: hardwareKeys.all }),
  });

  const found = discovery.data ? [...discovery.data.serialPorts, ...discovery.data.hidScanners] : [];
  const assign = (path: string, role: string) => {
    const next = new Map(assignments);
    if (role === '') next.delete(path);
    else next.set(path, role as DeviceRole);
    setAssignments(next);
  };
  const onSave = () => {
    const result = assignRoles(config, found, assignments);
    if (!result.ok) return setMessage(result.message);
    save.mutate(result.config);
  };

  return (
    <section className="panel hardware-panel" aria-labelledby="hardware-find-title">
      <div className="hardware-panel-head">
        <h3 id="hardware-find-title">Find devices</h3>
        <button
          type="button"
          className="button button-quiet"
          disabled={discovery.isFetching}
          onClick={() => void discovery.refetch()}
        >
          {discovery.isFetching ? 'Looking…' : 'Find again'}
        </button>
      </div>
      {discovery.isError && <p role="alert">{discovery.error.message}</p>}
      {discovery.data && found.length === 0 && <p>No serial port or HID scanner is attached.</p>}
      <ul className="hardware-found" aria-label="Attached ports">
        {found.map((device) => (
          <li key={device.path} className="hardware-found-item">
            <div>
              <strong>{device.path}</strong>
              {device.virtual && <span className="badge badge-virtual">Virtual</span>}
              <div className="muted">
                {device.kind === 'hid' ? 'USB HID scanner' : 'Serial port'}
                {device.manufacturer ? ` · ${device.manufacturer}` : ''}
                {device.product ? ` ${device.product}` : ''}
                {device.vendorId ? ` · ${device.vendorId}:${device.productId ?? '????'}` : ''}
              </div>
            </div>
            <label className="hardware-role">
              <span className="visually-hidden">Role for {device.path}</span>
              <select
                aria-label={`Role for ${device.path}`}
                value={assignments.get(device.path) ?? ''}
                onChange={(e) => assign(device.path, e.target.value)}
              >
                <option value="">Not used</option>
                {rolesFor(device).map((role) => (
                  <option key={role} value={role}>
                    {roleWords[role]}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
      {discovery.data && <p className="muted">{discovery.data.note}</p>}
      <p className="muted">
        A network or USB receipt printer is not listed here: set it up under “Device settings”.
      </p>
      <div className="hardware-actions">
        <button
          type="button"
          className="button"
          disabled={assignments.size === 0 || save.isPending}
          onClick={onSave}
        >
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <p role="status" aria-label="Configuration result">
          {message}
        </p>
      </div>
    </section>
  );
}
