-- One reason per failing row and failed check: the rule, the export column,
-- the value seen (cut at 200 characters) and the reason in both languages.
-- Held rows' reasons go to quarantine.reason; a row that failed only `note`
-- checks (a passport missing or malformed) goes on to core, its reasons to
-- quarantine.row_note, a table of the same columns. Run by quality/gate.py
-- after gate_hold_rows.sql, once for held rows and once for noted ones.
-- Parameter: run_id. Jinja2: held.
INSERT INTO {{ "quarantine.reason" if held else "quarantine.row_note" }} (
    batch_id, row_number, run_id, rule, expectation_type, column_name, observed_value,
    reason_id, reason_en
)
SELECT f.batch_id, f.row_number, {{ param("run_id") }}, f.rule, r.expectation_type,
       f.column_name, left(f.observed_value, 200), r.reason_id, r.reason_en
  FROM gate_failure AS f JOIN gate_rule AS r USING (rule)
 WHERE f.held = {{ "TRUE" if held else "FALSE" }}
