-- The quality gate validates rows minutes after they were loaded, before
-- autovacuum has analysed them, so the loader refreshes the statistics of what
-- it loaded (ANALYZE needs the MAINTAIN privilege, PostgreSQL 17+). MAINTAIN
-- also allows VACUUM, REINDEX, CLUSTER and LOCK TABLE on these tables; it
-- reads and changes no row.
GRANT MAINTAIN ON ALL TABLES IN SCHEMA staging TO pantau_loader;
GRANT MAINTAIN ON audit.parse_problem TO pantau_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA staging GRANT MAINTAIN ON TABLES TO pantau_loader;
