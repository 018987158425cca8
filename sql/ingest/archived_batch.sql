-- One batch for `pantau archive verify --batch ID`: its name, its SHA-256 and
-- whether a retention policy removed its archived file on purpose
-- (audit.retention_action). Run as the auditor by ingest/archive_check.py.
SELECT
    b.batch_id,
    b.original_name,
    b.sha256,
    EXISTS(
        SELECT 1 FROM audit.retention_action AS r
        WHERE r.item = 'archive_file' AND r.detail -> 'sha256' ? trim(b.sha256)
    ) AS removed_by_retention
FROM audit.batch AS b
WHERE b.batch_id = {{ param("batch_id") }}
