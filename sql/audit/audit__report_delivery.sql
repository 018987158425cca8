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
