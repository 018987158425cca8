-- A GX run's totals in audit.validation_run once its results are recorded:
-- whether every check passed, checks evaluated and failed, rows checked and
-- held, batches rejected and the checks GX could not evaluate. Run by
-- quality/gate.py. Parameters: run_id, success, evaluated, failed,
-- rows_checked, rows_quarantined, batches_rejected, message.
UPDATE audit.validation_run
   SET finished_at = now(), success = %(success)s, evaluated = %(evaluated)s,
       failed = %(failed)s, rows_checked = %(rows_checked)s,
       rows_quarantined = %(rows_quarantined)s, batches_rejected = %(batches_rejected)s,
       message = %(message)s
 WHERE run_id = %(run_id)s
