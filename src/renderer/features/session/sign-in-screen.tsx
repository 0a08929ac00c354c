/**
 * The sign-in screen: the store's active staff from the replica, a masked PIN field that typing goes to,
 * a PIN pad for touch, and what went wrong in words. The PIN is checked by the register process with the
 * store's staff key (`staff:verify-pin`); only "it matches" or a coded refusal comes back. Every sign-in,
 * refusal and replaced clerk is written to the audit trail.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StoredEnrollment } from '@till/shared/ipc/channels/register';
import { useReplica, useSyncPhase } from '../../app/sync-provider';
import { useNoticeStore } from '../notices/notice-store';
import { recordAudit } from '../../../sync/record-audit';
import { useIdleLockMinutes } from './idle-lock';
import { parkCartOnLeave } from './park-on-leave';
import { PinPad } from './pin-pad';
import { useActiveStaff, verifyStaffPin } from './queries';
import { useSessionStore } from './session-store';
import { signInErrorWords } from './sign-in-words';
import { StaffPicker } from './staff-picker';

/** The most digits a PIN has (the shared PIN policy's maximum). */
const MAX_PIN_DIGITS = 12;

/** The sign-in panel; `onShowInfo` opens the register's app-info panel instead. */
export function SignInScreen({ onShowInfo }: { onShowInfo: () => void }) {
  const phase = useSyncPhase();
  return (
    <section className="panel sign-in" aria-labelledby="sign-in-heading">
      <div className="sign-in-head">
        <h2 id="sign-in-heading">Sign in</h2>
        <button type="button" className="button button-quiet" onClick={onShowInfo}>
          Register info
        </button>
      </div>
      {phase.phase === 'running' ? (
        <SignInForm enrollment={phase.enrollment} />
      ) : (
        <p role="status" aria-label="Staff">
          {phase.phase === 'failed'
            ? `${phase.message} Signing in works once this register’s data opens.`
            : 'Opening this register’s data…'}
        </p>
      )}
    </section>
  );
}

function SignInForm({ enrollment }: { enrollment: StoredEnrollment }) {
  const staff = useActiveStaff(enrollment.storeId);
  const db = useReplica();
  const current = useSessionStore((s) => s.clerk);
  const locked = useSessionStore((s) => s.locked);
  const signIn = useSessionStore((s) => s.signIn);
  const notify = useNoticeStore((s) => s.add);
  const [selectedId, setSelectedId] = useState<string | null>(locked ? (current?.id ?? null) : null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const verify = useMutation({ mutationFn: verifyStaffPin });
  const pinField = useRef<HTMLInputElement>(null);
  const pinId = useId();
  const idleLockMinutes = useIdleLockMinutes();

  const chosen = staff.data?.find((s) => s.id === selectedId) ?? null;
  const addDigit = (digit: string) => setPin((p) => (p.length < MAX_PIN_DIGITS ? p + digit : p));

  // Typing a digit anywhere on the screen goes to the PIN field, so a clerk can pick a name with the arrow
  // keys and type the PIN straight away.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const field = pinField.current;
      if (!field || event.target === field || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (/^[0-9]$/.test(event.key)) {
        event.preventDefault();
        setPin((p) => (p.length < MAX_PIN_DIGITS ? p + event.key : p));
        field.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const select = (id: string) => {
    if (id === selectedId) return;
    setSelectedId(id);
    setPin('');
    setMessage(null);
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (verify.isPending) return;
    if (!chosen) {
      setMessage('Pick your name first.');
      return;
    }
    if (pin === '') {
      setMessage('Enter your PIN.');
      pinField.current?.focus();
      return;
    }
    setMessage(null);
    const result = await verify.mutateAsync({
      staffId: chosen.id,
      storeId: enrollment.storeId,
      pinHash: chosen.pinHash,
      pin,
    });
    setPin('');
    if (result.ok) {
      // A different clerk signing in at an idle lock replaces the one who left the till, whose sale is
      // parked for them (a payment in progress stays, for whoever signs in to finish).
      if (current && current.id !== chosen.id) {
        const parked = await parkCartOnLeave(current);
        if (parked.ok && parked.value) {
          notify({ level: 'info', code: 'sale_parked_on_leave', message: parked.value });
        }
        void recordAudit(db, enrollment, {
          action: 'sign_out',
          staffId: current.id,
          details: { reason: 'replaced_at_idle_lock' },
        });
      }
      void recordAudit(db, enrollment, {
        action: 'sign_in',
        staffId: chosen.id,
        details: locked && current?.id === chosen.id ? { reason: 'unlock' } : {},
      });
      signIn(chosen);
      return;
    }
    setMessage(signInErrorWords(result.error, new Date()));
    void recordAudit(db, enrollment, {
      action: 'sign_in_failed',
      staffId: chosen.id,
      details: { reason: result.error.code, ...result.error.details },
    });
    pinField.current?.focus();
  };

  if (staff.isPending) {
    return (
      <p role="status" aria-label="Staff">
        Loading staff…
      </p>
    );
  }
  if (!staff.data || staff.data.length === 0) {
    return (
      <p role="status" aria-label="Staff">
        No staff on this register yet: the first sync with the hub is still bringing them. You can sign in as
        soon as they arrive.
      </p>
    );
  }
  return (
    <form className="sign-in-body" aria-label="Sign in" onSubmit={(e) => void send(e)}>
      {locked && current && (
        <p className="sign-in-lock-note" role="status" aria-label="Locked">
          Locked after {idleLockMinutes} {idleLockMinutes === 1 ? 'minute' : 'minutes'} without use.{' '}
          {current.name}, enter your PIN to continue, or another clerk signs in.
        </p>
      )}
      <StaffPicker
        staff={staff.data}
        selectedId={selectedId}
        onSelect={select}
        onChosen={() => pinField.current?.focus()}
        autoFocus={!(locked && current)}
      />
      <div className="pin-entry">
        <label htmlFor={pinId}>PIN</label>
        {chosen && <span className="pin-for">{chosen.name}</span>}
        <input
          id={pinId}
          ref={pinField}
          // The clerk of an idle lock goes straight to their PIN.
          autoFocus={locked && current !== null}
          className="pin-field"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={MAX_PIN_DIGITS}
          value={pin}
          aria-describedby={message ? `${pinId}-message` : undefined}
          onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, MAX_PIN_DIGITS))}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setPin('');
          }}
        />
        <PinPad
          onDigit={addDigit}
          onDelete={() => setPin((p) => p.slice(0, -1))}
          onClear={() => setPin('')}
          disabled={verify.isPending}
        />
        <button type="submit" className="button sign-in-submit" disabled={verify.isPending}>
          {verify.isPending ? 'Checking…' : 'Sign in'} <kbd>Enter ↵</kbd>
        </button>
        <p id={`${pinId}-message`} className="sign-in-message" role="alert" aria-label="Sign-in message">
          {message}
        </p>
      </div>
    </form>
  );
}
