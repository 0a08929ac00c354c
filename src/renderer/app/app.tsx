/**
 * The register app: providers around the shell (top bar with the sync indicator, the signed-in clerk, the
 * recent receipts button, the customer display button, the Pickups button (web orders waiting), the Hardware
 * button (a "Virtual hardware" badge when the devices are twins), on one row down to 1024 px wide; the display publisher; hardware and other notices; and the main
 * screen, which screen.tsx picks).
 */
import { ModeBadge } from '../features/app-info/mode-badge';
import { CustomerDisplayButton } from '../features/customer-display/display-button';
import { DisplayPublisher } from '../features/customer-display/display-publisher';
import { HardwareButton } from '../features/hardware/hardware-button';
import { PickupsButton } from '../features/pickups/pickups-button';
import { HardwareNotices } from '../features/hardware/hardware-notices';
import { NoticeStrip } from '../features/notices/notice-strip';
import { ReceiptsButton } from '../features/receipts/receipts-button';
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
            <ReceiptsButton />
            <CustomerDisplayButton />
            <PickupsButton />
            <HardwareButton />
            <ModeBadge />
          </div>
        </header>
        <DisplayPublisher />
        <HardwareNotices />
        <NoticeStrip />
        <main className="screen">
          <Screen />
        </main>
      </div>
    </AppProviders>
  );
}
