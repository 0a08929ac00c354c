/**
 * The quarantine list a manager opens: every document the hub refused, with the hub's reason and when, and
 * the diagnostics export (a JSON file for support, built with src/sync/diagnostics.ts; the enrollment
 * token is never in it). Nothing here changes a document: quarantined documents are kept, never deleted
 * (docs/architecture.md, Data rules).
 */
import { useMutation } from '@tanstack/react-query';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { useSyncEngine } from '../../app/sync-provider';
import { collectDiagnostics, downloadDiagnostics, useQuarantine } from './queries';

/** The list and the export, opened by `managerName`. */
export function QuarantineList({
  managerName,
  count,
  enrollment,
}: {
  managerName: string;
  count: number;
  enrollment: StoredEnrollment;
}) {
  const engine = useSyncEngine();
  const entries = useQuarantine(count);
  const exportFile = useMutation({
    mutationFn: async () => {
      if (!engine) throw new Error('The register’s data is not open.');
      return downloadDiagnostics(await collectDiagnostics(engine, enrollment));
    },
  });

  return (
    <section className="quarantine" aria-label="Quarantine list">
      <p className="muted">Opened by {managerName}.</p>
      {entries.isPending && <p role="status">Reading the quarantine…</p>}
      {entries.data && entries.data.length === 0 && <p>Nothing is quarantined.</p>}
      {entries.data && entries.data.length > 0 && (
        <table className="quarantine-table">
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Hub’s reason</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {entries.data.map((e) => (
              <tr key={`${e.collection}/${e.id}`}>
                <td>
                  {e.collection} <code>{e.id}</code>
                </td>
                <td>
                  {e.message} <code>({e.code})</code>
                </td>
                <td>{new Date(e.at).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="button"
        disabled={exportFile.isPending}
        onClick={() => exportFile.mutate()}
      >
        Export diagnostics
      </button>
      {exportFile.data && <p role="status">Saved {exportFile.data}. Send it to support.</p>}
      {exportFile.error && <p role="alert">The export failed: {exportFile.error.message}</p>}
    </section>
  );
}
