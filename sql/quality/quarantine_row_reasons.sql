-- Why one row is held: every failed check with its column, the value seen
-- (masked where personal) and both reasons, for `pantau quarantine show`.
-- Run by quality/quarantine.py (show_row). Parameters: batch_id, row_number.
SELECT rule, column_name, observed_value, reason_id, reason_en, run_id
  FROM quarantine.reason WHERE batch_id = %(batch_id)s AND row_number = %(row_number)s
 ORDER BY rule
