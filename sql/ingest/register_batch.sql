-- A delivered file's batch in the registry, one per distinct content
-- (SHA-256): returns the new batch_id, or nothing when those bytes already
-- have a batch. Run by ingest/registry.py after the file is archived.
-- Parameters: source, sha256, original_name, original_path, archive_path,
-- size_bytes, file_scope, snapshot_date, snapshot_date_from.
INSERT INTO audit.batch (source, sha256, original_name, original_path, archive_path,
                         size_bytes, file_scope, snapshot_date, snapshot_date_from)
VALUES (%(source)s, %(sha256)s, %(original_name)s, %(original_path)s, %(archive_path)s,
        %(size_bytes)s, %(file_scope)s, %(snapshot_date)s, %(snapshot_date_from)s)
ON CONFLICT (sha256) DO NOTHING
RETURNING batch_id
