"""Least privilege: the reporter reads marts only, the auditor never reads pii.

The examples first (one statement per role), then the same rules checked over the
whole catalog: every schema, table, view, sequence and function that exists after
the migrations, so a table a later migration adds is covered without editing this
file. The rules, taken from sql/schemas/roles.sql, schemas.sql and
quarantine__decision.sql:

* reporter: USAGE on ``mart`` and SELECT on its tables; nothing else, no writes.
* auditor: SELECT on ``audit``, ``quarantine`` and ``mart``; never ``pii``, no writes.
* loader: USAGE on the seven layers and nothing else on schemas (no CREATE, so no
  new tables or functions); owns nothing, so it can drop and alter nothing;
  SELECT/INSERT/UPDATE/DELETE in raw, staging, quarantine, core, mart and pii;
  SELECT/INSERT/UPDATE only in audit (the trail is never deleted from); the
  quarantine's evidence is never deleted (held_row, reason, decision) and reasons
  and decisions never rewritten; USAGE/SELECT on sequences (nextval, never setval);
  never TRUNCATE, REFERENCES or TRIGGER, never a grant option, never anything in
  ``public`` (Alembic's version table).
* all three: NOLOGIN group roles without superuser, CREATEROLE, CREATEDB,
  REPLICATION or BYPASSRLS, members of no other role (so none of PostgreSQL's
  predefined roles such as pg_write_all_data), no CREATE on the database, and no
  large objects (PostgreSQL lets PUBLIC create them; migration 0009 revokes it).

Not restricted, on purpose: PUBLIC's TEMPORARY privilege on the database (the
loader's build and the quality gate use session-local temporary tables; a temporary
table is visible to its own session only and gone when it ends).
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest
from psycopg import errors, sql

from pantau.warehouse.connection import ROLES, connect


@pytest.fixture
def tables(db: psycopg.Connection) -> None:
    db.execute("CREATE TABLE pii.probe (person_key text, full_name text)")
    db.execute("CREATE TABLE mart.probe (region_code text, n integer)")
    db.execute("INSERT INTO mart.probe VALUES ('62.03', 1)")


def _can(role: str, statement: str, url: str) -> bool:
    with connect(role, url=url) as conn:
        try:
            conn.execute(statement)
        except errors.InsufficientPrivilege:
            return False
        return True


@pytest.mark.usefixtures("tables")
@pytest.mark.parametrize(
    ("role", "statement", "allowed"),
    [
        ("reporter", "SELECT * FROM mart.probe", True),
        ("reporter", "SELECT * FROM pii.probe", False),
        ("reporter", "SELECT * FROM raw.imigrasi_izin_tinggal", False),
        ("reporter", "SELECT * FROM audit.batch", False),
        ("reporter", "INSERT INTO mart.probe VALUES ('62.71', 2)", False),
        ("auditor", "SELECT * FROM audit.batch", True),
        ("auditor", "SELECT * FROM audit.parse_problem", True),
        ("auditor", "SELECT * FROM mart.probe", True),
        ("auditor", "SELECT * FROM pii.probe", False),
        ("auditor", "SELECT * FROM staging.imigrasi_izin_tinggal", False),
        ("auditor", "DELETE FROM audit.batch", False),
        ("reporter", "SELECT * FROM mart.region_figures", True),
        ("reporter", "SELECT * FROM mart.region_trend", True),
        ("reporter", "SELECT * FROM mart.followup", True),
        ("reporter", "SELECT * FROM core.fact_discrepancy", False),
        ("reporter", "SELECT * FROM pii.stay_permit", False),
        ("auditor", "SELECT * FROM core.dim_person", False),
        ("auditor", "SELECT * FROM pii.stay_permit", False),
        ("loader", "SELECT core.keyed_hash('x', '\\x00', '\\x01')", True),
        ("auditor", "SELECT * FROM audit.validation_run", True),
        ("auditor", "SELECT * FROM audit.expectation_result", True),
        ("auditor", "SELECT * FROM quarantine.held_row", True),
        ("auditor", "SELECT * FROM quarantine.reason", True),
        ("auditor", "SELECT * FROM quarantine.decision", True),
        ("auditor", "SELECT * FROM quarantine.excluded_row", True),
        ("auditor", "SELECT * FROM raw.imigrasi_izin_tinggal", False),
        ("auditor", "UPDATE quarantine.held_row SET status = 'released'", False),
        ("loader", "DELETE FROM quarantine.reason", False),
        ("loader", "DELETE FROM quarantine.held_row", False),
        ("loader", "TRUNCATE quarantine.decision", False),
        ("loader", "SELECT * FROM pii.probe", True),
        ("loader", "INSERT INTO pii.probe VALUES ('k', 'n')", True),
        ("loader", "INSERT INTO mart.probe VALUES ('62.71', 2)", True),
        ("loader", "DELETE FROM audit.batch", False),
    ],
)
def test_role_privileges(warehouse: str, role: str, statement: str, allowed: bool) -> None:
    assert _can(role, statement, warehouse) is allowed


def test_loader_cannot_drop_schemas_or_tables(warehouse: str) -> None:
    with connect("loader", url=warehouse) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("DROP SCHEMA pii CASCADE")
    with connect("loader", url=warehouse) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("DROP TABLE audit.batch")


# --- the whole catalog -------------------------------------------------------------

READ_ONLY_ROLES = ("reporter", "auditor")
READABLE_SCHEMAS = {"reporter": {"mart"}, "auditor": {"audit", "quarantine", "mart"}}
WRITES = ("INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
LAYERS = {"raw", "staging", "quarantine", "core", "mart", "audit", "pii"}
LOADER_TABLE_RIGHTS = {
    **{schema: {"SELECT", "INSERT", "UPDATE", "DELETE"}
       for schema in ("raw", "staging", "quarantine", "core", "mart", "pii")},
    "audit": {"SELECT", "INSERT", "UPDATE"},
}
# The quarantine is evidence (quarantine__decision.sql): narrower than its schema.
LOADER_TABLE_EXCEPTIONS = {
    "quarantine.held_row": {"SELECT", "INSERT", "UPDATE"},
    "quarantine.reason": {"SELECT", "INSERT"},
    "quarantine.decision": {"SELECT", "INSERT"},
}
ALL_TABLE_RIGHTS = ("SELECT", *WRITES)

# Every schema a migration made: all but PostgreSQL's own.
USER_SCHEMAS = "left(n.nspname, 3) <> 'pg_' AND n.nspname <> 'information_schema'"
RELATIONS = f"""
    SELECT n.nspname, c.relname, c.relkind, c.oid
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND {USER_SCHEMAS}
     ORDER BY 1, 2
