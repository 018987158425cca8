-- Downgrade of the foundation: remove every Pantau schema. The cluster-wide
-- roles stay (other databases on the server may use them).
DROP SCHEMA IF EXISTS pii, audit, mart, core, quarantine, staging, raw CASCADE;
