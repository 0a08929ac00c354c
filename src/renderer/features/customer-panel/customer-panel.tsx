/**
 * The customer panel under the customer line of the sale: the attached customer's loyalty balance and, only
 * with their personalization consent, their tier, purchases (web orders and store sales together),
 * recently viewed products, their abandoned web cart (one button adds it to the sale) and the offers they
 * qualify for (one button applies each). Without consent it says so and shows nothing more. A profile the
 * register kept from an earlier look-up stands in while the hub cannot be reached, marked as possibly out
 * of date.
 */
import { formatCount } from '@till/shared/domain/money';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TillDatabase } from '../../../sync/database';
import { useReplica } from '../../app/sync-provider';
import { useCustomer } from '../customer/queries';
import { addCartToSale, applyOffer } from './cart-actions';
import { type CustomerProfile, panelView } from './profile';
import { useCustomerProfile } from './use-customer-profile';

const tierWords = { bronze: 'Bronze', silver: 'Silver', gold: 'Gold' } as const;

/** The panel of `customerId`; `money` formats minor units, `locale` numbers and dates. */
export function CustomerPanel({
  customerId,
  money,
  locale,
}: {
  customerId: string;
  money: (minor: number) => string;
  locale: string;
}) {
  const id = useId();
  const db = useReplica();
  const queryClient = useQueryClient();
  const loaded = useCustomerProfile(customerId);
  const local = useCustomer(customerId).data ?? null;
  const [message, setMessage] = useState<string | null>(null);
  const data = loaded.data;
  const profile = data?.profile
    ? panelView(data.profile, local ? local.consent.personalization : null)
    : null;

  const run = async (action: (replica: TillDatabase) => Promise<string>) => {
    if (!db) return;
    setMessage(await action(db));
  };

  return (
    <section className="customer-panel" aria-labelledby={`${id}-title`}>
      <div className="customer-panel-head">
        <h3 id={`${id}-title`}>Customer panel</h3>
        <button
          type="button"
          className="button button-quiet"
          disabled={loaded.isFetching}
          onClick={() =>
            void queryClient.invalidateQueries({ queryKey: ['customer-profile'], refetchType: 'active' })
          }
        >
          Refresh
        </button>
      </div>
      {loaded.isPending ? (
        <p className="muted" role="status">
          Asking the hub about this customer…
        </p>
      ) : !profile ? (
        <p className="muted" role="status" aria-label="Profile">
          {local
            ? `${local.name} · ${formatCount(local.loyaltyPoints, locale)} points. The hub cannot be reached and this register kept nothing more.`
            : 'The hub cannot be reached and this register kept nothing of this customer.'}
        </p>
      ) : (
        <>
          {data?.stale && (
            <p className="customer-panel-stale" role="status" aria-label="Profile freshness">
              Possibly out of date: kept on this register {new Date(profile.fetchedAt).toLocaleString(locale)}{' '}
              (the hub cannot be reached).
            </p>
          )}
          <p className="customer-panel-balance" aria-label="Loyalty balance">
            <strong>{profile.name}</strong> · {formatCount(profile.points, locale)} points
            {profile.tier ? ` · ${tierWords[profile.tier]} tier` : ''}
          </p>
          {profile.consent ? (
            <PersonalDetails profile={profile} money={money} locale={locale} run={run} />
          ) : (
            <p className="muted" role="note" aria-label="Consent">
              No personalization consent: history and offers are not shown.
            </p>
          )}
          <p className="dialog-message" role="status" aria-label="Panel message">
            {message}
          </p>
        </>
      )}
    </section>
  );
}

function PersonalDetails({
  profile,
  money,
  locale,
  run,
}: {
  profile: CustomerProfile;
  money: (minor: number) => string;
  locale: string;
  run: (action: (replica: TillDatabase) => Promise<string>) => Promise<void>;
}) {
  const cart = profile.abandonedCart;
  const day = (iso: string) => (iso ? new Date(iso).toLocaleDateString(locale) : '');
  return (
    <div className="customer-panel-body">
      <h4>History</h4>
      <ul aria-label="Purchase history" className="customer-panel-list">
        {profile.purchases.length === 0 && <li className="muted">No purchases yet.</li>}
        {profile.purchases.map((p) => (
          <li key={`${p.kind}-${p.id}`}>
            <span>
              {p.kind === 'web' ? 'Web order' : 'Store'} {p.number} · {day(p.at)} · {p.status}
            </span>
            <span>{money(p.gross)}</span>
          </li>
        ))}
      </ul>
      <h4>Recently viewed</h4>
      <ul aria-label="Recently viewed" className="customer-panel-list">
        {profile.recentlyViewed.length === 0 && <li className="muted">Nothing viewed online.</li>}
        {profile.recentlyViewed.map((v) => (
          <li key={v.sku}>{v.name}</li>
        ))}
      </ul>
      <h4>Abandoned cart</h4>
      {cart ? (
        <>
          <ul aria-label="Abandoned cart" className="customer-panel-list">
            {cart.items.map((i) => (
              <li key={i.sku}>
                {i.qty} × {i.name}
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(async (db) => {
                const added = await addCartToSale(db, cart);
                if (!added.ok) return added.error.message;
                const skipped = added.value.skipped.map((s) => s.sku).join(', ');
                return `Added ${added.value.units} item(s) from the web cart.${skipped ? ` Not added: ${skipped}.` : ''}`;
              })
            }
          >
            Add cart to sale
          </button>
        </>
      ) : (
        <p className="muted">No abandoned cart.</p>
      )}
      <h4>Offers</h4>
      <ul aria-label="Offers" className="customer-panel-list">
        {profile.offers.length === 0 && <li className="muted">No offers today.</li>}
        {profile.offers.map((o) => (
          <li key={o.sku}>
            <span>
              {o.name}: {o.discountBp / 100} % off ({o.reason})
            </span>
            <button
              type="button"
              className="button button-quiet"
              aria-label={`Apply offer ${o.name}`}
              onClick={() =>
                void run(async (db) => {
                  const applied = await applyOffer(db, o);
                  return applied.ok ? `Offer applied: ${o.name}.` : applied.error.message;
                })
              }
            >
              Apply
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
