-- Grain: one row per value in a column the source does not define (an unknown
-- extra column, or values beyond the header's last column: _OVERFLOW_n).
-- Kept so that nothing delivered is lost; the batch lists such columns.
CREATE TABLE raw.extra_field (
    batch_id    bigint NOT NULL REFERENCES audit.batch (batch_id),
    row_number  integer NOT NULL,
    column_name text NOT NULL,
    value       text,
    PRIMARY KEY (batch_id, row_number, column_name)
);
