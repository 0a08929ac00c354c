-- Push integrity (hub/README.md): refusals raised inside the one sales statement, and exceptions that are
-- recorded once however often a register retries the push that raised them.

-- Aborts the statement that calls it with SQLSTATE `code` and `message`. The sales statement calls it
-- where it meets a document it must refuse (an id stored with other content, a currency that is not the
-- store's): the statement is its own transaction, so aborting it is what keeps the whole request
-- unapplied. The hub recognises the SQLSTATE and works out which documents to name with a separate read.
CREATE FUNCTION till_refuse(code text, message text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = code, MESSAGE = message;
END
$$;

-- An exception may carry a key saying which problem it records; while it is open, raising the same key
-- again adds nothing (a refused push is retried until the register quarantines its documents).
ALTER TABLE exceptions ADD COLUMN dedupe_key text;
CREATE UNIQUE INDEX exceptions_open_dedupe ON exceptions (dedupe_key) WHERE status = 'open';
