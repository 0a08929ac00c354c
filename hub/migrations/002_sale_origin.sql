-- Which register pushed each sale. A sale names the register that rang it up (register_id, from the
-- document); pushed_by is the register whose token sent it to the hub. They differ when a register
-- re-enrolls (and so gets a new id) while sales queued under its old id are still waiting to go out.
-- A register's pull of sales skips the rows it pushed itself, whatever they name.

ALTER TABLE sales ADD COLUMN pushed_by text;

-- Old rows: the register they name is what each register's pull skipped until now, so it keeps those
-- pulls as they were. The backfill must not restamp (xid, seq): every register would pull every sale again.
ALTER TABLE sales DISABLE TRIGGER stamp;
UPDATE sales SET pushed_by = register_id;
ALTER TABLE sales ENABLE TRIGGER stamp;

ALTER TABLE sales ALTER COLUMN pushed_by SET NOT NULL;
