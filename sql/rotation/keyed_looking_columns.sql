-- Every column of a base table named like a keyed hash (person_key,
-- permit_key, position_key, and the PMI identity_key, nik_key, passport_key,
-- name_key) in any user schema, as schema.table.column: the
-- key rotation refuses to start if one is not in its list of columns to
-- remap (pantau.build.key_rotation.KEYED_COLUMNS). Parameters: names.
SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name
  FROM information_schema.columns AS c
  JOIN information_schema.tables AS t USING (table_schema, table_name)
 WHERE c.column_name = ANY(%(names)s) AND t.table_type = 'BASE TABLE'
   AND c.table_schema NOT LIKE 'pg_%%' AND c.table_schema <> 'information_schema'
 ORDER BY 1
