/**
 * The app-info panel's sync section: whether the register reaches its hub, sales waiting and the oldest,
 * the last exchange, the store and register it is enrolled as, and the products in its replica. Until the
 * register is enrolled it says why, in words, and offers to enroll it.
 */
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import type { SyncEngine } from '../../../sync/sync-engine';
import { useSyncPhase, useSyncProgress, useSyncStatus } from '../../app/sync-provider';
import { EnrollForm } from './enroll-form';
import { Fact } from './fact';
import { useProductCount, useStoreName } from './replica-queries';
import { connectionNote, distinctProblems, pendingWords, progressWords, timeOf } from './sync-words';

/** The sync section. */
export function SyncSection() {
  const phase = useSyncPhase();
  return (
    <section className="sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      {phase.phase === 'loading' && <p className="muted">Looking for this register’s enrollment…</p>}
      {phase.phase === 'not-enrolled' && (
        <>
          <p role="status" aria-label="Enrollment">
            {phase.message} Trying again every few seconds.
          </p>
          {phase.code !== 'unavailable' && <EnrollForm />}
        </>
      )}
      {phase.phase === 'starting' && (
        <p role="status" aria-label="Enrollment">
          Opening this register’s data for {phase.enrollment.storeId}…
        </p>
      )}
      {phase.phase === 'failed' && (
        <p role="status" aria-label="Enrollment">
          {phase.message} Trying again every few seconds.
        </p>
      )}
      {phase.phase === 'running' && <SyncFacts enrollment={phase.enrollment} engine={phase.engine} />}
    </section>
  );
}

function SyncFacts({ enrollment, engine }: { enrollment: StoredEnrollment; engine: SyncEngine }) {
  const status = useSyncStatus() ?? engine.status();
  const progress = useSyncProgress();
  const products = useProductCount();
  const storeName = useStoreName(enrollment.storeId);
  const note = connectionNote(status.connection);
  // The connection note already says the hub is unreachable; the collections' reports would repeat it.
  const problems = distinctProblems(status.problems).filter((p) => !(note && p.code === 'offline'));
  return (
    <>
      <dl className="facts">
        <Fact label="Connection">
          <span className={`connection connection-${status.connection}`}>{status.connection}</span>
        </Fact>
        <Fact label="Sales waiting">{pendingWords(status.pending)}</Fact>
        <Fact label="Last exchange">{timeOf(status.lastExchangeAt, 'not yet')}</Fact>
        <Fact label="Store">
          {storeName.data ? `${storeName.data} (${enrollment.storeId})` : enrollment.storeId}
        </Fact>
        <Fact label="Register">{`${enrollment.name} (${enrollment.registerId})`}</Fact>
        <Fact label="Products in the replica">
          {products.data === undefined ? '…' : products.data.toLocaleString()}
        </Fact>
        {progress && <Fact label="First sync">{progressWords(progress)}</Fact>}
        {status.quarantined > 0 && <Fact label="Refused by the hub">{status.quarantined}</Fact>}
      </dl>
      {progress && !progress.done && (
        <progress
          className="sync-progress"
          aria-label="First sync"
          max={Object.keys(progress.received).length}
          value={progress.caughtUp.length}
        />
      )}
      {note && <p className="connection-note">{note}</p>}
      {problems.length > 0 && (
        <ul className="problems" aria-label="Sync problems">
          {problems.map((p) => (
            <li key={p.code}>{p.message}</li>
          ))}
        </ul>
      )}
    </>
  );
}
