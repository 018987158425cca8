-- Marks a delivery failed with its error, for the next run to retry. Run by
-- pantau.reports.delivery.send as the loader role. Parameters: last_error,
-- delivery_id.
UPDATE audit.report_delivery SET status = 'failed',
       attempts = attempts + 1, last_error = %(last_error)s
 WHERE delivery_id = %(delivery_id)s
