-- Every delivery of a file, whatever became of it (loaded, rejected,
-- duplicate, unrecognised), in audit.receipt. Run by ingest/registry.py.
-- Parameters: batch_id (null for an unrecognised file), sha256,
-- original_path, outcome, message.
INSERT INTO audit.receipt (batch_id, sha256, original_path, outcome, message)
VALUES (%(batch_id)s, %(sha256)s, %(original_path)s, %(outcome)s, %(message)s)
