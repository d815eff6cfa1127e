"""psycopg 3 reads the catalog with its own queries: type and enum lookups (TypeInfo, EnumInfo
query pg_type / pg_enum with ::regtype casts) and the session functions. Expected values are
PostgreSQL's, except where README documents a difference."""

from psycopg.types import TypeInfo
from psycopg.types.enum import EnumInfo


def test_type_info_from_pg_type(conn):
    info = TypeInfo.fetch(conn, "int4")
    assert (info.name, info.oid, info.array_oid, info.regtype) == ("int4", 23, 1007, "integer")
    info = TypeInfo.fetch(conn, "numeric")
    assert (info.oid, info.array_oid) == (1700, 1231)
    assert TypeInfo.fetch(conn, "no_such_type") is None


def test_enum_info_lists_labels_in_order(conn, table_name):
    type_name = table_name + "_mood"
    conn.execute(f"CREATE TYPE {type_name} AS ENUM ('sad', 'ok', 'happy')")
    try:
        info = EnumInfo.fetch(conn, type_name)
        assert info.name == type_name
        assert info.oid >= 16384
        assert info.labels == ["sad", "ok", "happy"]
    finally:
        conn.execute(f"DROP TYPE {type_name}")


def test_session_functions(conn):
    row = conn.execute("SELECT current_user, session_user, current_database(), current_schema,"
                       " pg_backend_pid()").fetchone()
    assert row == ("postgres", "postgres", "postgres", "public", conn.info.backend_pid)
    assert conn.execute("SELECT current_schema(), current_schemas(false)").fetchone() == (
        "public", ["public"])
    version = conn.execute("SELECT version()").fetchone()[0]
    assert version.startswith("PostgreSQL " + conn.info.parameter_status("server_version") + " on ")


def test_columns_of_a_table(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id integer PRIMARY KEY, price numeric(8,3) NOT NULL)")
    rows = conn.execute(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull"
        " FROM pg_attribute a WHERE a.attrelid = %s::regclass AND a.attnum > 0 ORDER BY a.attnum",
        [table_name]).fetchall()
    assert rows == [("id", "integer", True), ("price", "numeric(8,3)", True)]
    cols = conn.execute(
        "SELECT column_name, data_type, numeric_precision, numeric_scale"
        " FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position",
        [table_name]).fetchall()
    assert cols == [("id", "integer", 32, 0), ("price", "numeric", 8, 3)]
