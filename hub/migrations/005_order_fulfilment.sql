-- Order fulfilment: pickup orders handed over in parts, and ready orders that expire.
--
-- A partial pickup takes some units of a reservation out of stock while the rest stays held, so a
-- reservation counts the units already fulfilled; it is closed (released_at) once nothing is left to hand
-- over, or when the order is cancelled or expires (the units not fulfilled go back to the web at once).
ALTER TABLE order_reservations ADD COLUMN fulfilled integer NOT NULL DEFAULT 0;
ALTER TABLE order_reservations ADD CONSTRAINT order_reservations_fulfilled_range
  CHECK (fulfilled >= 0 AND fulfilled <= qty);

-- The expiry job looks for ready pickup orders whose time is up.
ALTER TABLE web_orders ADD COLUMN expires_at timestamptz;
CREATE INDEX web_orders_expiring ON web_orders (expires_at) WHERE status = 'ready';
