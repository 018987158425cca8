-- The latest rendered report of each region in a period: what delivery copies
-- to the outboxes. Run by pantau.reports.delivery.queue as the loader role.
-- The annex's digest (operasi.json) comes with it: a TIMPORA recipient's
-- delivery is keyed on both. Parameters: period.
SELECT DISTINCT ON (region_code)
       region_code, output_dir, content_sha256, files ->> 'operasi.json' AS annex_sha256
  FROM audit.report_run WHERE period = %(period)s
 ORDER BY region_code ASC, report_run_id DESC
