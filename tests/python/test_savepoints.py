"""Savepoints as ORMs drive them (psycopg 3 nested transaction blocks, psycopg2 with explicit
SAVEPOINT / RELEASE / ROLLBACK TO as Django's atomic and SQLAlchemy's begin_nested send them),
and the statements compared with a real PostgreSQL where Mallard can do what it does.

DuckDB cannot undo part of a transaction: ROLLBACK TO starts DuckDB's transaction again and runs
the changes made before the savepoint again, and answers 0A000 where they would not come out the
same (a serial id, now()); then the whole transaction must be rolled back."""

import psycopg
import psycopg2
import psycopg2.errors
import pytest
from psycopg import errors

from reference import reference  # noqa: F401 - a fixture


@pytest.fixture
def conn2(server):
    conn = psycopg2.connect(server.dsn())
    yield conn
    conn.close()


def ids(conn, table):
    return [r[0] for r in conn.execute(f"SELECT id FROM {table} ORDER BY id").fetchall()]


def test_nested_block_that_succeeds_is_released(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    with conn.transaction():
        conn.execute(f"INSERT INTO {table_name} VALUES (1)")
        with conn.transaction():  # SAVEPOINT ... RELEASE SAVEPOINT
            conn.execute(f"INSERT INTO {table_name} VALUES (2)")
            with conn.transaction():
                conn.execute(f"INSERT INTO {table_name} VALUES (3)")
        conn.execute(f"INSERT INTO {table_name} VALUES (4)")
    assert ids(conn, table_name) == [1, 2, 3, 4]


def test_nested_block_that_only_read_is_rolled_back(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    with conn.transaction():
        conn.execute(f"INSERT INTO {table_name} VALUES (1)")
        with pytest.raises(errors.UndefinedTable):
            with conn.transaction():
                assert conn.execute(f"SELECT count(*) FROM {table_name}").fetchone() == (1,)
                conn.execute("SELECT * FROM no_such_table_in_savepoint")
        conn.execute(f"INSERT INTO {table_name} VALUES (2)")
    assert ids(conn, table_name) == [1, 2]


def test_django_style_get_or_create(conn2, table_name):
    # Django: atomic() opens the transaction, get_or_create tries the INSERT in a savepoint, and on
    # IntegrityError goes back to it and reads the existing row.
    cur = conn2.cursor()
    cur.execute(f"CREATE TABLE {table_name} (id int4 PRIMARY KEY, name text)")
    cur.execute(f"INSERT INTO {table_name} VALUES (1, 'existing')")
    conn2.commit()
    cur.execute('SAVEPOINT "s1_x1"')
    with pytest.raises(psycopg2.errors.UniqueViolation):
        cur.execute(f"INSERT INTO {table_name} VALUES (1, 'again')")
    cur.execute('ROLLBACK TO SAVEPOINT "s1_x1"')
    cur.execute('RELEASE SAVEPOINT "s1_x1"')
    cur.execute(f"SELECT name FROM {table_name} WHERE id = 1")
    assert cur.fetchone() == ("existing",)
    cur.execute(f"INSERT INTO {table_name} VALUES (2, 'created')")
    conn2.commit()
    cur.execute(f"SELECT id, name FROM {table_name} ORDER BY id")
    assert cur.fetchall() == [(1, "existing"), (2, "created")]
    conn2.commit()


def test_sqlalchemy_style_begin_nested(conn2, table_name):
    # SQLAlchemy's begin_nested(): SAVEPOINT sa_savepoint_1 ... RELEASE SAVEPOINT sa_savepoint_1
    cur = conn2.cursor()
    cur.execute(f"CREATE TABLE {table_name} (id int4, v text)")
    cur.execute(f"INSERT INTO {table_name} VALUES (1, 'outer')")
    cur.execute("SAVEPOINT sa_savepoint_1")
    cur.execute(f"UPDATE {table_name} SET v = 'nested' WHERE id = 1")
    cur.execute("SAVEPOINT sa_savepoint_2")
    cur.execute("SET LOCAL statement_timeout = '9s'")
    cur.execute("SELECT 1")
    cur.execute("ROLLBACK TO SAVEPOINT sa_savepoint_2")  # nothing changed since: allowed
    cur.execute("SHOW statement_timeout")
    assert cur.fetchone() == ("0",)
    cur.execute("RELEASE SAVEPOINT sa_savepoint_1")
    conn2.commit()
    cur.execute(f"SELECT id, v FROM {table_name}")
    assert cur.fetchall() == [(1, "nested")]
    conn2.commit()


def test_rollback_to_after_writes_keeps_the_earlier_ones(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    conn.execute("BEGIN")
    conn.execute(f"INSERT INTO {table_name} VALUES (1)")
    conn.execute("SAVEPOINT inner_block")
    conn.execute(f"INSERT INTO {table_name} VALUES (2)")
    conn.execute(f"DELETE FROM {table_name} WHERE id = 1")
    conn.execute("ROLLBACK TO SAVEPOINT inner_block")
    assert ids(conn, table_name) == [1]
    conn.execute(f"INSERT INTO {table_name} VALUES (3)")
    conn.execute("COMMIT")
    assert ids(conn, table_name) == [1, 3]


def test_rollback_to_after_a_serial_insert_answers_0A000(conn, table_name):
    # The serial id the first INSERT got would not come back if it ran again.
    conn.execute(f"CREATE TABLE {table_name} (id serial, v text)")
    conn.execute("BEGIN")
    conn.execute(f"INSERT INTO {table_name} (v) VALUES ('a')")
    conn.execute("SAVEPOINT inner_block")
    conn.execute(f"INSERT INTO {table_name} (v) VALUES ('b')")
    with pytest.raises(errors.FeatureNotSupported) as excinfo:
        conn.execute("ROLLBACK TO SAVEPOINT inner_block")
    assert "DuckDB cannot undo part of a transaction" in str(excinfo.value)
    with pytest.raises(errors.InFailedSqlTransaction):
        conn.execute("SELECT 1")
    conn.execute("ROLLBACK")
    assert ids(conn, table_name) == []


# The same statements on Mallard and on PostgreSQL.
SCRIPT = [
    "SAVEPOINT a",
    "RELEASE a",
    "ROLLBACK TO a",
    "BEGIN",
    "SAVEPOINT a",
    "SAVEPOINT b",
    "SELECT 1",
    "ROLLBACK TO SAVEPOINT a",
    "RELEASE b",
    "SAVEPOINT a",
    "RELEASE SAVEPOINT a",
    "RELEASE SAVEPOINT a",
    "RELEASE SAVEPOINT a",
    "ROLLBACK",
    "BEGIN",
    "SAVEPOINT x",
    "SELECT * FROM no_such_table_ref",
    "SELECT 1",
    "RELEASE x",
    "ROLLBACK TO x",
    "SELECT 2",
    "COMMIT",
]


def run_script(conn):
    out = []
    for sql in SCRIPT:
        try:
            cur = conn.execute(sql)
            out.append((sql, cur.statusmessage, cur.fetchall() if cur.description else None))
        except psycopg.Error as e:
            out.append((sql, "ERROR " + e.sqlstate, None))
    return out


def test_savepoint_statements_match_postgresql(connect, reference):
    expected = run_script(reference(autocommit=True))
    got = run_script(connect(autocommit=True))
    assert got == expected
