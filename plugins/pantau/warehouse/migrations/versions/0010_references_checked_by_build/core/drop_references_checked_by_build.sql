-- Downgrade of core__references_checked_by_build.sql: every core foreign key
-- enforced again (PostgreSQL validates the existing rows).
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT conrelid::regclass AS tbl, conname
          FROM pg_constraint
         WHERE contype = 'f' AND connamespace = 'core'::regnamespace AND NOT conenforced
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I ENFORCED', fk.tbl, fk.conname);
    END LOOP;
END
$$;
