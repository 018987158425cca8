-- Every foreign key of core that PostgreSQL does not enforce itself
-- (migration 0010 declared them NOT ENFORCED), with its columns in key order
-- and whether its table has a batch_id (written batch by batch). Run by
-- pantau.build.integrity before a build or a key rotation commits, which
-- then checks each key's rows set-based.
SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
       array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(n, i)
               JOIN pg_attribute AS a ON a.attrelid = c.conrelid AND a.attnum = k.n
              ORDER BY k.i),
       array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(n, i)
               JOIN pg_attribute AS a ON a.attrelid = c.confrelid AND a.attnum = k.n
              ORDER BY k.i),
       EXISTS (SELECT 1 FROM pg_attribute AS a  -- noqa: LT01, LT06
                WHERE a.attrelid = c.conrelid AND a.attname = 'batch_id'
                  AND NOT a.attisdropped)
  FROM pg_constraint AS c
 WHERE c.contype = 'f' AND c.connamespace = 'core'::regnamespace AND NOT c.conenforced
 ORDER BY c.conrelid::regclass::text, c.conname
