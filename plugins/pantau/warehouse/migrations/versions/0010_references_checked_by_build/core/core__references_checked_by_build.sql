-- The star schema's foreign keys stay declared (the catalog, ER tools and
-- readers see every fact's dimensions) but are NOT ENFORCED: the build checks
-- them set-based, one anti-join per key over the rows it wrote
-- (plugins/pantau/build/integrity.py), before it commits. Enforced, each
-- fact row fired one trigger per key: at national scale about 40% of a
-- month's build (benchmarks/README.md).
DO $$
DECLARE
    fk record;
BEGIN
    FOR fk IN
        SELECT conrelid::regclass AS tbl, conname
          FROM pg_constraint
         WHERE contype = 'f' AND connamespace = 'core'::regnamespace AND conenforced
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I NOT ENFORCED', fk.tbl, fk.conname);
    END LOOP;
END
$$;
