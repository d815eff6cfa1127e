"""psycopg 3 against a real Mallard server: connections and TLS, both protocols (simple with
client-side binding, extended with server-side binding, named prepared statements, binary
results), streaming and server-side cursors, SQLSTATEs, transactions, executemany and pipelines.
Typed round-trips, cancel and COPY have modules of their own.

Every expected value is what PostgreSQL 16 returns for the same statement.
"""

import os
import threading
import time
from decimal import Decimal
from zoneinfo import ZoneInfo

import psycopg
import pytest
from psycopg import errors, pq

from helpers import MODES, count_rows, open_cursor


# ---------------------------------------------------------------------------------------------
# Connecting
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sslmode, expect_tls", [("disable", False), ("prefer", True),
                                                 ("require", True)])
def test_connect_sslmodes(connect, sslmode, expect_tls):
    conn = connect(sslmode=sslmode)
    assert conn.execute("SELECT 1").fetchone() == (1,)
    assert conn.info.server_version >= 150000
    major = int(conn.info.parameter_status("server_version").split(".")[0])
    assert major * 10000 <= conn.info.server_version < (major + 1) * 10000
    assert conn.pgconn.ssl_in_use is expect_tls
    assert conn.info.status == psycopg.pq.ConnStatus.OK
    assert conn.info.dbname == "postgres"
    assert conn.info.user == "postgres"


def test_channel_binding_over_tls(connect):
    # SCRAM-SHA-256-PLUS: libpq refuses to finish authentication unless the server binds the
    # SCRAM exchange to the TLS channel.
    conn = connect(sslmode="require", channel_binding="require")
    assert conn.execute("SELECT 1").fetchone() == (1,)
    assert conn.pgconn.ssl_in_use


# libpq reports a failed connection without its SQLSTATE, so these check PostgreSQL's message.
@pytest.mark.parametrize("sslmode", ["disable", "require"])
def test_wrong_password_is_refused(server, sslmode):
    with pytest.raises(psycopg.OperationalError) as excinfo:
        psycopg.connect(server.dsn(password="wrong", sslmode=sslmode))
    assert 'password authentication failed for user "postgres"' in str(excinfo.value)


def test_unknown_database_is_refused(server):
    with pytest.raises(psycopg.OperationalError) as excinfo:
        psycopg.connect(server.dsn(dbname="no_such_database_xyz"))
    assert 'database "no_such_database_xyz" does not exist' in str(excinfo.value)


def test_startup_parameter_status(conn):
    info = conn.info
    assert info.parameter_status("server_encoding") == "UTF8"
    assert info.parameter_status("client_encoding") == "UTF8"
    assert info.parameter_status("integer_datetimes") == "on"
    assert info.parameter_status("standard_conforming_strings") == "on"
    assert info.parameter_status("DateStyle").startswith("ISO")
    assert info.encoding == "utf-8"


def test_set_timezone_reports_parameter_status(conn):
    conn.execute("SET TimeZone TO 'Asia/Kolkata'")
    assert conn.info.parameter_status("TimeZone") == "Asia/Kolkata"
    assert conn.info.timezone == ZoneInfo("Asia/Kolkata")
    assert conn.execute("SHOW TimeZone").fetchone() == ("Asia/Kolkata",)


def test_application_name_from_startup(connect):
    conn = connect(application_name="mallard-pytest")
    assert conn.execute("SHOW application_name").fetchone() == ("mallard-pytest",)
    assert conn.execute("SELECT current_setting('application_name')").fetchone() == (
        "mallard-pytest",)

# ---------------------------------------------------------------------------------------------
# Protocols: simple (client-side binding), extended, prepared, binary
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
def test_select_and_description(connect, mode):
    cur, ph = open_cursor(connect, mode)
    for _ in range(2):  # the second run reuses a prepared statement in "prepared" mode
        cur.execute(f"SELECT {ph}::int4 AS one, 'x'::text AS two, {ph}::int8 + 1 AS three",
                    (1, 41))
        assert cur.fetchall() == [(1, "x", 42)]
        assert [d.name for d in cur.description] == ["one", "two", "three"]
        assert [d.type_code for d in cur.description] == [23, 25, 20]
        assert cur.rowcount == 1
        assert cur.statusmessage == "SELECT 1"
        assert cur.pgresult.binary_tuples == (1 if mode == "binary" else 0)


