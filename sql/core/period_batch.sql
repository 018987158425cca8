-- Grain: one row per period and snapshot it is built from: for each source
-- and file scope (office, province, regency), the latest validated batch on
-- or before the period's reference date. The lineage of every figure.
-- Foreign key NOT ENFORCED: the build checks it (dim_person.sql).
CREATE TABLE core.period_batch (
    period     text NOT NULL,
    source     text NOT NULL,
    file_scope text,
    batch_id   bigint NOT NULL REFERENCES audit.batch (batch_id) NOT ENFORCED,
    PRIMARY KEY (period, batch_id)
);
