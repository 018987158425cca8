-- Downgrade of loader__maintains_staging.sql.
ALTER DEFAULT PRIVILEGES IN SCHEMA staging REVOKE MAINTAIN ON TABLES FROM pantau_loader;
REVOKE MAINTAIN ON ALL TABLES IN SCHEMA staging FROM pantau_loader;
REVOKE MAINTAIN ON audit.parse_problem FROM pantau_loader;
