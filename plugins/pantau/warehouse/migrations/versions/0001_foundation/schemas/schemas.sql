-- The layers of docs/architecture.md, one schema each, and who may touch them.
-- Default privileges cover the tables later migrations create in each schema.
CREATE SCHEMA IF NOT EXISTS raw;         -- rows as delivered, text only
CREATE SCHEMA IF NOT EXISTS staging;     -- typed and normalised, one table per source
CREATE SCHEMA IF NOT EXISTS quarantine;  -- rows the quality gate held back, with reasons
CREATE SCHEMA IF NOT EXISTS core;        -- star schema: conformed dimensions and facts
CREATE SCHEMA IF NOT EXISTS mart;        -- report-ready tables per period and region
CREATE SCHEMA IF NOT EXISTS audit;       -- batches, deliveries, validation and report runs
CREATE SCHEMA IF NOT EXISTS pii;         -- names, passport numbers, birth dates

REVOKE ALL ON SCHEMA raw, staging, quarantine, core, mart, audit, pii FROM PUBLIC;

-- loader: the pipeline itself
GRANT USAGE ON SCHEMA raw, staging, quarantine, core, mart, audit, pii TO pantau_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA raw, staging, quarantine, core, mart, pii
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pantau_loader;
-- The audit trail is appended to and its statuses updated, never deleted from
-- by the pipeline (retention is a separate, audited job).
ALTER DEFAULT PRIVILEGES IN SCHEMA audit
    GRANT SELECT, INSERT, UPDATE ON TABLES TO pantau_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA raw, staging, quarantine, core, mart, audit, pii
    GRANT USAGE, SELECT ON SEQUENCES TO pantau_loader;

-- reporter: what the reports read
GRANT USAGE ON SCHEMA mart TO pantau_reporter;
ALTER DEFAULT PRIVILEGES IN SCHEMA mart GRANT SELECT ON TABLES TO pantau_reporter;

-- auditor: validation results, held-back rows and the published figures
GRANT USAGE ON SCHEMA audit, quarantine, mart TO pantau_auditor;
ALTER DEFAULT PRIVILEGES IN SCHEMA audit, quarantine, mart
    GRANT SELECT ON TABLES TO pantau_auditor;