"""


@pytest.fixture(scope="module")
def catalog_url(server_url: str, migrated_template: str) -> Iterator[str]:
    """One migrated database for the module: the catalog tests only read it."""
    from tests.support.warehouses import temporary_database

    with temporary_database(server_url, "test_roles", migrated_template) as url:
        yield url


@pytest.fixture(scope="module")
def catalog(catalog_url: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(catalog_url, autocommit=True) as conn:
        yield conn


def _relations(conn: psycopg.Connection) -> list[tuple[str, str, str, int]]:
    return conn.execute(RELATIONS).fetchall()


def _rights(conn: psycopg.Connection, role: str, oid: int) -> set[str]:
    """The table rights ``role`` holds on relation ``oid``, whole-table or on any column.

    A column grant (``GRANT SELECT (passport_number) ON ...``) is not a table
    privilege, so ``has_table_privilege`` alone would miss it.
    """
    held = set()
    for right in ALL_TABLE_RIGHTS:
        query = "SELECT has_table_privilege(%s, %s::oid, %s)"
        if right in {"SELECT", "INSERT", "UPDATE", "REFERENCES"}:
            query = ("SELECT has_table_privilege(%s, %s::oid, %s)"
                     " OR has_any_column_privilege(%s, %s::oid, %s)")
            args = (role, oid, right, role, oid, right)
        else:
            args = (role, oid, right)
        if conn.execute(query, args).fetchone()[0]:
            held.add(right)
    return held


def test_catalog_sees_every_layer(catalog: psycopg.Connection) -> None:
    """The enumeration itself works: all seven layers and pii's tables are in it."""
    schemas = {schema for schema, *_ in _relations(catalog)}
    assert schemas >= LAYERS
    names = {f"{schema}.{name}" for schema, name, *_ in _relations(catalog)}
    assert {"pii.person", "pii.stay_permit", "mart.followup", "audit.batch"} <= names


