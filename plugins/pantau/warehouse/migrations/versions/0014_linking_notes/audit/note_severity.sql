-- A check may now be a note: recorded for the auditor, the row not held.
ALTER TABLE audit.expectation_result
    DROP CONSTRAINT expectation_result_severity_check,
    ADD CONSTRAINT expectation_result_severity_check
        CHECK (severity IN ('row', 'batch', 'note'));
