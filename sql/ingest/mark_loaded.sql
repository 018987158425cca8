-- A batch loaded into raw and staging, with what reading its file found:
-- encoding, delimiter or sheet, header row, rows, parse problems, columns
-- extra or missing, notes. Run by ingest/registry.py in the load's
-- transaction. Parameters: batch_id and those facts.
UPDATE audit.batch
   SET status = 'loaded', loaded_at = now(), encoding = %(encoding)s,
       delimiter = %(delimiter)s, sheet_name = %(sheet_name)s,
       header_row = %(header_row)s, row_count = %(row_count)s,
       problem_count = %(problem_count)s, extra_columns = %(extra_columns)s,
       missing_optional_columns = %(missing_optional_columns)s, message = %(message)s
 WHERE batch_id = %(batch_id)s
