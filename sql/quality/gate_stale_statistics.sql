-- Of the given tables (schema.table names; those that do not exist are left
-- out), the ones changed by a tenth of their rows, and 50, since PostgreSQL
-- last analysed them: the quality gate analyses them before validating, as
-- autovacuum would later. Run by quality/gate.py. Parameter: tables.
SELECT s.schemaname, s.relname
  FROM pg_stat_user_tables AS s JOIN pg_class AS c ON c.oid = s.relid
 WHERE s.relid IN (SELECT to_regclass(name) FROM unnest(%(tables)s::text[]) AS name)
   AND s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
 ORDER BY 1, 2
