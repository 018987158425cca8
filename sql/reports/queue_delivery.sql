-- Queues one report for one recipient, unless this content already went (or
-- waits) for them: no row comes back then. Run by
-- pantau.reports.delivery.queue as the loader role.
-- Parameters: recipient, period, region_code, content_sha256, outbox_path.
INSERT INTO audit.report_delivery (recipient, period, region_code,
                                   content_sha256, outbox_path, status)
VALUES (%(recipient)s, %(period)s, %(region_code)s, %(content_sha256)s, %(outbox_path)s,
        'queued')
ON CONFLICT (recipient, period, region_code, content_sha256) DO NOTHING
RETURNING delivery_id
