-- One reason per held row and failed check: the rule, the export column, the
-- value seen (cut at 200 characters) and the reason in both languages.
-- Run by quality/gate.py after gate_hold_rows.sql. Parameter: run_id.
INSERT INTO quarantine.reason (batch_id, row_number, run_id, rule, expectation_type,
                               column_name, observed_value, reason_id, reason_en)
SELECT f.batch_id, f.row_number, %(run_id)s, f.rule, r.expectation_type, f.column_name,
       left(f.observed_value, 200), r.reason_id, r.reason_en
  FROM gate_failure AS f JOIN gate_rule AS r USING (rule)
 WHERE f.held
