-- Records one rendered report: where it went and the SHA-256 of its content
-- and files, which delivery sends on. Run by pantau.reports.render.render_period
-- as the loader role, once per region rendered.
-- Parameters: period, region_code, output_dir, content_sha256, files (JSON).
INSERT INTO audit.report_run (period, region_code, output_dir, content_sha256, files)
VALUES (%(period)s, %(region_code)s, %(output_dir)s, %(content_sha256)s, %(files)s)
