-- The deliveries still to mail (queued, or failed before), oldest first, locked
-- so that two senders never mail the same one. Run by
-- pantau.reports.delivery.send as the loader role when SMTP is configured.
SELECT delivery_id, recipient, period, region_code, outbox_path
  FROM audit.report_delivery WHERE status IN ('queued', 'failed')
 ORDER BY delivery_id FOR UPDATE SKIP LOCKED