@pytest.mark.parametrize("mode", MODES)
def test_many_rows_and_columns(connect, mode):
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"SELECT range AS i, range * 2 AS d, 'row ' || range AS s "
                f"FROM range({ph}::int8) ORDER BY range", (5000,))
    rows = cur.fetchall()
    assert len(rows) == 5000
    assert rows[0] == (0, 0, "row 0")
    assert rows[4999] == (4999, 9998, "row 4999")
    assert sum(r[1] for r in rows) == 2 * sum(range(5000))


def test_prepared_statement_reuse(connect):
    conn = connect(autocommit=True, prepare_threshold=0)
    cur = conn.cursor()
    results = [cur.execute("SELECT %s::int4 * 10", (i,)).fetchone()[0] for i in range(20)]
    assert results == [i * 10 for i in range(20)]
    # Rows come back right also for a statement prepared earlier and executed again later.
    cur.execute("SELECT %s::text || '!'", ("a",))
    cur.execute("SELECT %s::int4 * 10", (99,))
    assert cur.fetchone() == (990,)


def test_simple_protocol_multiple_statements(conn):
    cur = conn.cursor()
    cur.execute("SELECT 1 AS a; SELECT 'two' AS b, 2.5::float8 AS c")
    assert cur.fetchall() == [(1,)]
    assert cur.nextset()
    assert cur.fetchall() == [("two", 2.5)]
    assert [d.name for d in cur.description] == ["b", "c"]
    assert cur.nextset() is None


@pytest.mark.parametrize("mode", MODES)
def test_column_names_of_unnamed_expressions(connect, mode):
    # PostgreSQL names an expression column after its function or cast type, else "?column?".
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"SELECT 1, {ph}::int4 + 1, 'a'::text, CAST(2.5 AS numeric(4,2)), count(*), "
                "lower('A') FROM range(3)", (1,))
    assert cur.fetchone() == (1, 2, "a", Decimal("2.50"), 3, "a")
    assert [d.name for d in cur.description] == [
        "?column?", "?column?", "text", "numeric", "count", "lower"]


def test_empty_result_keeps_description(conn):
    cur = conn.execute("SELECT range AS n, 'a' AS s FROM range(10) WHERE range > 100")
    assert cur.fetchall() == []
    assert [d.name for d in cur.description] == ["n", "s"]
    assert cur.statusmessage == "SELECT 0"


@pytest.mark.parametrize("mode", MODES)
def test_dml_rowcount_and_tags(connect, mode, table_name):
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"CREATE TABLE {table_name} (id int4, name text)")
    cur.execute(f"INSERT INTO {table_name} VALUES ({ph}, {ph}), ({ph}, {ph}), ({ph}, {ph})",
                (1, "a", 2, "b", 3, "c"))
    assert cur.rowcount == 3
    assert cur.statusmessage == "INSERT 0 3"
    cur.execute(f"UPDATE {table_name} SET name = name || {ph} WHERE id >= {ph}", ("!", 2))
    assert cur.rowcount == 2
    assert cur.statusmessage == "UPDATE 2"
    cur.execute(f"DELETE FROM {table_name} WHERE id = {ph}", (1,))
    assert cur.rowcount == 1
    assert cur.statusmessage == "DELETE 1"
    cur.execute(f"SELECT id, name FROM {table_name} ORDER BY id")
    assert cur.fetchall() == [(2, "b!"), (3, "c!")]


def test_insert_returning(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4, name text)")
    cur = conn.execute(f"INSERT INTO {table_name} VALUES (%s, %s), (%s, %s) RETURNING id, name",
                       (7, "x", 8, "y"))
    assert sorted(cur.fetchall()) == [(7, "x"), (8, "y")]
    assert cur.statusmessage == "INSERT 0 2"

# ---------------------------------------------------------------------------------------------
# Streaming and server-side cursors
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
def test_stream_a_million_rows(conn, binary):
    cur = conn.cursor(binary=binary)
    count = total = 0
    for (value,) in cur.stream("SELECT range FROM range(1000000)"):
        count += 1
        total += value
    assert count == 1_000_000
    assert total == 999_999 * 1_000_000 // 2
    # The connection is usable afterwards.
    assert conn.execute("SELECT 42").fetchone() == (42,)


