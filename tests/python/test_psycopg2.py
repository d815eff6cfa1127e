"""psycopg2 against a real Mallard server. psycopg2 binds parameters client-side and sends every
statement with the simple query protocol, opening transactions with BEGIN itself; its SQL
literals (ARRAY[...], '\\x..'::bytea, '...'::date) differ from psycopg 3's.

Every expected value is what PostgreSQL 16 returns for the same statement.
"""

import io
import threading
import time as time_mod
import uuid
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import psycopg2
import psycopg2.errors
import psycopg2.extensions
import psycopg2.extras
import pytest

psycopg2.extras.register_uuid()


@pytest.fixture
def connect2(server):
    opened = []

    def _connect(**overrides):
        conn = psycopg2.connect(server.dsn(**overrides))
        opened.append(conn)
        return conn

    yield _connect
    for conn in opened:
        conn.close()


@pytest.fixture
def conn2(connect2):
    return connect2()


@pytest.mark.parametrize("sslmode, expect_tls", [("disable", False), ("require", True)])
def test_connect(connect2, sslmode, expect_tls):
    conn = connect2(sslmode=sslmode)
    with conn.cursor() as cur:
        cur.execute("SELECT 1")
        assert cur.fetchone() == (1,)
    assert conn.server_version >= 150000
    assert conn.info.ssl_in_use is expect_tls
    assert conn.get_parameter_status("client_encoding") == "UTF8"
    assert conn.get_backend_pid() > 0


UUID_VALUE = uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")

# (id, SQL type, parameter, expected Python value)
TYPE_CASES = [
    ("int2", "int2", -32768, -32768),
    ("int4", "int4", 2147483647, 2147483647),
    ("int8", "int8", -9223372036854775808, -9223372036854775808),
    ("float4", "float4", -0.125, -0.125),
    ("float8", "float8", 2.718281828459045, 2.718281828459045),
    ("numeric", "numeric(12,5)", Decimal("-1234567.12345"), Decimal("-1234567.12345")),
    ("text", "text", "it's \"quoted\" \\ ✓", "it's \"quoted\" \\ ✓"),
    ("bool", "bool", True, True),
    ("date", "date", date(2024, 2, 29), date(2024, 2, 29)),
    ("time", "time", time(1, 2, 3, 4), time(1, 2, 3, 4)),
    ("timestamp", "timestamp", datetime(1999, 12, 31, 23, 59, 59, 999999),
     datetime(1999, 12, 31, 23, 59, 59, 999999)),
    ("interval", "interval", timedelta(days=1, seconds=7322, microseconds=5),
     timedelta(days=1, seconds=7322, microseconds=5)),
    ("uuid", "uuid", UUID_VALUE, UUID_VALUE),
    ("json", "json", psycopg2.extras.Json({"k": [1, None, "v"]}), {"k": [1, None, "v"]}),
    ("int4_list", "int4[]", [1, -2, 3], [1, -2, 3]),
    ("text_list", "text[]", ["a", "b c", 'q"', None], ["a", "b c", 'q"', None]),
]


@pytest.mark.parametrize("sql_type, param, expected",
                         [c[1:] for c in TYPE_CASES], ids=[c[0] for c in TYPE_CASES])
def test_type_round_trip(conn2, sql_type, param, expected):
    with conn2.cursor() as cur:
        cur.execute(f"SELECT CAST(%s AS {sql_type}), CAST(%s AS {sql_type})", (param, None))
        assert cur.fetchone() == (expected, None)


def test_bytea_round_trip(conn2):
    # psycopg2 writes bytes as '\x0001feff'::bytea (hex bytea input).
    with conn2.cursor() as cur:
        cur.execute("SELECT %s::bytea", (b"\x00\x01\xfe\xff",))
        assert bytes(cur.fetchone()[0]) == b"\x00\x01\xfe\xff"


def test_timestamptz_in_session_timezone(conn2):
    with conn2.cursor() as cur:
        cur.execute("SET TimeZone TO 'America/Sao_Paulo'")
        value = datetime(2024, 3, 1, 15, 0, tzinfo=timezone.utc)
        cur.execute("SELECT %s::timestamptz, %s::timestamptz::text", (value, value))
        got, text = cur.fetchone()
        assert got == value
        assert got.utcoffset() == timedelta(hours=-3)
        assert text == "2024-03-01 12:00:00-03"


def test_implicit_transaction_commit_and_rollback(server, connect2, table_name):
    conn = connect2()
    with conn.cursor() as cur:
        cur.execute(f"CREATE TABLE {table_name} (id int4, s text)")
    conn.commit()
    with conn.cursor() as cur:
        cur.execute(f"INSERT INTO {table_name} VALUES (1, 'rolled back')")
        assert conn.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_INTRANS
    conn.rollback()
    with conn:  # commits on success
        with conn.cursor() as cur:
            cur.executemany(f"INSERT INTO {table_name} VALUES (%s, %s)",
                            [(2, "two"), (3, "three")])
            assert cur.rowcount == 2
    other = connect2()
    with other.cursor() as cur:
        cur.execute(f"SELECT id, s FROM {table_name} ORDER BY id")
        assert cur.fetchall() == [(2, "two"), (3, "three")]


