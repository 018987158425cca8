-- Marks a delivery sent. Run by pantau.reports.delivery.send as the loader
-- role after the mail server accepted the message. Parameters: delivery_id.
UPDATE audit.report_delivery SET status = 'sent', sent_at = now(),
       attempts = attempts + 1, last_error = NULL
 WHERE delivery_id = %(delivery_id)s