def test_stream_with_parameters(conn):
    cur = conn.cursor()
    rows = list(cur.stream("SELECT range, %s::text FROM range(%s)", ("x", 3)))
    assert rows == [(0, "x"), (1, "x"), (2, "x")]


def test_stream_stopped_early_leaves_connection_usable(conn):
    cur = conn.cursor()
    seen = 0
    for _ in cur.stream("SELECT range FROM range(1000000)"):
        seen += 1
        if seen == 10:
            break
    cur.close()
    assert conn.execute("SELECT 'after'").fetchone() == ("after",)


def test_named_server_side_cursor(connect):
    conn = connect()  # not autocommit: a named cursor lives in a transaction
    with conn.cursor(name="mallard_big") as cur:
        cur.itersize = 1000
        cur.execute("SELECT range FROM range(100000)")
        assert cur.fetchone() == (0,)
        assert cur.fetchmany(3) == [(1,), (2,), (3,)]
        rest = sum(r[0] for r in cur)
    assert rest == sum(range(4, 100000))
    conn.commit()


def test_declare_fetch_close(conn):
    with conn.transaction():
        conn.execute("DECLARE c1 CURSOR FOR SELECT range FROM range(10)")
        assert conn.execute("FETCH 3 FROM c1").fetchall() == [(0,), (1,), (2,)]
        assert conn.execute("FETCH NEXT FROM c1").fetchall() == [(3,)]
        assert len(conn.execute("FETCH ALL FROM c1").fetchall()) == 6
        conn.execute("CLOSE c1")

# ---------------------------------------------------------------------------------------------
# Errors and SQLSTATEs
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sql, sqlstate, exc_class", [
    ("SELECT * FROM no_such_table_xyz", "42P01", errors.UndefinedTable),
    ("SELEC 1", "42601", errors.SyntaxError),
    ("SELECT 'abc'::int4", "22P02", errors.InvalidTextRepresentation),
    ("SELECT no_such_column FROM (SELECT 1 AS a) t", "42703", errors.UndefinedColumn),
    ("SELECT no_such_function_xyz(1)", "42883", errors.UndefinedFunction),
], ids=["42P01", "42601", "22P02", "42703", "42883"])
def test_error_sqlstates(connect, mode, sql, sqlstate, exc_class):
    cur, _ = open_cursor(connect, mode)
    with pytest.raises(exc_class) as excinfo:
        cur.execute(sql)
    assert excinfo.value.sqlstate == sqlstate
    assert excinfo.value.diag.severity == "ERROR"
    assert excinfo.value.diag.message_primary
    # The session goes on.
    assert cur.execute("SELECT 1").fetchone() == (1,)


def test_invalid_parameter_value_is_22P02(conn):
    cur = conn.cursor()
    with pytest.raises(errors.InvalidTextRepresentation) as excinfo:
        cur.execute("SELECT %t::int4", ("12x",))
    assert excinfo.value.sqlstate == "22P02"


def test_unique_violation_is_23505(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4 PRIMARY KEY, v text)")
    conn.execute(f"INSERT INTO {table_name} VALUES (1, 'a')")
    with pytest.raises(errors.UniqueViolation) as excinfo:
        conn.execute(f"INSERT INTO {table_name} VALUES (%s, %s)", (1, "b"))
    assert excinfo.value.sqlstate == "23505"
    assert conn.execute(f"SELECT v FROM {table_name}").fetchall() == [("a",)]


def test_not_null_violation_is_23502(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4 NOT NULL)")
    with pytest.raises(errors.NotNullViolation) as excinfo:
        conn.execute(f"INSERT INTO {table_name} VALUES (NULL)")
    assert excinfo.value.sqlstate == "23502"


def test_failed_transaction_is_25P02_until_rollback(connect):
    conn = connect()  # psycopg opens a transaction before the first statement
    conn.execute("SELECT 1")
    assert conn.info.transaction_status == pq.TransactionStatus.INTRANS
    with pytest.raises(errors.UndefinedTable):
        conn.execute("SELECT * FROM no_such_table_xyz")
    assert conn.info.transaction_status == pq.TransactionStatus.INERROR
    with pytest.raises(errors.InFailedSqlTransaction) as excinfo:
        conn.execute("SELECT 1")
    assert excinfo.value.sqlstate == "25P02"
    with pytest.raises(errors.InFailedSqlTransaction):
        conn.execute("SELECT %s::int4", (1,))  # extended protocol too
    conn.rollback()
    assert conn.info.transaction_status == pq.TransactionStatus.IDLE
    assert conn.execute("SELECT 2").fetchone() == (2,)
    conn.rollback()

