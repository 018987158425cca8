-- Grain: one row per period and snapshot it is built from: for each source
-- and file scope (office, province, regency), the latest validated batch on
-- or before the period's reference date. The lineage of every figure.
CREATE TABLE core.period_batch (
    period     text NOT NULL,
    source     text NOT NULL,
    file_scope text,
    batch_id   bigint NOT NULL REFERENCES audit.batch (batch_id),
    PRIMARY KEY (period, batch_id)
);

-- Grain: one row per built period: its latest build (what the marts hold).
CREATE TABLE core.period_build (
    period         text PRIMARY KEY,
    reference_date date NOT NULL,
    period_start   date NOT NULL,
    previous_period text NOT NULL,
    built_at       timestamptz NOT NULL DEFAULT now(),
    built_by       text NOT NULL DEFAULT current_user,
    batches        integer NOT NULL,
    seconds        numeric(8,2)
);
