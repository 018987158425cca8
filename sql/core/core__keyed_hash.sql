-- HMAC-SHA-256 built from PostgreSQL's own sha256() (pgcrypto is not always
-- installed): the caller passes the key already padded and XOR-ed with the
-- HMAC inner and outer pads, so the key itself never sits in the database.
-- Used for pseudonymous keys: persons (passport + nationality), stay permits,
-- RPTKA positions.
CREATE FUNCTION core.keyed_hash(message text, inner_pad bytea, outer_pad bytea)
RETURNS char(64)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN encode(sha256(outer_pad || sha256(inner_pad || convert_to(message, 'UTF8'))), 'hex');

-- How follow-up lists show a passport: its first two characters when it has
-- five or more, then stars (plugins/pantau/warehouse/masking.py does the same).
CREATE FUNCTION core.masked(value text)
RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN length(value) >= 5 THEN left(value, 2) ELSE '' END
       || repeat('*', length(value) - CASE WHEN length(value) >= 5 THEN 2 ELSE 0 END);
