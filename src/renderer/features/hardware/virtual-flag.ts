/**
 * Whether this register runs virtual hardware: any configured device, or any device the service drives,
 * is a virtual twin. The top bar's hardware control (hardware-button.tsx) shows it.
 */
import type { DevicesConfig } from '@till/shared/devices/config';
import { useHardwareOverview } from './queries';

/** Whether any configured device is virtual. */
export function anyVirtual(config: DevicesConfig): boolean {
  return [config.scanner, config.printer, config.drawer, config.display].some((d) => d?.virtual === true);
}

/** True once the overview says a device is virtual; kept current from `hardware:changed`. */
export function useVirtualHardwareFlag(): boolean {
  const overview = useHardwareOverview().data;
  if (!overview) return false;
  return overview.devices.some((d) => d.virtual) || (overview.config !== null && anyVirtual(overview.config));
}