def test_execute_values(conn2, table_name):
    with conn2.cursor() as cur:
        cur.execute(f"CREATE TABLE {table_name} (id int4, s text)")
        psycopg2.extras.execute_values(
            cur, f"INSERT INTO {table_name} VALUES %s", [(i, f"v{i}") for i in range(1000)],
            page_size=300)
        cur.execute(f"SELECT count(*), sum(id), min(s), max(s) FROM {table_name}")
        assert cur.fetchone() == (1000, 499500, "v0", "v999")
    conn2.commit()


@pytest.mark.parametrize("sql, exc_class, pgcode", [
    ("SELECT * FROM no_such_table_xyz", psycopg2.errors.UndefinedTable, "42P01"),
    ("SELEC 1", psycopg2.errors.SyntaxError, "42601"),
    ("SELECT 'abc'::int4", psycopg2.errors.InvalidTextRepresentation, "22P02"),
], ids=["42P01", "42601", "22P02"])
def test_errors_and_failed_transaction(conn2, sql, exc_class, pgcode):
    with conn2.cursor() as cur:
        with pytest.raises(exc_class) as excinfo:
            cur.execute(sql)
        assert excinfo.value.pgcode == pgcode
        assert conn2.get_transaction_status() == psycopg2.extensions.TRANSACTION_STATUS_INERROR
        with pytest.raises(psycopg2.errors.InFailedSqlTransaction) as excinfo:
            cur.execute("SELECT 1")
        assert excinfo.value.pgcode == "25P02"
    conn2.rollback()
    with conn2.cursor() as cur:
        cur.execute("SELECT 2")
        assert cur.fetchone() == (2,)


def test_unique_violation(conn2, table_name):
    with conn2.cursor() as cur:
        cur.execute(f"CREATE TABLE {table_name} (id int4 PRIMARY KEY)")
        conn2.commit()
        cur.execute(f"INSERT INTO {table_name} VALUES (1)")
        with pytest.raises(psycopg2.errors.UniqueViolation) as excinfo:
            cur.execute(f"INSERT INTO {table_name} VALUES (1)")
        assert excinfo.value.pgcode == "23505"
    conn2.rollback()


@pytest.mark.timeout(90)
def test_cancel(connect2):
    conn = connect2()
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SET statement_timeout = '120s'")  # a safety net if cancel does not work
    outcome = {}

    def worker():
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT count(*) FROM range(100000000) a, range(1000) b "
                            "WHERE a.range * b.range % 7 = 3")
            outcome["result"] = "finished"
        except BaseException as e:  # noqa: BLE001 - handed to the test
            outcome["error"] = e

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    time_mod.sleep(1.5)
    assert thread.is_alive(), outcome
    conn.cancel()
    thread.join(30)
    assert not thread.is_alive(), "the query was not cancelled within 30 s"
    assert isinstance(outcome.get("error"), psycopg2.extensions.QueryCanceledError), outcome
    assert outcome["error"].pgcode == "57014"
    with conn.cursor() as cur:
        cur.execute("SELECT 'alive'")
        assert cur.fetchone() == ("alive",)


def test_named_cursor(conn2):
    # psycopg2's named cursors are DECLARE ... CURSOR WITHOUT HOLD plus FETCH FORWARD n.
    with conn2.cursor(name="p2_named") as cur:
        cur.itersize = 500
        cur.execute("SELECT range FROM range(2000)")
        assert sum(row[0] for row in cur) == sum(range(2000))
    conn2.rollback()


def test_large_fetch(conn2):
    with conn2.cursor() as cur:
        cur.execute("SELECT range, 'x' || range FROM range(200000)")
        rows = cur.fetchall()
    assert len(rows) == 200000
    assert rows[-1] == (199999, "x199999")
    conn2.rollback()


@pytest.mark.copy
def test_copy_expert_in_and_out(conn2, table_name):
    with conn2.cursor() as cur:
        cur.execute(f"CREATE TABLE {table_name} (id int4, s text, d date)")
        cur.copy_expert(f"COPY {table_name} FROM STDIN WITH (FORMAT csv)",
                        io.StringIO('1,"a,b",2024-01-01\n2,,\n3,"x""y",1999-12-31\n'))
        assert cur.rowcount == 3
        cur.execute(f"SELECT * FROM {table_name} ORDER BY id")
        assert cur.fetchall() == [(1, "a,b", date(2024, 1, 1)), (2, None, None),
                                  (3, 'x"y', date(1999, 12, 31))]
        out = io.StringIO()
        cur.copy_expert(f"COPY (SELECT * FROM {table_name} ORDER BY id) TO STDOUT "
                        "WITH (FORMAT csv)", out)
        assert out.getvalue() == '1,"a,b",2024-01-01\n2,,\n3,"x""y",1999-12-31\n'
    conn2.commit()


@pytest.mark.copy
def test_copy_from_and_copy_to(conn2, table_name):
    # copy_from/copy_to write PostgreSQL's old COPY syntax:
    # COPY t (cols) FROM stdin WITH DELIMITER AS '\t' NULL AS '\N'
    with conn2.cursor() as cur:
        cur.execute(f"CREATE TABLE {table_name} (id int4, s text)")
        cur.copy_from(io.StringIO("1\tone\n2\t\\N\n3\tthree\n"), table_name, columns=("id", "s"))
        cur.execute(f"SELECT * FROM {table_name} ORDER BY id")
        assert cur.fetchall() == [(1, "one"), (2, None), (3, "three")]
        out = io.StringIO()
        cur.copy_to(out, table_name, sep="|", null="<null>")
        assert sorted(out.getvalue().splitlines()) == ["1|one", "2|<null>", "3|three"]
    conn2.commit()
