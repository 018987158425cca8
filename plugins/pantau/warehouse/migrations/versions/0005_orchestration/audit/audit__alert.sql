-- Grain: one row per failed task attempt that raised an alert (Airflow failure
-- callback). Always written, whether or not mail went out, so the failure
-- history is queryable next to the batches and validation runs it concerns.
CREATE TABLE audit.alert (
    alert_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    raised_at    timestamptz NOT NULL DEFAULT now(),
    dag_id       text NOT NULL,
    task_id      text NOT NULL,
    run_id       text,
    map_index    integer,
    try_number   integer,
    error_class  text,
    message      text NOT NULL,       -- the failure's reason (no row values: see errors.py)
    transient    boolean NOT NULL,    -- a kind that is retried (connection lost ...)
    channel      text NOT NULL CHECK (channel IN ('smtp', 'log')),
    mail_error   text                 -- why SMTP failed, when it was tried and did
);

CREATE INDEX alert_raised_idx ON audit.alert (raised_at);
