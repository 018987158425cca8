-- The temp tables the quality gate quarantines from, gone at commit:
-- gate_failure, one row per failing row and check as GX named it (COPY;
-- held: a row check, else a note),
-- and gate_rule, the reasons of the suite's rules (COPY).
-- Run by quality/gate.py when a run found failing rows.
CREATE TEMP TABLE gate_failure (
    batch_id bigint, row_number integer, rule text, column_name text,
    observed_value text, held boolean
) ON COMMIT DROP;

CREATE TEMP TABLE gate_rule (rule text, expectation_type text,
                             reason_id text, reason_en text) ON COMMIT DROP;
