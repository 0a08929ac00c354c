/**
 * The register app: providers around the shell (top bar with the sync indicator, the signed-in clerk and
 * the customer display button; the display publisher; notices; and the main
 * screen, which screen.tsx picks).
 */
import { ModeBadge } from '../features/app-info/mode-badge';
import { CustomerDisplayButton } from '../features/customer-display/display-button';
import { DisplayPublisher } from '../features/customer-display/display-publisher';
import { NoticeStrip } from '../features/notices/notice-strip';
import { ClerkBar } from '../features/session/clerk-bar';
import { SyncIndicator } from '../features/sync-indicator/sync-indicator';
import { AppProviders } from './providers';
import { Screen } from './screen';

/** The whole register UI. */
export function App() {
  return (
    <AppProviders>
      <div className="shell">
        <header className="topbar">
          <h1 className="brand">Till</h1>
          <SyncIndicator />
          <div className="topbar-end">
            <ClerkBar />
            <CustomerDisplayButton />
            <ModeBadge />
          </div>
        </header>
        <DisplayPublisher />
        <NoticeStrip />
        <main className="screen">
          <Screen />
        </main>
      </div>
    </AppProviders>
  );
}
