/** Unit tests of the migration script splitter. */
import { describe, expect, it } from 'vitest';
import { splitStatements } from './migrate';

describe('splitStatements', () => {
  it('splits at top-level semicolons, keeps $$ bodies whole and drops comments', () => {
    const sql = `-- a comment; with a semicolon
CREATE TABLE a (id int); -- trailing
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.x := 1;
  RETURN NEW;
END
$$;
CREATE INDEX i ON a (id);`;
    const statements = splitStatements(sql);
    expect(statements).toHaveLength(3);
    expect(statements[1]).toContain('NEW.x := 1;');
    expect(statements[1]).toMatch(/END\n\$\$;$/);
  });
});
