-- Of the tables an ingest may write a source's rows to, those that exist, in
-- the order given. Run by the bench's prepared-write ceiling
-- (pantau.tools.bench.throughput). Parameters: candidates.
SELECT name FROM unnest(%(candidates)s::text[]) WITH ORDINALITY AS t (name, n)
 WHERE to_regclass(name) IS NOT NULL ORDER BY n
