-- Raw, staging and parse-problem rows are written only by the loader, inside
-- the transaction that registered and locked their batch (plugins/pantau/ingest),
-- so a per-row foreign-key trigger checked nothing the loader had not already
-- guaranteed, and it cost a fifth of the ingest time (benchmarks/README.md).
-- The batch_id columns stay indexed through each table's primary key.
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT conrelid::regclass AS tbl, conname
          FROM pg_constraint
         WHERE contype = 'f'
           AND confrelid = 'audit.batch'::regclass
           AND (connamespace IN ('raw'::regnamespace, 'staging'::regnamespace)
                OR conrelid = 'audit.parse_problem'::regclass)
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tbl, fk.conname);
    END LOOP;
END
$$;
