"""SQL-level cursors (DECLARE / FETCH / MOVE / CLOSE) as psycopg2's named cursors and psycopg 3's
server-side cursors drive them, and the same statements compared with a real PostgreSQL."""

from datetime import date

import psycopg
import psycopg2
import psycopg2.errors
import pytest
from psycopg import errors

from reference import reference  # noqa: F401 - a fixture


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


ROWS = 300_000


def test_psycopg2_named_cursor_streams_with_itersize(connect2):
    conn = connect2()
    with conn.cursor(name="p2_big") as cur:
        cur.itersize = 7000
        cur.execute("SELECT range AS i, 'row ' || range AS s FROM range(%s) ORDER BY range",
                    (ROWS,))
        assert cur.fetchone() == (0, "row 0")
        assert cur.fetchmany(2) == [(1, "row 1"), (2, "row 2")]
        expected = 3
        for i, s in cur:
            assert (i, s) == (expected, f"row {expected}")
            expected += 1
        assert expected == ROWS
    conn.commit()


def test_psycopg2_named_cursor_scroll_forward_and_errors(connect2):
    conn = connect2()
    cur = conn.cursor(name="p2_scroll")
    cur.execute("SELECT range FROM range(100)")
    cur.scroll(10)  # MOVE 10
    assert cur.fetchone() == (10,)
    cur.scroll(5, mode="relative")
    assert cur.fetchmany(2) == [(16,), (17,)]
    with pytest.raises(psycopg2.errors.ObjectNotInPrerequisiteState):
        cur.scroll(-3)  # backward on a NO SCROLL cursor: 55000 as in PostgreSQL
    conn.rollback()
    with pytest.raises(psycopg2.errors.InvalidCursorName):
        with conn.cursor() as plain:
            plain.execute("FETCH 1 FROM p2_scroll")  # ended with its transaction
    conn.rollback()


def test_psycopg2_withhold_cursor_survives_commit(connect2):
    conn = connect2()
    cur = conn.cursor(name="p2_hold", withhold=True)
    cur.itersize = 1000
    cur.execute("SELECT range FROM range(5000)")
    assert cur.fetchmany(3) == [(0,), (1,), (2,)]
    conn.commit()
    with conn.cursor() as other:
        other.execute("SELECT 40 + 2")
        assert other.fetchone() == (42,)
    conn.commit()
    assert sum(r[0] for r in cur) == sum(range(3, 5000))
    cur.close()
    conn.commit()


@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
def test_psycopg3_server_cursor_with_parameters(connect, binary):
    conn = connect()  # a transaction is opened by the first statement
    with conn.cursor(name="p3_cur", binary=binary) as cur:
        cur.itersize = 500
        cur.execute("SELECT range AS i, range * 0.5 AS half, 'n' || range AS s"
                    " FROM range(%s) WHERE range %% 3 = %s ORDER BY range", (30000, 1))
        assert [c.name for c in cur.description] == ["i", "half", "s"]
        assert cur.fetchone() == (1, 0.5, "n1")
        got = cur.fetchmany(2)
        assert got == [(4, 2.0, "n4"), (7, 3.5, "n7")]
        rest = list(cur)
    assert [r[0] for r in rest] == list(range(10, 30000, 3))
    conn.commit()


def test_psycopg3_withhold_cursor_in_autocommit(conn):
    cur = conn.cursor(name="p3_hold", withhold=True)
    cur.execute("SELECT range FROM range(2000)")
    assert cur.fetchmany(5) == [(0,), (1,), (2,), (3,), (4,)]
    cur.scroll(100)
    assert cur.fetchone() == (105,)
    assert conn.execute("SELECT 1").fetchone() == (1,)
    assert len(cur.fetchall()) == 2000 - 106
    cur.close()
    with pytest.raises(errors.InvalidCursorName):
        conn.execute("FETCH p3_hold")


