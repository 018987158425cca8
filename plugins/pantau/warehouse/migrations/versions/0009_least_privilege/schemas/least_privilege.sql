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
