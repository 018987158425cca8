-- What the core build may read: the rows of validated batches that are not
-- held back (never quarantined, or released after a decision).
CREATE VIEW quarantine.excluded_row AS
SELECT batch_id, row_number, source, status
  FROM quarantine.held_row
 WHERE status IN ('held', 'discarded');

COMMENT ON VIEW quarantine.excluded_row IS
    'Rows core must skip: still held, or discarded by a data engineer.';
