/**
 * The top bar's badge: how the register runs (Electron or browser mode) and its version.
 */
import { useAppInfo } from './queries';

const modeLabels = { electron: 'Desktop', browser: 'Browser mode' } as const;

/** Shows the mode and version once known; "Not connected" when the register process does not answer. */
export function ModeBadge() {
  const { data, isError } = useAppInfo();
  if (isError) return <span className="badge badge-error">Not connected</span>;
  if (!data) return <span className="badge">Starting…</span>;
  return (
    <span className="badge badge-ok">
      {modeLabels[data.mode]} · v{data.version}
    </span>
  );
}
