/**
 * `app:info` as a react-query: fetcher, key factory, options and hook (bulletproof-react style).
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { IpcResponse } from '@till/shared/ipc/contract';
import { unwrapIpc } from '../../lib/ipc-query';

/** What `app:info` answers. */
export type AppInfo = IpcResponse<'app:info'>;

/** Query keys of this feature. */
export const appInfoKeys = {
  all: ['app-info'] as const,
};

/** Asks the register process what it is running as. */
export async function fetchAppInfo(): Promise<AppInfo> {
  return unwrapIpc(await window.till.invoke('app:info'));
}

/** Options for the `app:info` query; it does not change while the app runs. */
export function appInfoQueryOptions() {
  return queryOptions({ queryKey: appInfoKeys.all, queryFn: fetchAppInfo, staleTime: Infinity });
}

/** The `app:info` query. */
export function useAppInfo() {
  return useQuery(appInfoQueryOptions());
}
