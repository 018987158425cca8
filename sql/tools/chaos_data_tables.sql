-- Every base table of the given schemas, as schema.table: what the chaos
-- suite counts and checksums to compare a faulted run with a clean one.
-- Run by pantau.tools.chaos.state. Parameters: schemas.
SELECT table_schema || '.' || table_name FROM information_schema.tables
 WHERE table_type = 'BASE TABLE' AND table_schema = ANY(%(schemas)s)
 ORDER BY 1
