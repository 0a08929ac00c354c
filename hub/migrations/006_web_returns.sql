-- Web orders returned at a counter (BORIS). The return itself is a sale of kind `return` naming the order
-- (`returnOf.orderId`); this table is its refund: how much goes back, how, and where it stands. The return's
-- id is the key, so a return pushed again finds its row and is never refunded twice; the gateway's refund
-- is asked with the same id as its idempotency key.
CREATE TABLE web_returns (
  return_id uuid PRIMARY KEY REFERENCES sales (id),
  order_id text NOT NULL REFERENCES web_orders (id),
  store_id text NOT NULL,
  number text NOT NULL,
  method text NOT NULL CHECK (method IN ('card', 'store_credit', 'cash', 'other')),
  amount bigint NOT NULL CHECK (amount >= 0),
  currency text NOT NULL,
  -- The charge a card refund goes back to (the order's payment).
  charge_reference text,
  state text NOT NULL CHECK (state IN ('pending', 'refunded', 'refused', 'credited', 'paid')),
  refund_reference text,
  last4 text,
  code text,
  message text,
  -- What came back: [{lineId, qty, disposition}], for the order's summary and the return limits.
  lines jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  settled_at timestamptz
);
CREATE INDEX web_returns_order ON web_returns (order_id);
CREATE INDEX web_returns_pending ON web_returns (created_at) WHERE state = 'pending';
CREATE INDEX sales_return_of_order ON sales ((doc -> 'returnOf' ->> 'orderId')) WHERE kind = 'return';
