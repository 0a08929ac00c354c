/**
 * The shift screen (F7): with no open shift, open one with a counted float; while open, paid-ins and
 * paid-outs with a reason, an X report at any time and the close with a count; after the close, its Z
 * report. Everything is written to the replica and pushed by replication, so it all works offline.
 */
import { useEffect, useState } from 'react';
import { formatMoney } from '@till/shared/domain/money';
import { computeShiftReport } from '@till/shared/domain/shift-report';
import { type Shift, cashMovementsOf } from '@till/shared/schemas/shift';
import { type StoreSettings, cashVarianceApprovalOf } from '@till/shared/schemas/settings';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import { useNavStore } from '../navigation/nav-store';
import { useActiveClerk } from '../session/session-store';
import { CashMovementForm } from './cash-movement-form';
import { CloseShiftForm } from './close-shift-form';
import { OpenShiftForm } from './open-shift-form';
import { useManagers, useOpenShift, useShift, useShiftSales, useShiftSettings } from './queries';
import { addCashMovement, closeShift, openShift } from './shift-actions';
import { ShiftReportView } from './shift-report-view';

/** The shift screen. */
export function ShiftScreen() {
  const enrollment = useEnrollment();
  const db = useReplica();
  const clerk = useActiveClerk();
  const go = useNavStore((s) => s.go);
  const storeId = enrollment?.storeId ?? '';
  const registerId = enrollment?.registerId ?? '';
  const settings = useShiftSettings(storeId).data ?? null;
  const open = useOpenShift(registerId);
  const [closedId, setClosedId] = useState<string | null>(null);

  useEffect(() => {
    // Esc goes back to the sale, unless a field of a form has the focus (Esc there is the field's own).
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const target = event.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      go('sale');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  const where = enrollment ? { storeId, registerId } : null;
  let body;
  if (!db || !where || !clerk || !settings || open.isPending) {
    body = (
      <p className="muted" role="status">
        Loading the shift…
      </p>
    );
  } else if (closedId) {
    body = <ClosedShift shiftId={closedId} settings={settings} onNew={() => setClosedId(null)} />;
  } else if (!open.data) {
    body = (
      <OpenShiftForm
        currency={settings.currency}
        locale={settings.locale}
        onOpen={async (float) => {
          const r = await openShift(db, where, { clerkId: clerk.id, currency: settings.currency, float });
          return r.ok ? null : r.error.message;
        }}
      />
    );
  } else {
    body = <OpenShift shift={open.data} settings={settings} onClosed={(id) => setClosedId(id)} />;
  }

  return (
    <section className="panel shift-screen" aria-labelledby="shift-heading">
      <div className="shift-head">
        <h2 id="shift-heading">Shift</h2>
        <button type="button" className="button button-quiet" onClick={() => go('sale')}>
          Back to sale <kbd>Esc</kbd>
        </button>
      </div>
      {body}
    </section>
  );
}

/** An open shift: its cash so far, paid in/out, the X report and the close. */
function OpenShift({
  shift,
  settings,
  onClosed,
}: {
  shift: Shift;
  settings: StoreSettings;
  onClosed: (shiftId: string) => void;
}) {
  const db = useReplica();
  const clerk = useActiveClerk();
  const sales = useShiftSales(shift.id).data ?? [];
  const managers = useManagers(settings.storeId).data ?? [];
  const [view, setView] = useState<'main' | 'x' | 'closing'>('main');
  const report = computeShiftReport(shift, sales);
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  if (!db || !clerk) return null;
  const where = { storeId: shift.storeId, registerId: shift.registerId };

  return (
    <div className="shift-open">
      <h3>Shift open since {new Date(shift.openedAt).toLocaleTimeString(settings.locale)}</h3>
      <dl className="facts cash-summary">
        <div role="group" aria-label="Opening float">
          <dt>Opening float</dt>
          <dd>{money(shift.openingFloat)}</dd>
        </div>
        <div role="group" aria-label="Sales in this shift">
          <dt>Sales in this shift</dt>
          <dd>{report.salesCount}</dd>
        </div>
        <div role="group" aria-label="Expected cash">
          <dt>Expected cash</dt>
          <dd>{money(report.expectedCash)}</dd>
        </div>
      </dl>
      <div className="shift-actions">
        <button
          type="button"
          className="button"
          aria-pressed={view === 'x'}
          onClick={() => setView(view === 'x' ? 'main' : 'x')}
        >
          X report
        </button>
        <button type="button" className="button" onClick={() => setView('closing')}>
          Close shift…
        </button>
      </div>
      {view === 'x' && (
        <ShiftReportView
          report={report}
          locale={settings.locale}
          storeName={settings.name}
          {...(shift.clerkId === clerk.id ? { clerkName: clerk.name } : {})}
        />
      )}
      {view === 'closing' ? (
        <CloseShiftForm
          report={report}
          locale={settings.locale}
          storeId={settings.storeId}
          varianceThreshold={cashVarianceApprovalOf(settings)}
          managers={managers}
          onCancel={() => setView('main')}
          onClose={async ({ counted, approvedBy }) => {
            const r = await closeShift(db, where, {
              shiftId: shift.id,
              closedBy: clerk.id,
              expectedCash: report.expectedCash,
              counted,
              approvedBy,
            });
            if (!r.ok) return r.error.message;
            onClosed(shift.id);
            return null;
          }}
        />
      ) : (
        <CashMovementForm
          currency={settings.currency}
          locale={settings.locale}
          onSubmit={async (m) => {
            const r = await addCashMovement(db, shift.id, { ...m, staffId: clerk.id });
            return r.ok ? null : r.error.message;
          }}
        />
      )}
      {cashMovementsOf(shift).length > 0 && (
        <ul className="cash-movements" aria-label="Cash paid in and out">
          {cashMovementsOf(shift).map((m) => (
            <li key={m.id}>
              {m.kind === 'paid_in' ? 'Paid in' : 'Paid out'} {money(m.amount)} — {m.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A shift just closed: its Z report, and a way to open the next one. */
function ClosedShift({
  shiftId,
  settings,
  onNew,
}: {
  shiftId: string;
  settings: StoreSettings;
  onNew: () => void;
}) {
  const clerk = useActiveClerk();
  const shift = useShift(shiftId).data ?? null;
  const sales = useShiftSales(shiftId).data ?? [];
  if (!shift) return null;
  return (
    <div className="shift-closed">
      <h3>Shift closed</h3>
      <ShiftReportView
        report={computeShiftReport(shift, sales)}
        locale={settings.locale}
        storeName={settings.name}
        {...(clerk && shift.clerkId === clerk.id ? { clerkName: clerk.name } : {})}
        printOnShow
      />
      <button type="button" className="button" onClick={onNew}>
        Open a new shift
      </button>
    </div>
  );
}
