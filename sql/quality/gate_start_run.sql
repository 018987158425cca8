-- One GX run of one suite over a source's waiting batches, opened in
-- audit.validation_run with the suite's SHA-256 (which reviewed version ran);
-- returns its run_id. Run by quality/gate.py before GX validates (and when
-- GX failed as a whole, to record that). Parameters: suite_name,
-- suite_sha256, source, batch_ids, gx_version.
INSERT INTO audit.validation_run (suite_name, suite_sha256, source, batch_ids,
                                  gx_version, gx_run_name)
VALUES (%(suite_name)s, %(suite_sha256)s, %(source)s, %(batch_ids)s, %(gx_version)s, '')
RETURNING run_id
