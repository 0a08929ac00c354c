/**
 * The customer dialog (F3 on the sale screen): search this store's customers in the replica by name,
 * e-mail or phone as you type and attach one, or sign a new one up, offline too, with their consent
 * choices (both off until the customer says yes). A loyalty card or web order QR scanned into the search,
 * or an e-mail or phone of a customer of another store, is looked up on the hub ("Look up on the hub",
 * or Enter when the replica has no match). Attaching opens the customer panel under the customer line.
 * Esc closes it; nothing else of the sale changes.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useEnrollment, useReplica } from '../../app/sync-provider';
import type { HubCustomer } from '../customer-panel/counter-client';
import { findOnHub } from '../customer-panel/hub-lookup';
import { lookupKeyOf } from '../customer-panel/lookup-key';
import { replicaKeys } from '../../lib/replica-query';
import { useCartStore } from '../sale/cart-store';
import { useCustomerSearch } from './queries';
import { type SignUpInput, signUpCustomer } from './sign-up';

const emptyForm: SignUpInput = { name: '', email: '', phone: '', personalization: false, marketing: false };

/** The customer dialog; `onClose` after attaching, signing up or cancelling. */
export function CustomerDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const [mode, setMode] = useState<'search' | 'sign-up'>('search');
  const close = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog customer-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onKeyDown={close}
      >
        <h2 id={`${id}-title`}>Customer</h2>
        {mode === 'search' ? (
          <CustomerSearch onClose={onClose} onSignUp={() => setMode('sign-up')} />
        ) : (
          <SignUpForm onClose={onClose} onBack={() => setMode('search')} />
        )}
      </div>
    </div>
  );
}

function CustomerSearch({ onClose, onSignUp }: { onClose: () => void; onSignUp: () => void }) {
  const id = useId();
  const enrollment = useEnrollment();
  const [text, setText] = useState('');
  const [onHub, setOnHub] = useState<{ text: string; customers: HubCustomer[] } | null>(null);
  const [hubMessage, setHubMessage] = useState<string | null>(null);
  const localFound = useCustomerSearch(text).data ?? [];
  const key = lookupKeyOf(text);
  // A card or order code is never in the replica's names: only the hub's answer counts for it.
  const hubFound = onHub?.text === text ? onHub.customers : [];
  const found = [
    ...(key?.by === 'card' || key?.by === 'order' ? [] : localFound),
    ...hubFound.filter((h) => !localFound.some((c) => c.id === h.id)),
  ];
  const attach = (customerId: string) => {
    useCartStore.getState().setCustomer(customerId);
    onClose();
  };
  const lookUp = async () => {
    if (!key || !enrollment) return;
    setHubMessage('Asking the hub…');
    const answer = await findOnHub(enrollment, key);
    if (!answer.ok) {
      setHubMessage(answer.error.message);
      return;
    }
    setOnHub({ text, customers: answer.value });
    const only = answer.value.length === 1 ? answer.value[0] : undefined;
    // A card or order code names one customer: attach them at once, as a scan should.
    if (only && (key.by === 'card' || key.by === 'order')) attach(only.id);
    else setHubMessage(answer.value.length === 0 ? 'The hub knows no such customer.' : null);
  };
  return (
    <>
      <label htmlFor={`${id}-search`}>Search customers by name, e-mail or phone</label>
      <input
        id={`${id}-search`}
        className="text-field"
        type="search"
        autoComplete="off"
        autoFocus
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setHubMessage(null);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          // Enter attaches the only match, so a scanned or typed e-mail needs no mouse; with no match it
          // asks the hub.
          e.preventDefault();
          if (found.length === 1 && found[0]) attach(found[0].id);
          else if (found.length === 0 && key) void lookUp();
        }}
      />
      <ul className="customer-results" aria-label="Customers found">
        {found.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="button button-quiet customer-result"
              aria-label={`Attach ${c.name}`}
              onClick={() => attach(c.id)}
            >
              <strong>{c.name}</strong>
              <span className="muted">{[c.email, c.phone].filter(Boolean).join(' · ')}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="muted" role="status" aria-label="Customer search">
        {hubMessage ??
          (text.trim().length < 2
            ? 'Type at least two characters, or scan a loyalty card.'
            : found.length === 0
              ? key
                ? 'No customer of this store matches: look them up on the hub.'
                : 'No customer of this store matches.'
              : `${found.length} found.`)}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={!key || !enrollment}
          onClick={() => void lookUp()}
        >
          Look up on the hub
        </button>
        <button type="button" className="button" onClick={onSignUp}>
          Sign up new customer
        </button>
      </div>
    </>
  );
}

function SignUpForm({ onClose, onBack }: { onClose: () => void; onBack: () => void }) {
  const id = useId();
  const db = useReplica();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SignUpInput>(emptyForm);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<SignUpInput>) => setForm((f) => ({ ...f, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!db) {
      setMessage('This register’s data is not open yet: try again in a moment.');
      return;
    }
    setBusy(true);
    const signed = await signUpCustomer(db, form);
    setBusy(false);
    if (!signed.ok) {
      setMessage(signed.error.message);
      return;
    }
    // The provider's invalidation is throttled; the attached customer should show at once.
    await queryClient.invalidateQueries({ queryKey: replicaKeys.collection(db, 'customers') });
    useCartStore.getState().setCustomer(signed.value.id);
    onClose();
  };

  return (
    <form className="customer-sign-up" aria-label="Sign up a customer" onSubmit={(e) => void submit(e)}>
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        className="text-field"
        autoComplete="off"
        autoFocus
        required
        value={form.name}
        onChange={(e) => set({ name: e.target.value })}
      />
      <label htmlFor={`${id}-email`}>E-mail</label>
      <input
        id={`${id}-email`}
        className="text-field"
        type="text"
        inputMode="email"
        autoComplete="off"
        value={form.email}
        onChange={(e) => set({ email: e.target.value })}
      />
      <label htmlFor={`${id}-phone`}>Phone</label>
      <input
        id={`${id}-phone`}
        className="text-field"
        type="text"
        inputMode="tel"
        autoComplete="off"
        value={form.phone}
        onChange={(e) => set({ phone: e.target.value })}
      />
      <fieldset className="customer-consent">
        <legend>The customer agrees to (ask them; both stay off otherwise)</legend>
        <label>
          <input
            type="checkbox"
            checked={form.personalization}
            onChange={(e) => set({ personalization: e.target.checked })}
          />
          Personalization: their history and offers at the counter
        </label>
        <label>
          <input
            type="checkbox"
            checked={form.marketing}
            onChange={(e) => set({ marketing: e.target.checked })}
          />
          Marketing messages
        </label>
      </fieldset>
      <p className="dialog-message" role="alert" aria-label="Sign-up problem">
        {message}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onBack}>
          Back to search
        </button>
        <button type="submit" className="button" disabled={busy}>
          Sign up and attach <kbd>Enter ↵</kbd>
        </button>
      </div>
    </form>
  );
}
