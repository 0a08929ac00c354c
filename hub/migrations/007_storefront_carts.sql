-- Web store carts: a cart untouched for the hub's abandoned-cart time (HUB_ABANDONED_CART_MINUTES) is
-- marked 'abandoned' with the time it was marked, so the counter sees it with its items. The sweep looks
-- for open carts by age, and the counter reads a customer's abandoned carts newest first.
ALTER TABLE carts ADD COLUMN abandoned_at timestamptz;
CREATE INDEX carts_open_age ON carts (updated_at) WHERE status = 'open';
CREATE INDEX carts_customer_status ON carts (customer_id, status, updated_at);