@pytest.mark.parametrize("role", ["loader", "reporter", "auditor"])
def test_role_attributes_and_memberships(catalog: psycopg.Connection, role: str) -> None:
    """Group roles only: no login, no power over roles or databases, no inherited roles."""
    name = ROLES[role]
    attributes = catalog.execute(
        "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,"
        " rolcanlogin FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
    assert attributes == (False,) * 6
    inherited = catalog.execute(
        "SELECT rolname FROM pg_roles WHERE rolname <> %s AND pg_has_role(%s, oid, 'MEMBER')",
        (name, name)).fetchall()
    assert inherited == []
    assert not catalog.execute(
        "SELECT has_database_privilege(%s, current_database(), 'CREATE')", (name,)
    ).fetchone()[0]


@pytest.mark.parametrize("role", ["loader", "reporter", "auditor"])
def test_no_create_on_any_schema_and_no_ownership(catalog: psycopg.Connection, role: str) -> None:
    """Without CREATE or ownership a role can add, drop or alter no object."""
    name = ROLES[role]
    creatable = catalog.execute(
        f"SELECT n.nspname FROM pg_namespace n WHERE {USER_SCHEMAS}"
        "   AND has_schema_privilege(%s, n.oid, 'CREATE')", (name,)).fetchall()
    assert creatable == []
    owned = catalog.execute(
        """
        SELECT 'schema ' || nspname FROM pg_namespace WHERE pg_has_role(%(r)s, nspowner, 'USAGE')
        UNION ALL
        SELECT 'relation ' || oid::regclass::text FROM pg_class
         WHERE pg_has_role(%(r)s, relowner, 'USAGE')
        UNION ALL
        SELECT 'function ' || oid::regprocedure::text FROM pg_proc
         WHERE pg_has_role(%(r)s, proowner, 'USAGE')
        UNION ALL
        SELECT 'type ' || oid::regtype::text FROM pg_type
         WHERE pg_has_role(%(r)s, typowner, 'USAGE')
        """, {"r": name}).fetchall()
    assert owned == []


@pytest.mark.parametrize("role", ["loader", "reporter", "auditor"])
def test_no_grant_options(catalog: psycopg.Connection, role: str) -> None:
    """No role may pass a privilege on (a loader could otherwise hand pii to the reporter)."""
    name = ROLES[role]
    grantable = [
        f"{schema}.{table} {right}"
        for schema, table, _kind, oid in _relations(catalog)
        for right in ALL_TABLE_RIGHTS
        if catalog.execute("SELECT has_table_privilege(%s, %s::oid, %s)",
                           (name, oid, f"{right} WITH GRANT OPTION")).fetchone()[0]
    ]
    assert grantable == []


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_write_nothing(catalog: psycopg.Connection, role: str) -> None:
    """No INSERT/UPDATE/DELETE/TRUNCATE/REFERENCES/TRIGGER on any table or view, any column."""
    name = ROLES[role]
    writable = {
        f"{schema}.{table}": sorted(_rights(catalog, name, oid) - {"SELECT"})
        for schema, table, _kind, oid in _relations(catalog)
    }
    assert {table: rights for table, rights in writable.items() if rights} == {}


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_read_only_their_schemas(catalog: psycopg.Connection, role: str) -> None:
    """What a role can SELECT (table or column grant, with USAGE on the schema) stays in
    its schemas: never pii, for the reporter only marts."""
    name = ROLES[role]
    readable = {
        f"{schema}.{table}"
        for schema, table, _kind, oid in _relations(catalog)
        if "SELECT" in _rights(catalog, name, oid)
        and catalog.execute("SELECT has_schema_privilege(%s, %s, 'USAGE')",
                            (name, schema)).fetchone()[0]
    }
    outside = {table for table in readable
               if table.split(".")[0] not in READABLE_SCHEMAS[role]}
    assert outside == set()
    assert not catalog.execute(
        "SELECT has_schema_privilege(%s, 'pii', 'USAGE')", (name,)).fetchone()[0]
    # pii is closed even without USAGE on the schema: no grant on any of its tables.
    pii_grants = {f"{schema}.{table}" for schema, table, _kind, oid in _relations(catalog)
                  if schema == "pii" and _rights(catalog, name, oid)}
    assert pii_grants == set()


def test_reporter_reads_every_mart(catalog: psycopg.Connection) -> None:
    """Least privilege must still let the reports run: every mart table and view."""
    unreadable = [f"{schema}.{table}" for schema, table, _kind, oid in _relations(catalog)
                  if schema == "mart"
                  and "SELECT" not in _rights(catalog, ROLES["reporter"], oid)]
    assert unreadable == []



def _sequences_with(catalog: psycopg.Connection, role: str, rights: str) -> list[tuple[str]]:
    """Sequences in Pantau's schemas on which ``role`` holds any of ``rights``."""
    return catalog.execute(
        f"""
        SELECT c.oid::regclass::text
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind = 'S' AND {USER_SCHEMAS}
           AND CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(%s, c.oid, %s) END
        """, (role, rights)).fetchall()

@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_use_no_sequence(catalog: psycopg.Connection, role: str) -> None:
    """nextval and setval are writes; the read-only roles hold nothing on any sequence."""
    assert _sequences_with(catalog, ROLES[role], "USAGE, SELECT, UPDATE") == []


@pytest.mark.parametrize("role", ["loader", "reporter", "auditor"])
def test_callable_functions_run_as_the_caller(catalog: psycopg.Connection, role: str) -> None:
    """No SECURITY DEFINER function a role can reach (it would run with its owner's rights);
    the read-only roles reach no function in core, pii, raw or staging at all."""
    name = ROLES[role]
    callable_ = catalog.execute(
        f"""
        SELECT n.nspname, p.oid::regprocedure::text, p.prosecdef
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE {USER_SCHEMAS}
           AND has_function_privilege(%s, p.oid, 'EXECUTE')
           AND has_schema_privilege(%s, n.oid, 'USAGE')
        """, (name, name)).fetchall()
    assert [function for _schema, function, definer in callable_ if definer] == []
    if role in READ_ONLY_ROLES:
        assert [function for schema, function, _definer in callable_
                if schema in {"core", "pii", "raw", "staging"}] == []


def test_loader_table_rights_follow_the_rule(catalog: psycopg.Connection) -> None:
    """The loader holds at most its schema's rights on each table (upper bound)."""
    excess = {}
    for schema, table, _kind, oid in _relations(catalog):
        qualified = f"{schema}.{table}"
        allowed = LOADER_TABLE_EXCEPTIONS.get(qualified, LOADER_TABLE_RIGHTS.get(schema, set()))
        extra = _rights(catalog, ROLES["loader"], oid) - allowed
        if extra:
            excess[qualified] = sorted(extra)
    assert excess == {}
    assert _sequences_with(catalog, ROLES["loader"], "UPDATE") == []


# --- behaviour matches the catalog -----------------------------------------------------


def _denied(conn: psycopg.Connection, statement: sql.Composable | str) -> bool:
    """Run ``statement`` in a savepoint that is always rolled back: refused for privileges?

    Any other error (a NOT NULL violation, say) came after the privilege check had
    passed, so it counts as allowed.
    """
    try:
        with conn.transaction(force_rollback=True):
            conn.execute(statement)
    except errors.InsufficientPrivilege:
        return True
    except psycopg.Error:
        return False
    return False


def _tables(conn: psycopg.Connection) -> list[tuple[str, str]]:
    return [(schema, table) for schema, table, kind, _oid in _relations(conn)
            if kind in {"r", "p"}]


def _first_column(conn: psycopg.Connection, schema: str, table: str) -> str:
    """A column an UPDATE may name (not GENERATED ALWAYS), so only privileges can refuse it."""
    return conn.execute(
        "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0"
        " AND NOT attisdropped AND attidentity <> 'a' AND attgenerated = ''"
        " ORDER BY attnum LIMIT 1",
        (sql.Identifier(schema, table).as_string(conn),)).fetchone()[0]


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_are_refused_every_write(catalog: psycopg.Connection, catalog_url: str,
                                                 role: str) -> None:
    """Each write, on each table, really fails (rolled back if it did not)."""
    allowed = []
    tables = _tables(catalog)
    with connect(role, url=catalog_url) as conn:
        for schema, table in tables:
            target = sql.Identifier(schema, table)
            column = sql.Identifier(_first_column(catalog, schema, table))
            for statement in (
                sql.SQL("INSERT INTO {} DEFAULT VALUES").format(target),
                sql.SQL("UPDATE {} SET {} = {} WHERE false").format(target, column, column),
                sql.SQL("DELETE FROM {} WHERE false").format(target),
                sql.SQL("TRUNCATE {}").format(target),
            ):
                if not _denied(conn, statement):
                    allowed.append(statement.as_string(conn))
        for schema in {schema for schema, _table in tables} | {"public"}:
            statement = sql.SQL("CREATE TABLE {} (i integer)").format(
                sql.Identifier(schema, "probe"))
            if not _denied(conn, statement):
                allowed.append(statement.as_string(conn))
    assert len(tables) > 20
    assert allowed == []


@pytest.mark.parametrize("role", READ_ONLY_ROLES)
def test_read_only_roles_are_refused_every_pii_read(catalog_url: str, role: str) -> None:
    """SELECT on each pii table really fails, as the catalog says."""
    with connect(role, url=catalog_url) as conn:
        pii = [table for table in _tables(conn) if table[0] == "pii"]
        readable = [f"{schema}.{table}" for schema, table in pii
                    if not _denied(conn, sql.SQL("SELECT * FROM {} LIMIT 0").format(
                        sql.Identifier(schema, table)))]
    assert pii
    assert readable == []


def test_loader_cannot_drop_create_or_touch_roles(catalog_url: str) -> None:
    """Every DROP of a schema or table, every CREATE in a schema, and role changes fail."""
    allowed = []
    with connect("loader", url=catalog_url) as conn:
        tables = _tables(conn)
        schemas = {schema for schema, _table in tables} | {"public"}
        statements = [
            *(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(s)) for s in schemas),
            *(sql.SQL("CREATE TABLE {} (i integer)").format(sql.Identifier(s, "probe"))
              for s in schemas),
            *(sql.SQL("CREATE FUNCTION {}() RETURNS int LANGUAGE sql RETURN 1").format(
                sql.Identifier(s, "probe")) for s in schemas),
            *(sql.SQL("DROP TABLE {}").format(sql.Identifier(s, t)) for s, t in tables),
            *(sql.SQL("ALTER TABLE {} ADD COLUMN probe integer").format(sql.Identifier(s, t))
              for s, t in tables),
            *(sql.SQL("TRUNCATE {}").format(sql.Identifier(s, t)) for s, t in tables),
            "CREATE SCHEMA probe",
            "CREATE ROLE pantau_probe",
            "ALTER ROLE pantau_reporter LOGIN",
            "ALTER ROLE pantau_loader SUPERUSER",
            "GRANT pantau_auditor TO pantau_reporter",
        ]
        for statement in statements:
            if not _denied(conn, statement):
                text = statement if isinstance(statement, str) else statement.as_string(conn)
                allowed.append(text)
        # Without a grant option GRANT only warns ("no privileges were granted").
        with conn.transaction(force_rollback=True):
            conn.execute("GRANT SELECT ON pii.person TO pantau_reporter")
            handed_on = conn.execute(
                "SELECT has_table_privilege('pantau_reporter', 'pii.person', 'SELECT')"
            ).fetchone()[0]
    assert allowed == []
    assert not handed_on