@pytest.mark.parametrize("binary", [False, True], ids=["text", "binary"])
def test_psycopg3_withhold_cursor_with_parameters_survives_commit(connect, binary):
    conn = connect()
    cur = conn.cursor(name="p3_hold_params", withhold=True, binary=binary)
    cur.execute("SELECT range AS i, %s || range AS s FROM range(%s) ORDER BY range", ("k", 1000))
    assert cur.fetchmany(2) == [(0, "k0"), (1, "k1")]
    conn.commit()
    assert conn.execute("SELECT 5").fetchone() == (5,)
    rest = cur.fetchall()
    assert rest == [(i, f"k{i}") for i in range(2, 1000)]
    cur.close()
    conn.commit()


def test_psycopg3_server_cursor_outside_transaction_needs_hold(conn):
    cur = conn.cursor(name="p3_nohold")
    with pytest.raises(errors.NoActiveSqlTransaction):
        cur.execute("SELECT 1")


def binary_cursor_rows(conn):
    cur = psycopg.ClientCursor(conn)  # simple protocol: the cursor's BINARY decides the format
    cur.execute("BEGIN")
    cur.execute("DECLARE bc BINARY CURSOR FOR SELECT 42::int8 AS i, 2.5::float8 AS f,"
                " 'text'::text AS t, DATE '2024-02-29' AS d, NULL::int4 AS n")
    cur.execute("FETCH ALL FROM bc")
    formats = [cur.pgresult.fformat(i) for i in range(cur.pgresult.nfields)]
    rows = cur.fetchall()
    cur.execute("ROLLBACK")
    return formats, rows


def test_binary_cursor_over_the_simple_protocol(connect, reference):
    formats, rows = binary_cursor_rows(connect(autocommit=True))
    assert formats == [1, 1, 1, 1, 1]
    assert rows == [(42, 2.5, "text", date(2024, 2, 29), None)]
    assert rows == binary_cursor_rows(reference(autocommit=True))[1]


# The same statements on Mallard and on PostgreSQL: status messages, rows and SQLSTATEs match.
SCRIPT = [
    "BEGIN",
    "DECLARE c1 NO SCROLL CURSOR FOR SELECT g, 'v' || g AS s FROM generate_series(1, 10) AS t(g)"
    " ORDER BY g",
    "FETCH 3 FROM c1",
    "FETCH NEXT c1",
    "MOVE FORWARD 2 IN c1",
    "FETCH FORWARD 3 c1",
    "FETCH ALL IN c1",
    "FETCH c1",
    "MOVE ALL c1",
    "DECLARE c1 CURSOR FOR SELECT 1",
    "ROLLBACK",
    "BEGIN",
    "DECLARE c2 CURSOR WITH HOLD FOR SELECT g FROM generate_series(1, 5) AS t(g) ORDER BY g",
    "FETCH 2 c2",
    "COMMIT",
    "FETCH ALL c2",
    "CLOSE c2",
    "CLOSE c2",
    "DECLARE c3 CURSOR FOR SELECT 1",
    "BEGIN",
    "DECLARE c4 CURSOR FOR SELECT 1",
    "FETCH BACKWARD 1 FROM c4",
    "ROLLBACK",
    "BEGIN",
    "DECLARE c5 CURSOR FOR SELECT 1",
    "CLOSE ALL",
    "FETCH c5",
    "ROLLBACK",
]


def run_script(conn):
    out = []
    for sql in SCRIPT:
        try:
            cur = conn.execute(sql)
            rows = cur.fetchall() if cur.description else None
            out.append((sql, cur.statusmessage, rows))
        except psycopg.Error as e:
            out.append((sql, "ERROR " + e.sqlstate, None))
    return out


@pytest.mark.parametrize("prepare", [None, 0], ids=["extended", "prepared"])
def test_cursor_statements_match_postgresql(connect, reference, prepare):
    expected = run_script(reference(autocommit=True, prepare_threshold=prepare))
    got = run_script(connect(autocommit=True, prepare_threshold=prepare))
    assert got == expected


def test_cursor_statements_match_postgresql_simple_protocol(connect, reference):
    expected = run_script(reference(autocommit=True, cursor_factory=psycopg.ClientCursor))
    got = run_script(connect(autocommit=True, cursor_factory=psycopg.ClientCursor))
    assert got == expected
