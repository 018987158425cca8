-- The batches whose delivered bytes should still be in the archive: all but
-- those whose archived file a retention policy removed on purpose
-- (audit.retention_action). Run as the auditor by ingest/archive_check.py
-- for `pantau archive verify`.
SELECT b.batch_id, b.original_name, b.sha256 FROM audit.batch AS b
 WHERE NOT EXISTS (
       SELECT 1 FROM audit.retention_action AS r
        WHERE r.item = 'archive_file' AND r.detail -> 'sha256' ? trim(b.sha256))
 ORDER BY b.batch_id
