/**
 * Shows `app:notice` events from the register process under the top bar, each dismissible.
 */
import { useEffect } from 'react';
import { useNoticeStore } from './notice-store';

/** Subscribes to notices for as long as it is mounted and lists them. */
export function NoticeStrip() {
  const notices = useNoticeStore((state) => state.notices);
  const add = useNoticeStore((state) => state.add);
  const dismiss = useNoticeStore((state) => state.dismiss);

  useEffect(() => window.till.on('app:notice', add), [add]);

  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-live="polite">
      {notices.map((notice) => (
        <li key={notice.id} className={`notice notice-${notice.level}`}>
          <span>{notice.message}</span>
          <button type="button" className="link-button" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </li>
      ))}
    </ul>
  );
}
