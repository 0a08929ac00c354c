/**
 * Everything the app needs around it: the react-query client, and the replica with its sync (inside the
 * client, which the replica's reads use).
 */
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { createQueryClient } from './query-client';
import { SyncProvider } from './sync-provider';
import type { SyncSession } from './sync-session';

/** Wraps the app in its providers; tests may pass their own client and sync session. */
export function AppProviders({
  children,
  client,
  syncSession,
}: {
  children: ReactNode;
  client?: QueryClient;
  syncSession?: SyncSession;
}) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      <SyncProvider {...(syncSession && { session: syncSession })}>{children}</SyncProvider>
    </QueryClientProvider>
  );
}
