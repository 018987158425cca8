-- One note per row and failed note check (a passport missing or malformed):
-- the reason the auditor sees, the row itself not held. Same columns as
-- quarantine.reason. Run by quality/gate.py after gate_hold_reasons.sql.
-- Parameter: run_id.
INSERT INTO quarantine.row_note (batch_id, row_number, run_id, rule, expectation_type,
                                 column_name, observed_value, reason_id, reason_en)
SELECT f.batch_id, f.row_number, %(run_id)s, f.rule, r.expectation_type, f.column_name,
       left(f.observed_value, 200), r.reason_id, r.reason_en
  FROM gate_failure AS f JOIN gate_rule AS r USING (rule)
 WHERE NOT f.held
