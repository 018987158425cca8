-- Grain: one row per rendered report (region, period, content): where it was
-- written and the SHA-256 of its files, so an auditor can match a document
-- in hand to the data it came from.
CREATE TABLE audit.report_run (
    report_run_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    period         text NOT NULL,
    region_code    text NOT NULL,
    output_dir     text NOT NULL,
    content_sha256 char(64) NOT NULL,   -- of figures.json + the lineage: same data, same hash
    files          jsonb NOT NULL,      -- {file name: sha256}
    rendered_at    timestamptz NOT NULL DEFAULT now(),
    rendered_by    text NOT NULL DEFAULT current_user
);

CREATE INDEX report_run_period_idx ON audit.report_run (period, region_code);

-- Grain: one row per report content per recipient: the delivery ledger. A
-- report is sent once per recipient, period and content; a failed send stays
-- 'failed' with its error and is retried by the next delivery run.
CREATE TABLE audit.report_delivery (
    delivery_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient      text NOT NULL,
    period         text NOT NULL,
    region_code    text NOT NULL,
    content_sha256 char(64) NOT NULL,
    outbox_path    text NOT NULL,
    status         text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
    attempts       integer NOT NULL DEFAULT 0,
    last_error     text,
    queued_at      timestamptz NOT NULL DEFAULT now(),
    sent_at        timestamptz,
    UNIQUE (recipient, period, region_code, content_sha256)
);
