/**
 * The sync indicator, always in the top bar: online, offline or reconnecting in words and colour, the
 * sales waiting for the hub (and since when), and the last exchange (or, during the first sync, how many
 * products are in). Clicking it (or Alt+S) opens the sync details. Before the replica runs it says why
 * (looking for the enrollment, not enrolled, opening).
 */
import { useEffect, useState } from 'react';
import { useSyncPhase, useSyncProgress, useSyncStatus } from '../../app/sync-provider';
import { connectionWord, lastExchangeWords, waitingWords } from './indicator-words';
import { SyncDetails } from './sync-details';

/** The keys that open and close the sync details (the F keys belong to the sale, tender and shift screens). */
const DETAILS_KEY = 'Alt+S';

/** Whether a key press is Alt+S, by the key's place so that any keyboard layout works. */
const isDetailsKey = (event: KeyboardEvent) =>
  event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyS';

/** The indicator and, when opened, its details panel. */
export function SyncIndicator() {
  const phase = useSyncPhase();
  const status = useSyncStatus();
  const progress = useSyncProgress();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isDetailsKey(event)) return;
      event.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const connection = status?.connection ?? 'starting';
  return (
    <div className="sync-indicator" role="group" aria-label="Sync status">
      <button
        type="button"
        className={`sync-indicator-button sync-${connection}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="sync-dot" aria-hidden="true" />
        {status ? (
          <>
            <span className="sync-connection">{connectionWord(status.connection)}</span>
            <span className={status.pending.count > 0 ? 'sync-waiting sync-waiting-some' : 'sync-waiting'}>
              {waitingWords(status.pending)}
            </span>
            {progress && !progress.done ? (
              <span className="sync-last">
                First download: {progress.received.products.toLocaleString()} products
              </span>
            ) : (
              <span className="sync-last">{lastExchangeWords(status.lastExchangeAt)}</span>
            )}
          </>
        ) : (
          <span className="sync-connection">{phaseWords(phase.phase)}</span>
        )}
        <kbd>{DETAILS_KEY}</kbd>
      </button>
      {open && <SyncDetails onClose={() => setOpen(false)} />}
    </div>
  );
}

function phaseWords(phase: string): string {
  if (phase === 'not-enrolled') return 'Not enrolled';
  if (phase === 'failed') return 'Sync stopped';
  return 'Starting sync';
}
