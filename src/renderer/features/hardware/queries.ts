/**
 * What the Hardware screen and the counter ask of the register process (the `hardware` and `printer`
 * channels), in the patterns of src/renderer/README.md: fetchers that unwrap coded results, a key factory,
 * and hooks that ask again when the process host says something changed (`hardware:changed`).
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { IpcRequest } from '@till/shared/ipc/contract';
import { unwrapIpc } from '../../lib/ipc-query';

/** Query keys of the hardware feature. */
export const hardwareKeys = {
  all: ['hardware'] as const,
  overview: () => [...hardwareKeys.all, 'overview'] as const,
  discover: () => [...hardwareKeys.all, 'discover'] as const,
  virtual: () => [...hardwareKeys.all, 'virtual'] as const,
  printerStatus: () => [...hardwareKeys.all, 'printer-status'] as const,
};

/** Every device, the spool, the drawer and the device service's state. */
export async function fetchOverview() {
  return unwrapIpc(await window.till.invoke('hardware:overview'));
}

/** The serial ports and HID scanners attached to this machine. */
export async function fetchDiscovery() {
  return unwrapIpc(await window.till.invoke('hardware:discover'));
}

/** What the virtual twins show (throws `virtual_hardware_off` on a register with real hardware). */
export async function fetchVirtual() {
  return unwrapIpc(await window.till.invoke('hardware:virtual'));
}

/** Whether a receipt printer is set up, its width and faults. */
export async function fetchPrinterStatus() {
  return unwrapIpc(await window.till.invoke('printer:status'));
}

/** Saves the device configuration; answers the configuration as stored. */
export async function saveConfig(config: IpcRequest<'hardware:configure'>) {
  return unwrapIpc(await window.till.invoke('hardware:configure', config));
}

/** Runs one test; answers its words. */
export async function runTest(test: IpcRequest<'hardware:test'>) {
  return unwrapIpc(await window.till.invoke('hardware:test', test)).message;
}

/** Resumes, reprints or discards spool jobs. */
export async function actOnJobs(action: IpcRequest<'hardware:jobs'>) {
  return unwrapIpc(await window.till.invoke('hardware:jobs', action)).jobs;
}

/** The diagnostics report: a file name and its JSON. */
export async function fetchDiagnostics() {
  return unwrapIpc(await window.till.invoke('hardware:diagnostics'));
}

/** Types a barcode into the virtual serial scanner. */
export async function simulateScan(data: string) {
  unwrapIpc(await window.till.invoke('hardware:simulate-scan', { data }));
}

/** Sets conditions on the virtual printer (paper out, cover open…). */
export async function setVirtualPrinter(condition: IpcRequest<'hardware:virtual-printer'>) {
  unwrapIpc(await window.till.invoke('hardware:virtual-printer', condition));
}

/** Options of the overview query. */
export const overviewQueryOptions = () =>
  queryOptions({ queryKey: hardwareKeys.overview(), queryFn: fetchOverview });

/** Options of the printer status query. */
export const printerStatusQueryOptions = () =>
  queryOptions({ queryKey: hardwareKeys.printerStatus(), queryFn: fetchPrinterStatus });

/**
 * Invalidates the hardware queries on every `hardware:changed` event while mounted: the host pushes
 * "something changed", and the page asks again rather than keeping a copy of the device state.
 */
export function useHardwareChanges(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      window.till.on('hardware:changed', () => {
        void queryClient.invalidateQueries({ queryKey: hardwareKeys.all });
      }),
    [queryClient],
  );
}

/** The overview, kept current from `hardware:changed`. */
export function useHardwareOverview() {
  useHardwareChanges();
  return useQuery(overviewQueryOptions());
}

/** The printer's status, kept current from `hardware:changed`. */
export function usePrinterStatus() {
  useHardwareChanges();
  return useQuery(printerStatusQueryOptions());
}

/**
 * What the virtual twins show, asked again every second while `enabled` (the twins send no events: a kick
 * or a printed receipt shows within a second).
 */
export function useVirtualHardware(enabled: boolean) {
  return useQuery({
    queryKey: hardwareKeys.virtual(),
    queryFn: fetchVirtual,
    enabled,
    refetchInterval: 1000,
  });
}

/** The discovered ports, asked when the screen opens and on "Find devices". */
export function useDiscovery() {
  return useQuery({ queryKey: hardwareKeys.discover(), queryFn: fetchDiscovery, staleTime: Infinity });
}