@pytest.mark.parametrize(
    ("statement", "allowed"),
    [
        ("SELECT * FROM pii.person LIMIT 0", True),
        ("DELETE FROM pii.person WHERE false", True),
        ("UPDATE audit.batch SET status = status WHERE false", True),
        ("DELETE FROM audit.batch WHERE false", False),
        ("DELETE FROM audit.parse_problem WHERE false", False),
        ("UPDATE quarantine.reason SET reason_id = reason_id WHERE false", False),
        ("SELECT * FROM public.alembic_version", False),
        ("UPDATE public.alembic_version SET version_num = version_num WHERE false", False),
    ],
)
def test_loader_behaviour_matches_its_rule(catalog_url: str, statement: str,
                                           allowed: bool) -> None:
    """Spot checks on both sides of the loader's rule: what it needs, what it must not do."""
    with connect("loader", url=catalog_url) as conn:
        assert (not _denied(conn, statement)) is allowed


@pytest.mark.parametrize("role", ["loader", "reporter", "auditor"])
@pytest.mark.parametrize(
    "statement",
    ["SELECT lo_from_bytea(0, 'x')", "SELECT lo_create(0)", "SELECT lo_creat(-1)"],
)
def test_no_role_creates_large_objects(catalog_url: str, role: str, statement: str) -> None:
    """PostgreSQL's one write open to PUBLIC by default, closed by migration 0009."""
    with connect(role, url=catalog_url) as conn:
        assert _denied(conn, statement)
