-- A table's column names in their order. Run by the bench (to copy a month's
-- snapshot fact and marts into the year before it) and by the chaos suite
-- (to checksum a mart over its columns). Parameters: schema, table.
SELECT column_name FROM information_schema.columns
 WHERE table_schema = %(schema)s AND table_name = %(table)s
 ORDER BY ordinal_position