# ---------------------------------------------------------------------------------------------
# Transactions
# ---------------------------------------------------------------------------------------------

def test_transaction_block_commits(server, conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    with conn.transaction():
        conn.execute(f"INSERT INTO {table_name} VALUES (1), (2)")
        assert conn.info.transaction_status == pq.TransactionStatus.INTRANS
        assert count_rows(server, table_name) == 0  # not visible to others yet
    assert conn.info.transaction_status == pq.TransactionStatus.IDLE
    assert count_rows(server, table_name) == 2


def test_transaction_block_rolls_back_on_exception(server, conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    with pytest.raises(ZeroDivisionError):
        with conn.transaction():
            conn.execute(f"INSERT INTO {table_name} VALUES (1)")
            raise ZeroDivisionError
    assert count_rows(server, table_name) == 0
    assert conn.execute(f"SELECT count(*) FROM {table_name}").fetchone() == (0,)


def test_explicit_rollback(server, conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    with conn.transaction() as tx:
        conn.execute(f"INSERT INTO {table_name} VALUES (1)")
        assert conn.execute(f"SELECT count(*) FROM {table_name}").fetchone() == (1,)
        raise psycopg.Rollback(tx)
    assert count_rows(server, table_name) == 0


def test_non_autocommit_commit_and_rollback(server, connect, table_name):
    conn = connect()
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    conn.commit()
    conn.execute(f"INSERT INTO {table_name} VALUES (1)")
    conn.rollback()
    conn.execute(f"INSERT INTO {table_name} VALUES (2)")
    conn.commit()
    assert conn.execute(f"SELECT id FROM {table_name}").fetchall() == [(2,)]
    conn.rollback()
    assert count_rows(server, table_name) == 1


def test_set_local_ends_with_transaction(conn):
    with conn.transaction():
        conn.execute("SET LOCAL TimeZone TO 'America/New_York'")
        assert conn.execute("SHOW TimeZone").fetchone() == ("America/New_York",)
    assert conn.execute("SHOW TimeZone").fetchone() != ("America/New_York",)


def test_read_only_transaction_refuses_writes(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    for begin in (["BEGIN READ ONLY"], ["BEGIN", "SET TRANSACTION READ ONLY"]):
        for sql in (f"INSERT INTO {table_name} VALUES (1)", f"DELETE FROM {table_name}",
                    f"CREATE TABLE {table_name}_x (id int4)",
                    f"COPY {table_name} (id) FROM STDIN"):
            for b in begin:
                conn.execute(b)
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction) as e:
                conn.execute(sql)
            assert "in a read-only transaction" in str(e.value)
            conn.execute("ROLLBACK")
    conn.execute("BEGIN READ ONLY")
    conn.execute("CREATE TEMP TABLE ro_scratch (id int4)")  # allowed, as in PostgreSQL
    assert conn.execute(f"SELECT count(*) FROM {table_name}").fetchone() == (0,)
    conn.execute("ROLLBACK")


def test_nested_transaction_uses_savepoint(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    with conn.transaction():
        conn.execute(f"INSERT INTO {table_name} VALUES (1)")
        with pytest.raises(ZeroDivisionError):
            with conn.transaction():
                conn.execute(f"INSERT INTO {table_name} VALUES (2)")
                raise ZeroDivisionError
    assert conn.execute(f"SELECT id FROM {table_name}").fetchall() == [(1,)]

# ---------------------------------------------------------------------------------------------
# executemany and pipelines
# ---------------------------------------------------------------------------------------------

def test_executemany(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4, name text, amount numeric(10,2))")
    rows = [(i, f"name {i}", Decimal(i) / 4) for i in range(500)]
    cur = conn.cursor()
    cur.executemany(f"INSERT INTO {table_name} VALUES (%s, %s, %s)", rows)
    assert cur.rowcount == 500
    cur.execute(f"SELECT id, name, amount FROM {table_name} ORDER BY id")
    assert cur.fetchall() == [(i, n, a.quantize(Decimal("0.01"))) for i, n, a in rows]


def test_executemany_returning(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4, name text)")
    cur = conn.cursor()
    cur.executemany(f"INSERT INTO {table_name} VALUES (%s, %s) RETURNING id * 10, name",
                    [(1, "a"), (2, "b"), (3, "c")], returning=True)
    got = []
    while True:
        got.extend(cur.fetchall())
        if not cur.nextset():
            break
    assert got == [(10, "a"), (20, "b"), (30, "c")]


def test_executemany_in_transaction_with_error(server, connect, table_name):
    conn = connect()
    conn.execute(f"CREATE TABLE {table_name} (id int4 PRIMARY KEY)")
    conn.commit()
    with pytest.raises(errors.UniqueViolation):
        conn.cursor().executemany(f"INSERT INTO {table_name} VALUES (%s)", [(1,), (2,), (1,)])
    conn.rollback()
    assert count_rows(server, table_name) == 0


def test_deallocate_all(connect):
    # psycopg sends DEALLOCATE ALL itself after a rollback that may have lost its prepared
    # statements.
    conn = connect(autocommit=True, prepare_threshold=0)
    assert conn.execute("SELECT %s::int4", (1,)).fetchone() == (1,)
    conn.execute("DEALLOCATE ALL")
    assert conn.execute("SELECT %s::int4", (2,)).fetchone() == (2,)


def test_sql_prepare_execute_deallocate(conn):
    conn.execute("PREPARE double_it AS SELECT $1::int4 * 2 AS doubled")
    cur = conn.execute("EXECUTE double_it (21)")
    assert cur.fetchone() == (42,)
    assert cur.description[0].name == "doubled"
    assert cur.statusmessage == "SELECT 1"  # EXECUTE reports the prepared statement's tag
    conn.execute("DEALLOCATE double_it")
    with pytest.raises(errors.InvalidSqlStatementName) as excinfo:
        conn.execute("EXECUTE double_it (21)")
    assert excinfo.value.sqlstate == "26000"


def test_sql_prepare_with_parameter_types(conn):
    conn.execute("PREPARE add_them (int4, int8) AS SELECT $1 + $2 AS total")
    assert conn.execute("EXECUTE add_them (1, 2)").fetchone() == (3,)
    conn.execute("DEALLOCATE PREPARE add_them")


def test_pipeline(conn):
    with conn.pipeline():
        c1 = conn.execute("SELECT %s::int4 + 1", (1,))
        c2 = conn.execute("SELECT %s::text || 'b'", ("a",))
        c3 = conn.execute("SELECT range FROM range(%s)", (3,))
    assert c1.fetchone() == (2,)
    assert c2.fetchone() == ("ab",)
    assert c3.fetchall() == [(0,), (1,), (2,)]


def test_pipeline_error_aborts_until_sync(conn):
    with pytest.raises(errors.UndefinedTable):
        with conn.pipeline():
            conn.execute("SELECT 1")
            conn.execute("SELECT * FROM no_such_table_xyz")
            conn.execute("SELECT 3")
    assert conn.execute("SELECT 4").fetchone() == (4,)


def test_advisory_locks_are_exclusive_and_released_with_the_session(connect):
    """Session-level advisory locks (asyncpg's Pool resets connections with
    pg_advisory_unlock_all()): exclusive between sessions, re-entrant, waited for."""
    key = 7_000_000 + os.getpid()
    a, b = connect(autocommit=True), connect(autocommit=True)
    assert a.execute("SELECT pg_advisory_lock(%s)", [key]).fetchone() == ("",)
    assert a.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone() == (True,)
    assert b.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone() == (False,)
    assert b.execute("SELECT pg_advisory_unlock(%s)", [key]).fetchone() == (False,)
    waiter = threading.Thread(target=b.execute, args=("SELECT pg_advisory_lock(%s)", [key]))
    waiter.start()
    a.execute("SELECT pg_advisory_unlock(%s)", [key])  # taken twice: still held
    waiter.join(0.5)
    assert waiter.is_alive()
    a.execute("SELECT pg_advisory_unlock_all()")
    waiter.join(10)
    assert not waiter.is_alive()
    assert a.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone() == (False,)
    assert a.execute("SELECT pg_try_advisory_lock(%s, 1)", [key]).fetchone() == (True,)
    b.close()  # the server notices the end of b's session shortly after
    deadline = time.monotonic() + 10
    while not a.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone()[0]:
        assert time.monotonic() < deadline, "b's lock outlived its session"
        time.sleep(0.05)
