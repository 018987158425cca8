-- Grain: one row per value in a column the source does not define (an unknown
-- extra column, or values beyond the header's last column: _OVERFLOW_n).
-- Kept so that nothing delivered is lost; the batch lists such columns.
-- batch_id refers to audit.batch without a declared foreign key: only the
-- loader writes here, inside the transaction that registered and locked the
-- batch, so a per-row check would guard nothing (migration 0006).
CREATE TABLE raw.extra_field (
    batch_id    bigint NOT NULL,
    row_number  integer NOT NULL,
    column_name text NOT NULL,
    value       text,
    PRIMARY KEY (batch_id, row_number, column_name)
);
