-- Which of the landing location's files (by SHA-256) were delivered before:
-- audit.batch is never purged, so a retention pass over audit.receipt does
-- not make old files in the landing location new again. Run by the landing
-- listing (pantau.orchestration.landing.new_files). Parameters: shas.
SELECT sha256 FROM audit.batch WHERE sha256 = ANY(%(shas)s)
UNION SELECT sha256 FROM audit.receipt WHERE sha256 = ANY(%(shas)s)
