/**
 * The sync details, in words a clerk understands: the connection, the sales waiting, the last exchange,
 * each problem once (as src/sync/status.ts describes it), the first download as a progress bar ("the
 * register is usable as soon as products are in") and, behind a manager's PIN, the quarantine list with
 * the diagnostics export. Esc closes it.
 */
import { useEffect, useRef, useState } from 'react';
import { useSyncPhase, useSyncProgress, useSyncStatus } from '../../app/sync-provider';
import { distinctProblems } from '../app-info/sync-words';
import {
  connectionSentence,
  connectionWord,
  downloadWords,
  lastExchangeWords,
  quarantineWords,
  waitingSentence,
} from './indicator-words';
import { ManagerGate } from './manager-gate';
import { QuarantineList } from './quarantine-list';

/** The details dialog; `onClose` hides it. */
export function SyncDetails({ onClose }: { onClose: () => void }) {
  const phase = useSyncPhase();
  const status = useSyncStatus();
  const progress = useSyncProgress();
  const [quarantine, setQuarantine] = useState<'closed' | 'asking' | { managerName: string }>('closed');
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        // Esc also means "back to sale" elsewhere; here it only closes the panel.
        event.preventDefault();
        event.stopImmediatePropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [onClose]);

  // The outage is already said by the connection sentence; the collections' reports would repeat it.
  const problems = status
    ? distinctProblems(status.problems).filter(
        (p) => !(status.connection !== 'online' && p.code === 'offline'),
      )
    : [];
  return (
    <div className="sync-details-backdrop">
      <section
        className="sync-details"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sync-details-heading"
      >
        <div className="sync-details-head">
          <h2 id="sync-details-heading">Sync details</h2>
          <button ref={closeButton} type="button" className="button button-quiet" onClick={onClose}>
            Close <kbd>Esc</kbd>
          </button>
        </div>
        {!status || phase.phase !== 'running' ? (
          <p role="status" aria-label="Sync state">
            {'message' in phase ? phase.message : 'This register’s data is opening; sync starts by itself.'}
          </p>
        ) : (
          <>
            <p className={`sync-sentence sync-${status.connection}`} role="status" aria-label="Sync state">
              <strong>{connectionWord(status.connection)}.</strong> {connectionSentence(status.connection)}
            </p>
            <p aria-label="Sales waiting">{waitingSentence(status.pending)}</p>
            <p aria-label="Last exchange">
              {status.lastExchangeAt
                ? `${lastExchangeWords(status.lastExchangeAt)}.`
                : 'Not heard from the hub yet.'}
            </p>
            {progress && (
              <div className="sync-download">
                <p aria-label="First download">{downloadWords(progress)}</p>
                {!progress.done && (
                  <progress
                    className="sync-progress"
                    aria-label="First download"
                    max={Object.keys(progress.received).length}
                    value={progress.caughtUp.length}
                  />
                )}
              </div>
            )}
            {problems.length > 0 && (
              <ul className="problems" aria-label="Sync problems">
                {problems.map((p) => (
                  <li key={p.code}>{p.message}</li>
                ))}
              </ul>
            )}
            <div className="sync-quarantine">
              <h3>Refused by the hub</h3>
              <p aria-label="Refused by the hub">{quarantineWords(status.quarantined)}</p>
              {quarantine === 'closed' && (
                <button type="button" className="button" onClick={() => setQuarantine('asking')}>
                  Quarantine list (manager)
                </button>
              )}
              {quarantine === 'asking' && (
                <ManagerGate
                  storeId={phase.enrollment.storeId}
                  onCancel={() => setQuarantine('closed')}
                  onApproved={(managerName) => setQuarantine({ managerName })}
                />
              )}
              {typeof quarantine === 'object' && (
                <QuarantineList
                  managerName={quarantine.managerName}
                  count={status.quarantined}
                  enrollment={phase.enrollment}
                />
              )}
            </div>
          </>
        )}
      </section>
    </div>
  );
}
