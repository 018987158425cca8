-- Pantau's three group roles (NOLOGIN): deployments grant them to login users.
--   pantau_loader   writes raw, staging, quarantine, core, mart, pii; appends to audit
--   pantau_reporter reads mart only
--   pantau_auditor  reads audit, quarantine and mart; never pii
-- Roles are cluster-wide, so creation is idempotent: several Pantau databases
-- (tests, a second environment) may share one server.
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['pantau_loader', 'pantau_reporter', 'pantau_auditor'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        END IF;
    END LOOP;
END
$$;
