/**
 * The register app: providers around the shell (top bar, notices, main screen).
 */
import { AppInfoPanel } from '../features/app-info/app-info-panel';
import { ModeBadge } from '../features/app-info/mode-badge';
import { NoticeStrip } from '../features/notices/notice-strip';
import { AppProviders } from './providers';

/** The whole register UI. */
export function App() {
  return (
    <AppProviders>
      <div className="shell">
        <header className="topbar">
          <h1 className="brand">Till</h1>
          <ModeBadge />
        </header>
        <NoticeStrip />
        <main className="screen">
          <AppInfoPanel />
        </main>
      </div>
    </AppProviders>
  );
}
