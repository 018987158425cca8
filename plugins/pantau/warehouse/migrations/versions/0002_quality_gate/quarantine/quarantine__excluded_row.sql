-- What the core build must skip: held rows not released (still held, or
-- discarded). Core reads the rows of validated batches minus these.
CREATE VIEW quarantine.excluded_row AS
SELECT batch_id, row_number, source, status
  FROM quarantine.held_row
 WHERE status IN ('held', 'discarded');

COMMENT ON VIEW quarantine.excluded_row IS
    'Rows core must skip: still held, or discarded by a data engineer.';
