/**
 * The top bar's Pickups button with the number of web orders waiting at this store (new, being picked, or
 * ready), shown while a clerk is signed in; it opens the Pickups screen, as F5 does.
 */
import { useEnrollment } from '../../app/sync-provider';
import { useNavStore } from '../navigation/nav-store';
import { useActiveClerk } from '../session/session-store';
import { useWaitingPickups } from './queries';

/** Opens the Pickups screen; its badge counts the orders waiting. */
export function PickupsButton() {
  const clerk = useActiveClerk();
  const enrollment = useEnrollment();
  const waiting = useWaitingPickups(enrollment?.storeId ?? null);
  const go = useNavStore((s) => s.go);
  if (!clerk) return null;
  return (
    <button
      type="button"
      className="bar-button pickups-bar-button"
      title="Pickups"
      aria-keyshortcuts="F5"
      aria-label={`Pickups, ${waiting} waiting`}
      onClick={() => go('pickups')}
    >
      {/*
       * A house stands in for "Pickups" (the word is the accessible name and the tooltip): the top bar is
       * full, and a wider button would cut the sync indicator short even at 1920 px.
       */}
      <span>
        <span aria-hidden="true" className="pickups-icon">
          ⌂
        </span>
        <span className="pickups-badge" aria-hidden="true">
          {waiting}
        </span>
      </span>{' '}
      <kbd>F5</kbd>
    </button>
  );
}
