DELETE FROM audit.expectation_result WHERE severity = 'note';
ALTER TABLE audit.expectation_result
    DROP CONSTRAINT expectation_result_severity_check,
    ADD CONSTRAINT expectation_result_severity_check CHECK (severity IN ('row', 'batch'));
