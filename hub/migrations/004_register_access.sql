-- Who may talk to the hub: enrollment codes that expire, registers whose revocation reaches every hub
-- process at once, a per-store staff key, and the request behind each web order's Idempotency-Key.

-- Codes expire. A code issued through the admin API gets its expiry from the request (default 7 days);
-- one inserted by hand gets 7 days from the column default, so no code lives for ever by omission.
-- Reusable codes (the demo seed's) are neither used up nor expired by enrollment.
ALTER TABLE enrollment_codes ADD COLUMN expires_at timestamptz NOT NULL DEFAULT (now() + interval '7 days');

-- The store's staff key: 32 random bytes, base64url without padding (43 characters). It peppers the staff
-- PIN verifiers and reaches registers only in the enrollment answer. The default (SHA-256 over three v4
-- UUIDs, which PostgreSQL draws from its strong random source) serves existing stores and any store
-- inserted without one; the hub normally supplies its own.
ALTER TABLE stores ADD COLUMN staff_key text;
UPDATE stores SET staff_key = translate(rtrim(encode(sha256(decode(replace(
  gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')),
  'base64'), '='), '+/', '-_');
ALTER TABLE stores ALTER COLUMN staff_key SET DEFAULT translate(rtrim(encode(sha256(decode(replace(
  gen_random_uuid()::text || gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex')),
  'base64'), '='), '+/', '-_');
ALTER TABLE stores ALTER COLUMN staff_key SET NOT NULL;
ALTER TABLE stores ADD CONSTRAINT stores_staff_key_format CHECK (staff_key ~ '^[A-Za-z0-9_-]{43}$');

-- A register whose token stops working (revoked, deleted, or its token replaced) is announced on
-- `till_revocations` with its id, delivered on commit to every hub process, which drops the token from its
-- cache and closes the register's streams. A trigger rather than the hub's own NOTIFY, so a revocation
-- made by hand in SQL takes effect at once too.
CREATE FUNCTION notify_register_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('till_revocations', OLD.id);
    RETURN OLD;
  END IF;
  IF (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) OR OLD.token_hash <> NEW.token_hash
     OR OLD.id <> NEW.id THEN
    PERFORM pg_notify('till_revocations', OLD.id);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER notify_revoked AFTER UPDATE OR DELETE ON registers
  FOR EACH ROW EXECUTE FUNCTION notify_register_revoked();

-- The web order request each Idempotency-Key placed: a retry with the same key and the same request gets
-- that order again; the same key with another request is refused (422 idempotency_mismatch). `parts`
-- holds one hash per part of the request (customer, lines, …) so the refusal can say what differs.
CREATE TABLE order_requests (
  idempotency_key text PRIMARY KEY,
  order_id text NOT NULL REFERENCES web_orders (id),
  request_hash text NOT NULL,
  parts jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
