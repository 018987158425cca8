-- A batch a batch-level check failed is rejected whole by the quality gate,
-- its reasons added to the batch's message. Run by quality/gate.py per
-- rejected batch. Parameters: batch_id, run_id, reasons.
UPDATE audit.batch
   SET status = 'rejected', rejected_stage = 'quality', validation_run_id = %(run_id)s,
       message = concat_ws('; ', message, %(reasons)s::text)
 WHERE batch_id = %(batch_id)s
