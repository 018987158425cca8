-- One batch as `pantau quality report --batch` heads it: its file, status,
-- rows, message and how many of its rows are held. Run by quality/report.py.
-- Parameter: batch.
SELECT batch_id, source, original_name, sha256, snapshot_date, status, rejected_stage,
       row_count, message,
       (SELECT count(*) FROM quarantine.held_row AS h WHERE h.batch_id = b.batch_id)
  FROM audit.batch AS b WHERE batch_id = %(batch)s
