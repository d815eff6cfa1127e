"""psycopg 3 COPY against a real Mallard server: FROM STDIN and TO STDOUT in text, CSV and binary
formats, large copies, errors and client-side aborts (CopyFail).

Every expected value is what PostgreSQL 16 returns for the same statement.
"""

from datetime import date, datetime
from decimal import Decimal

import pytest
from psycopg import errors


COPY_ROWS = [
    (1, "plain", Decimal("1.50"), date(2024, 1, 2), None),
    (2, "tab\tnew\nline \\ back", Decimal("-2.25"), None, datetime(2024, 5, 6, 7, 8, 9)),
    (3, None, None, date(1999, 12, 31), datetime(2000, 1, 1)),
    (4, "ünïcødé, \"quoted\"", Decimal("0.00"), date(2024, 2, 29), None),
]
COPY_TYPES = ["int4", "text", "numeric", "date", "timestamp"]


def make_copy_table(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} "
                 "(id int4, name text, amount numeric(10,2), d date, ts timestamp)")


def select_all(conn, table_name):
    return conn.execute(f"SELECT * FROM {table_name} ORDER BY id").fetchall()


@pytest.mark.copy
def test_copy_from_stdin_text_write_row(conn, table_name):
    make_copy_table(conn, table_name)
    cur = conn.cursor()
    with cur.copy(f"COPY {table_name} FROM STDIN") as copy:
        for row in COPY_ROWS:
            copy.write_row(row)
    assert cur.rowcount == len(COPY_ROWS)
    assert cur.statusmessage == f"COPY {len(COPY_ROWS)}"
    assert select_all(conn, table_name) == COPY_ROWS


@pytest.mark.copy
def test_copy_from_stdin_column_list_and_raw_text(conn, table_name):
    make_copy_table(conn, table_name)
    cur = conn.cursor()
    with cur.copy(f"COPY {table_name} (name, id) FROM STDIN") as copy:
        copy.write("a\t1\n\\N\t2\nc\\td\t3\n")
    assert cur.rowcount == 3
    assert conn.execute(f"SELECT id, name, amount FROM {table_name} ORDER BY id").fetchall() == [
        (1, "a", None), (2, None, None), (3, "c\td", None)]


@pytest.mark.copy
def test_copy_to_stdout_text(conn, table_name):
    make_copy_table(conn, table_name)
    with conn.cursor().copy(f"COPY {table_name} FROM STDIN") as copy:
        for row in COPY_ROWS:
            copy.write_row(row)
    cur = conn.cursor()
    with cur.copy(f"COPY (SELECT * FROM {table_name} ORDER BY id) TO STDOUT") as copy:
        copy.set_types(COPY_TYPES)
        rows = list(copy.rows())
    assert rows == COPY_ROWS
    assert cur.rowcount == len(COPY_ROWS)  # from CommandComplete "COPY 4"
    # The raw text format, as PostgreSQL writes it.
    with conn.cursor().copy(f"COPY (SELECT id, name, d FROM {table_name} WHERE id <= 3 "
                            "ORDER BY id) TO STDOUT") as copy:
        raw = b"".join(bytes(block) for block in copy)
    assert raw == (b"1\tplain\t2024-01-02\n"
                   b"2\ttab\\tnew\\nline \\\\ back\t\\N\n"
                   b"3\t\\N\t1999-12-31\n")


@pytest.mark.copy
def test_copy_csv_in_and_out(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4, name text, note text)")
    cur = conn.cursor()
    with cur.copy(f"COPY {table_name} FROM STDIN (FORMAT csv, HEADER true)") as copy:
        copy.write('id,name,note\n1,"a,b",plain\n2,"say ""hi""",\n3,,"multi\nline"\n')
    assert cur.rowcount == 3
    assert select_all(conn, table_name) == [
        (1, "a,b", "plain"), (2, 'say "hi"', None), (3, None, "multi\nline")]
    with cur.copy(f"COPY (SELECT * FROM {table_name} ORDER BY id) TO STDOUT "
                  "(FORMAT csv, HEADER)") as copy:
        raw = b"".join(bytes(block) for block in copy)
    assert raw.decode() == 'id,name,note\n1,"a,b",plain\n2,"say ""hi""",\n3,,"multi\nline"\n'


@pytest.mark.copy
def test_copy_binary_in_and_out(conn, table_name):
    make_copy_table(conn, table_name)
    cur = conn.cursor()
    with cur.copy(f"COPY {table_name} FROM STDIN (FORMAT BINARY)") as copy:
        copy.set_types(COPY_TYPES)
        for row in COPY_ROWS:
            copy.write_row(row)
    assert cur.rowcount == len(COPY_ROWS)
    assert select_all(conn, table_name) == COPY_ROWS
    with cur.copy(f"COPY (SELECT * FROM {table_name} ORDER BY id) TO STDOUT "
                  "(FORMAT BINARY)") as copy:
        copy.set_types(COPY_TYPES)
        rows = list(copy.rows())
    assert rows == COPY_ROWS


@pytest.mark.copy
def test_copy_large_round_trip(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int8, s text)")
    cur = conn.cursor()
    n = 200_000
    with cur.copy(f"COPY {table_name} (id, s) FROM STDIN") as copy:
        for i in range(n):
            copy.write_row((i, f"s{i}"))
    assert cur.rowcount == n
    assert conn.execute(f"SELECT count(*), sum(id), max(s) FROM {table_name}").fetchone() == (
        n, n * (n - 1) // 2, "s99999")
    count = total = 0
    with cur.copy(f"COPY {table_name} TO STDOUT") as copy:
        copy.set_types(["int8", "text"])
        for i, s in copy.rows():
            count += 1
            total += i
            assert s == f"s{i}"
    assert (count, total) == (n, n * (n - 1) // 2)


@pytest.mark.copy
def test_copy_error_reports_sqlstate_and_session_recovers(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    with pytest.raises(errors.InvalidTextRepresentation) as excinfo:
        with conn.cursor().copy(f"COPY {table_name} FROM STDIN") as copy:
            copy.write("1\nnot a number\n")
    assert excinfo.value.sqlstate == "22P02"
    assert conn.execute(f"SELECT count(*) FROM {table_name}").fetchone() == (0,)


@pytest.mark.copy
def test_copy_aborted_by_client(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int4)")
    # psycopg sends CopyFail; it swallows the server's expected 57014 answer and re-raises the
    # client's exception, while any other error from the server would replace it.
    with pytest.raises(RuntimeError, match="client gives up"):
        with conn.cursor().copy(f"COPY {table_name} FROM STDIN") as copy:
            copy.write_row((1,))
            raise RuntimeError("client gives up")
    assert conn.execute(f"SELECT count(*) FROM {table_name}").fetchone() == (0,)
