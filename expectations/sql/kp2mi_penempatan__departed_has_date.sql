-- Row rule departed_has_date of the kp2mi_penempatan suite: a placement whose
-- status says the worker left (BERANGKAT) or came back (PULANG) without a
-- departure date.
-- The quality gate's GX run reads it over the waiting batches ({batch}).
SELECT batch_id, row_number
  FROM {batch}
 WHERE status IN ('BERANGKAT', 'PULANG') AND departure_date IS NULL
