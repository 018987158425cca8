-- Grain: one row per built period: its latest build (what the marts hold).
CREATE TABLE core.period_build (
    period         text PRIMARY KEY,
    reference_date date NOT NULL,
    period_start   date NOT NULL,
    previous_period text NOT NULL,
    built_at       timestamptz NOT NULL DEFAULT now(),
    built_by       text NOT NULL DEFAULT current_user,
    batches        integer NOT NULL,
    seconds        numeric(8, 2)
);
