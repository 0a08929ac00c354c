-- Till hub schema v1. Runs unchanged on PostgreSQL (13+) and PGlite.
--
-- Every replicated table carries (xid, seq): xid is the writing transaction's id, seq a global sequence.
-- Pulls page by (xid, seq) and only read rows whose xid is below the snapshot's xmin, so a slow
-- transaction that commits after a faster one is never skipped (docs/architecture.md, Sync protocol).

CREATE SEQUENCE change_seq;

-- Stamps an updated row with its writer's transaction id and a fresh sequence number (inserts get both from
-- the column defaults), so an updated row is pulled again after any checkpoint taken before the update.
CREATE FUNCTION stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.xid := pg_current_xact_id();
  NEW.seq := nextval('change_seq');
  RETURN NEW;
END
$$;

CREATE TABLE stores (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE store_settings (
  store_id text PRIMARY KEY REFERENCES stores (id),
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);

CREATE TABLE enrollment_codes (
  code text PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  reusable boolean NOT NULL DEFAULT false,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE registers (
  id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  name text NOT NULL,
  -- SHA-256 of the bearer token: tokens are 256 random bits, so a fast hash is enough and a stolen
  -- table gives no usable token.
  token_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX registers_store ON registers (store_id);

CREATE TABLE staff (
  id text PRIMARY KEY,
  store_id text NOT NULL REFERENCES stores (id),
  name text NOT NULL,
  role text NOT NULL,
  pin_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX staff_changes ON staff (store_id, xid, seq);

CREATE TABLE products (
  sku text PRIMARY KEY,
  name text NOT NULL,
  price bigint NOT NULL,
  currency text NOT NULL,
  tax_code text NOT NULL,
  category text,
  open_price boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX products_changes ON products (xid, seq);
CREATE INDEX products_name ON products (lower(name) text_pattern_ops);

CREATE TABLE product_barcodes (
  barcode text PRIMARY KEY,
  sku text NOT NULL REFERENCES products (sku)
);
CREATE INDEX product_barcodes_sku ON product_barcodes (sku);

-- The ledger: every change of on-hand or reserved stock, with what caused it. Levels are its running sum.
CREATE TABLE stock_movements (
  id bigserial PRIMARY KEY,
  store_id text NOT NULL,
  sku text NOT NULL,
  on_hand_delta integer NOT NULL,
  reserved_delta integer NOT NULL DEFAULT 0,
  reason text NOT NULL,
  sale_id uuid,
  order_id text,
  line_id text,
  at timestamptz NOT NULL DEFAULT now()
);
-- The available-to-promise model reads recent sales by time; recomputing a level scans by store and SKU
-- rarely enough that the hot insert path carries only this one index.
CREATE INDEX stock_movements_at ON stock_movements (at);

CREATE TABLE stock_levels (
  store_id text NOT NULL REFERENCES stores (id),
  sku text NOT NULL,
  on_hand integer NOT NULL DEFAULT 0,
  reserved integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (store_id, sku)
);
CREATE INDEX stock_levels_changes ON stock_levels (store_id, xid, seq);

-- Insert-only: a completed sale is never updated (docs/architecture.md, Data rules).
CREATE TABLE sales (
  id uuid PRIMARY KEY,
  store_id text NOT NULL,
  register_id text NOT NULL,
  number text NOT NULL,
  kind text NOT NULL,
  customer_id text,
  currency text NOT NULL,
  gross bigint NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  doc jsonb NOT NULL,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX sales_changes ON sales (store_id, xid, seq);
CREATE INDEX sales_customer ON sales (customer_id) WHERE customer_id IS NOT NULL;

CREATE TABLE customers (
  id text PRIMARY KEY,
  email text,
  name text NOT NULL,
  phone text,
  consent jsonb NOT NULL,
  loyalty_points integer NOT NULL DEFAULT 0,
  home_store_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE UNIQUE INDEX customers_email ON customers (lower(email));
CREATE INDEX customers_phone ON customers (phone);
CREATE INDEX customers_changes ON customers (home_store_id, xid, seq);

CREATE TABLE loyalty_ledger (
  id bigserial PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  delta integer NOT NULL,
  reason text NOT NULL,
  sale_id uuid,
  order_id text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loyalty_ledger_customer ON loyalty_ledger (customer_id);

-- Browsing and cart events from the web store: the data behind personalization.
CREATE TABLE customer_events (
  id bigserial PRIMARY KEY,
  session_id text NOT NULL,
  customer_id text,
  type text NOT NULL,
  sku text,
  qty integer,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_events_customer ON customer_events (customer_id, at);
CREATE INDEX customer_events_session ON customer_events (session_id);

CREATE TABLE carts (
  session_id text PRIMARY KEY,
  customer_id text,
  lines jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'open',
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX carts_customer ON carts (customer_id);

CREATE SEQUENCE web_order_number;

CREATE TABLE web_orders (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  status text NOT NULL,
  fulfilment jsonb NOT NULL,
  pickup_store_id text,
  customer_id text,
  email text NOT NULL,
  phone text,
  doc jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX web_orders_changes ON web_orders (pickup_store_id, xid, seq);
CREATE INDEX web_orders_email ON web_orders (lower(email));
CREATE INDEX web_orders_phone ON web_orders (phone);
CREATE INDEX web_orders_customer ON web_orders (customer_id);

-- The order's lines as rows (the document keeps them too, as registers replicate it whole): for reporting
-- and look-ups by SKU.
CREATE TABLE web_order_lines (
  order_id text NOT NULL REFERENCES web_orders (id),
  line_id text NOT NULL,
  sku text NOT NULL,
  name text NOT NULL,
  qty integer NOT NULL,
  unit_price bigint NOT NULL,
  discount bigint NOT NULL,
  net bigint NOT NULL,
  tax bigint NOT NULL,
  gross bigint NOT NULL,
  tax_code text NOT NULL,
  PRIMARY KEY (order_id, line_id)
);
CREATE INDEX web_order_lines_sku ON web_order_lines (sku);

-- Stock held for a web order at one store; released when collected, shipped or cancelled.
CREATE TABLE order_reservations (
  order_id text NOT NULL REFERENCES web_orders (id),
  store_id text NOT NULL,
  sku text NOT NULL,
  qty integer NOT NULL,
  released_at timestamptz,
  PRIMARY KEY (order_id, store_id, sku)
);

CREATE TABLE payments (
  id bigserial PRIMARY KEY,
  order_id text NOT NULL REFERENCES web_orders (id),
  kind text NOT NULL,
  amount bigint NOT NULL,
  currency text NOT NULL,
  reference text NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shifts (
  id text PRIMARY KEY,
  store_id text NOT NULL,
  register_id text NOT NULL,
  status text NOT NULL,
  doc jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX shifts_changes ON shifts (store_id, xid, seq);

CREATE TABLE audit (
  id uuid PRIMARY KEY,
  store_id text NOT NULL,
  register_id text NOT NULL,
  action text NOT NULL,
  at timestamptz NOT NULL,
  doc jsonb NOT NULL,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX audit_changes ON audit (store_id, xid, seq);

-- Things a person must resolve: a sale of an unknown SKU, stock driven below zero, a web order that can
-- no longer be fulfilled after an outage.
CREATE TABLE exceptions (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  store_id text,
  sku text,
  sale_id uuid,
  order_id text,
  message text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'open',
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolution text
);
CREATE INDEX exceptions_open ON exceptions (status, created_at);

CREATE TRIGGER stamp BEFORE UPDATE ON store_settings FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER stamp BEFORE UPDATE ON staff FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER stamp BEFORE UPDATE ON products FOR EACH ROW EXECUTE FUNCTION stamp_change();
-- stock_levels has no trigger: it is the hottest table, written only by applyLevelDeltas
-- (repositories/stock.ts) and the sales statement (repositories/sales.ts), whose upserts stamp xid and seq.
CREATE TRIGGER stamp BEFORE UPDATE ON sales FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER stamp BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER stamp BEFORE UPDATE ON web_orders FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER stamp BEFORE UPDATE ON shifts FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER stamp BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION stamp_change();
