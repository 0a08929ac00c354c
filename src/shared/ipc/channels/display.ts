/**
 * The `display` area of the IPC contract: the customer display. The register page publishes what the
 * customer should see (the lines and totals as they change, the change due after a sale, or a welcome when
 * idle) with `display:publish`; the process host keeps the latest state and sends it to every customer
 * display as a `display:update` event. A display never opens the replica: it shows only what it is sent
 * (docs/architecture.md, Processes). In Electron the display is a second window (on a second screen when
 * there is one); in browser mode it is a second page, `/#display`, on the host's origin.
 */
import { z } from 'zod';
import { currencyCode, identText, minor, quantity, text } from '../../schemas/common';

/** The most lines a display state carries (a sale has at most 500). */
export const maxDisplayLines = 500;

/** One line as the customer sees it. */
export const displayLineSchema = z.strictObject({
  lineId: identText().min(1).max(64),
  name: text().min(1).max(120),
  qty: quantity(),
  /** The unit price charged, in minor units. */
  unitPrice: minor(),
  /** The line's discount (its own and its share of a cart discount), in minor units. */
  discount: minor(),
  /** What the line costs, in minor units. */
  gross: minor(),
});

/** How amounts are shown: the store's currency and locale. */
const moneyFormat = {
  currency: currencyCode(),
  locale: identText().min(2).max(35),
};

/** What a customer display shows. */
export const displayStateSchema = z.discriminatedUnion('kind', [
  /** Nobody is being served: a welcome. */
  z.strictObject({ kind: z.literal('idle'), storeName: text().max(120).nullable() }),
  /** A sale in progress: its lines and totals. */
  z.strictObject({
    kind: z.literal('cart'),
    ...moneyFormat,
    lines: z.array(displayLineSchema).max(maxDisplayLines),
    totals: z.strictObject({ net: minor(), tax: minor(), gross: minor(), discount: minor() }),
  }),
  /** A sale just completed: what was paid and the change due. */
  z.strictObject({
    kind: z.literal('change'),
    ...moneyFormat,
    total: minor(),
    paid: minor(),
    change: minor(),
  }),
]);

/** What a customer display shows. */
export type DisplayState = z.infer<typeof displayStateSchema>;

/** `display:open`: who opened the display. `page`: the host has no windows; the page opens `/#display`. */
export const displayOpenResponseSchema = z.object({ openedBy: z.enum(['host', 'page']) });

/** Request channels of the `display` area. */
export const displayChannels = {
  /** Publishes what the customer display shows; sent to every display as `display:update`. */
  'display:publish': { request: displayStateSchema, response: z.object({ published: z.literal(true) }) },
  /** The latest published state (a welcome until something is published), for a display that just opened. */
  'display:current': { request: z.undefined(), response: displayStateSchema },
  /** Opens the customer display: Electron opens its window; browser mode answers `page`. */
  'display:open': { request: z.undefined(), response: displayOpenResponseSchema },
} as const;

/** Events of the `display` area. */
export const displayEvents = {
  /** The customer display's new state. */
  'display:update': displayStateSchema,
} as const;
