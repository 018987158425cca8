-- The first 70 characters of a statement of the database that waits for a
-- lock, if one does: the chaos suite watches for the pipeline reaching the
-- table it holds locked. Run by pantau.tools.chaos.lab. Parameters: database.
SELECT left(regexp_replace(query, '\s+', ' ', 'g'), 70)
  FROM pg_stat_activity WHERE datname = %(database)s AND wait_event_type = 'Lock'
