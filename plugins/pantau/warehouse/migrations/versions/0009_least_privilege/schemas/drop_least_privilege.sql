-- Downgrade of 0009: PostgreSQL's default, every role may create large objects.
GRANT EXECUTE ON FUNCTION
    pg_catalog.lo_create(oid),
    pg_catalog.lo_creat(integer),
    pg_catalog.lo_from_bytea(oid, bytea)
TO PUBLIC;
