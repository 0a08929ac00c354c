-- Loyalty points as a tender. A sale books at most one earning and one spending entry, keyed by the sale,
-- so however often it arrives its points count once; `requested` keeps what a spending entry asked for when
-- the balance could not cover it (then `delta` is what was booked, and an exception says so).
ALTER TABLE loyalty_ledger ADD COLUMN requested integer;
CREATE UNIQUE INDEX loyalty_ledger_sale_reason ON loyalty_ledger (sale_id, reason) WHERE sale_id IS NOT NULL;
