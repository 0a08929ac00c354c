/**
 * The register app: providers around the shell (top bar with the signed-in clerk, notices, and the main
 * screen, which screen.tsx picks).
 */
import { ModeBadge } from '../features/app-info/mode-badge';
import { NoticeStrip } from '../features/notices/notice-strip';
import { ClerkBar } from '../features/session/clerk-bar';
import { AppProviders } from './providers';
import { Screen } from './screen';

/** The whole register UI. */
export function App() {
  return (
    <AppProviders>
      <div className="shell">
        <header className="topbar">
          <h1 className="brand">Till</h1>
          <div className="topbar-end">
            <ClerkBar />
            <ModeBadge />
          </div>
        </header>
        <NoticeStrip />
        <main className="screen">
          <Screen />
        </main>
      </div>
    </AppProviders>
  );
}
