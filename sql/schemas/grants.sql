-- Every privilege the three roles (roles.sql) hold, as it stands after all
-- migrations. Runs after the tables exist: the grants name the tables there
-- are; the default privileges at the end give a table a later migration
-- creates the same rights as its schema's others.
--   pantau_loader   writes raw, staging, quarantine, core, mart, pii; appends to audit
--   pantau_reporter reads mart only
--   pantau_auditor  reads audit, quarantine and mart; never pii
REVOKE ALL ON SCHEMA raw, staging, quarantine, core, mart, audit, pii FROM PUBLIC;

-- loader: the pipeline itself.
GRANT USAGE ON SCHEMA raw, staging, quarantine, core, mart, audit, pii TO pantau_loader;
GRANT SELECT, INSERT, UPDATE, DELETE
    ON ALL TABLES IN SCHEMA raw, staging, quarantine, core, mart, pii TO pantau_loader;
-- The audit trail is appended to and its statuses updated, never deleted from
-- by the pipeline (retention is a separate, audited job).
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA audit TO pantau_loader;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA raw, staging, quarantine, core, mart, audit, pii
    TO pantau_loader;
-- The quarantine is evidence: the pipeline never deletes from it, and reasons
-- and decisions, once written, are never rewritten; only a held row's status
-- moves on.
REVOKE DELETE, TRUNCATE ON quarantine.held_row, quarantine.reason, quarantine.decision,
    quarantine.row_note FROM pantau_loader;
REVOKE UPDATE ON quarantine.reason, quarantine.decision, quarantine.row_note FROM pantau_loader;
-- The quality gate validates rows minutes after they were loaded, before
-- autovacuum has analysed them, so the loader refreshes the statistics of what
-- it loaded (ANALYZE needs the MAINTAIN privilege, PostgreSQL 17+). MAINTAIN
-- also allows VACUUM, REINDEX, CLUSTER and LOCK TABLE on these tables; it
-- reads and changes no row.
-- (sqlfluff's PostgreSQL grammar does not know MAINTAIN yet.)
-- noqa: disable=PRS
GRANT MAINTAIN ON ALL TABLES IN SCHEMA staging TO pantau_loader;
GRANT MAINTAIN ON audit.parse_problem TO pantau_loader;
-- noqa: enable=PRS

-- reporter: what the reports read.
GRANT USAGE ON SCHEMA mart TO pantau_reporter;
GRANT SELECT ON ALL TABLES IN SCHEMA mart TO pantau_reporter;

-- auditor: validation results, held-back rows and the published figures.
GRANT USAGE ON SCHEMA audit, quarantine, mart TO pantau_auditor;
GRANT SELECT ON ALL TABLES IN SCHEMA audit, quarantine, mart TO pantau_auditor;

-- Tables and sequences created later get the same rights as their schema's.
ALTER DEFAULT PRIVILEGES IN SCHEMA raw, staging, quarantine, core, mart, pii
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pantau_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA audit
    GRANT SELECT, INSERT, UPDATE ON TABLES TO pantau_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA raw, staging, quarantine, core, mart, audit, pii
    GRANT USAGE, SELECT ON SEQUENCES TO pantau_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA staging GRANT MAINTAIN ON TABLES TO pantau_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA mart GRANT SELECT ON TABLES TO pantau_reporter;
ALTER DEFAULT PRIVILEGES IN SCHEMA audit, quarantine, mart
    GRANT SELECT ON TABLES TO pantau_auditor;

-- Large objects are the one thing PostgreSQL lets every role create by default:
-- lo_create, lo_creat and lo_from_bytea are executable by PUBLIC, so the
-- reporter or the auditor could write data into the warehouse (and own it).
-- Pantau never uses large objects; the superuser that migrates keeps them.
-- (Server-side lo_import/lo_export are already closed to PUBLIC.)
REVOKE EXECUTE ON FUNCTION
    pg_catalog.lo_create(oid),
    pg_catalog.lo_creat(integer),
    pg_catalog.lo_from_bytea(oid, bytea)
FROM PUBLIC;
