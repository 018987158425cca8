-- Delivered files' batches in the registry, one per distinct content (SHA-256),
-- registered together in one statement: a group of small files costs one round
-- trip and one commit, not one per file. Returns (position, batch_id) of each
-- new batch; bytes that already have a batch (or repeat earlier in the list)
-- return nothing and are looked up by ingest/registry.py. Batch numbers follow
-- the order of the list. Run after the files are archived.
-- Parameters: arrays of equal length, one element per file: source, sha256,
-- original_name, original_path, archive_path, size_bytes, file_scope,
-- snapshot_date, snapshot_date_from.
WITH delivered AS (
    SELECT *
      FROM unnest(%(source)s::text[], %(sha256)s::text[], %(original_name)s::text[],
                  %(original_path)s::text[], %(archive_path)s::text[],
                  %(size_bytes)s::bigint[], %(file_scope)s::text[], %(snapshot_date)s::date[],
                  %(snapshot_date_from)s::text[])
           WITH ORDINALITY AS d (source, sha256, original_name, original_path, archive_path,
                                 size_bytes, file_scope, snapshot_date, snapshot_date_from,
                                 position)
),
inserted AS (
    INSERT INTO audit.batch (source, sha256, original_name, original_path, archive_path,
                             size_bytes, file_scope, snapshot_date, snapshot_date_from)
    SELECT source, sha256, original_name, original_path, archive_path, size_bytes,
           file_scope, snapshot_date, snapshot_date_from
      FROM delivered
     ORDER BY position
    ON CONFLICT (sha256) DO NOTHING
    RETURNING sha256, batch_id
)
SELECT min(d.position) AS position, i.batch_id
  FROM inserted AS i
  JOIN delivered AS d ON d.sha256 = i.sha256
 GROUP BY i.batch_id
