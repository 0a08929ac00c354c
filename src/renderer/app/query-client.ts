/**
 * The app's react-query client. `networkMode: 'always'`: queries here go to the local register process or
 * the local replica, never straight to the network, so react-query must not pause them while the machine
 * is offline (src/renderer/README.md, "State").
 */
import { QueryClient } from '@tanstack/react-query';

/** Creates the client; one per app (and one per test). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local calls fail for a reason (a coded error), not by chance: retrying would only delay the message.
      queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false },
      mutations: { networkMode: 'always', retry: false },
    },
  });
}
