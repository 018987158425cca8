-- Downgrade of loader__drop_batch_foreign_keys.sql: every load table refers to its batch again.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.oid::regclass AS tbl
          FROM pg_class c
          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'batch_id'
         WHERE c.relkind = 'r'
           AND (c.relnamespace IN ('raw'::regnamespace, 'staging'::regnamespace)
                OR c.oid = 'audit.parse_problem'::regclass)
    LOOP
        EXECUTE format('ALTER TABLE %s ADD FOREIGN KEY (batch_id) REFERENCES audit.batch (batch_id)',
                       t.tbl);
    END LOOP;
END
$$;
