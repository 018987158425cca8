-- Downgrade of the TIMPORA joint-operation source: its raw, staging and core
-- tables go, with every row loaded into them.
DROP TABLE IF EXISTS raw.timpora_operasi, staging.timpora_operasi, core.fact_operation_visit;
