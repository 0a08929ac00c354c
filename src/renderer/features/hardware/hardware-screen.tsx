/**
 * The Hardware screen (F12), for installers: behind a manager's PIN (the register's one approval dialog),
 * the devices with their state and faults in words, tests, the print spool, finding ports and assigning
 * roles, each role's settings (a network or USB printer among them), "Export diagnostics", and — on a
 * register with virtual hardware — what the twins show. Esc or "Back to sale" leaves it; leaving forgets
 * the approval, so the next visit asks again.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useEnrollment } from '../../app/sync-provider';
import { useNavStore } from '../navigation/nav-store';
import { ManagerApprovalDialog } from '../session/manager-approval-dialog';
import { ConfigurePanel } from './configure-panel';
import { DeviceList } from './device-list';
import { exportDiagnostics } from './diagnostics';
import { JobsPanel } from './jobs-panel';
import { useHardwareOverview } from './queries';
import { SettingsPanel } from './settings-panel';
import { TestPanel } from './test-panel';
import { VirtualPanel } from './virtual-panel';
import './hardware.css';

/** The screen: the manager's PIN first, then the panels. */
export function HardwareScreen() {
  const storeId = useEnrollment()?.storeId ?? '';
  const go = useNavStore((s) => s.go);
  const [manager, setManager] = useState<string | null>(null);
  if (manager === null) {
    return (
      <ManagerApprovalDialog
        storeId={storeId}
        reasons={['Open the Hardware screen (devices, tests, print jobs, set-up)']}
        onApproved={(m) => setManager(m.name)}
        onCancel={() => go('sale')}
      />
    );
  }
  return <HardwarePanels managerName={manager} onBack={() => go('sale')} />;
}

function HardwarePanels({ managerName, onBack }: { managerName: string; onBack: () => void }) {
  const overview = useHardwareOverview();
  const diagnostics = useMutation({ mutationFn: exportDiagnostics });
  const data = overview.data;
  return (
    <div className="hardware-screen">
      <div className="hardware-head">
        <h2>Hardware</h2>
        <span className="muted">Opened by {managerName}</span>
        <button
          type="button"
          className="button button-quiet"
          disabled={diagnostics.isPending}
          onClick={() => diagnostics.mutate()}
        >
          Export diagnostics
        </button>
        <button type="button" className="button" aria-keyshortcuts="Escape" onClick={onBack}>
          Back to sale <kbd>Esc</kbd>
        </button>
      </div>
      <p role="status" aria-label="Diagnostics result">
        {diagnostics.isError
          ? diagnostics.error.message
          : diagnostics.data
            ? `Saved ${diagnostics.data}.`
            : ''}
      </p>
      {overview.isError && <p role="alert">{overview.error.message}</p>}
      {!data && overview.isPending && <p role="status">Asking the devices…</p>}
      {data && (
        <div className="hardware-grid">
          <DeviceList overview={data} />
          <TestPanel />
          {data.virtualHardware && <VirtualPanel />}
          <JobsPanel jobs={data.jobs} />
          <ConfigurePanel config={data.config} />
          <SettingsPanel config={data.config} />
        </div>
      )}
    </div>
  );
}
