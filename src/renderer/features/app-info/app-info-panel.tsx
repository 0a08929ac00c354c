/**
 * The first screen: the register is up and says what it is running as (the `app:info` answer) and how its
 * sync with the hub stands, or says plainly why it cannot reach its register process.
 */
import { useAppInfo } from './queries';
import { SyncSection } from './sync-section';

/** The register status panel. */
export function AppInfoPanel() {
  const { data, error, isPending, refetch, isFetching } = useAppInfo();

  if (isPending) {
    return (
      <section className="panel" aria-busy="true">
        <p className="muted">Connecting to the register…</p>
      </section>
    );
  }
  if (error) {
    return (
      <section className="panel panel-error" role="alert">
        <h2>The register is not connected</h2>
        <p>{error.message}</p>
        <button type="button" className="button" onClick={() => void refetch()} disabled={isFetching}>
          Try again
        </button>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="register-status">
      <h2 id="register-status">Register ready</h2>
      <dl className="facts">
        <dt>Mode</dt>
        <dd data-testid="app-mode">{data.mode}</dd>
        <dt>Version</dt>
        <dd data-testid="app-version">{data.version}</dd>
        <dt>Platform</dt>
        <dd data-testid="app-platform">{data.platform}</dd>
      </dl>
      <SyncSection />
    </section>
  );
}
