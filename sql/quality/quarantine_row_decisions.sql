-- The decisions taken on one held row, oldest first, for
-- `pantau quarantine show`. Run by quality/quarantine.py (show_row).
-- Parameters: batch_id, row_number.
SELECT decision, decided_by, why, corrections, decided_at
  FROM quarantine.decision WHERE batch_id = %(batch_id)s AND row_number = %(row_number)s
 ORDER BY decision_id
