-- Hold the failing rows of a gate run in the quarantine (once each; a row
-- already held stays as it is). The row count is what the run held.
-- Run by quality/gate.py after gate_failure_tables.sql. Parameters: source, run_id.
INSERT INTO quarantine.held_row (batch_id, row_number, source, run_id)
SELECT DISTINCT batch_id, row_number, %(source)s, %(run_id)s FROM gate_failure WHERE held
ON CONFLICT (batch_id, row_number) DO NOTHING
