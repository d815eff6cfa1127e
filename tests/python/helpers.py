"""Shared by the psycopg 3 test modules: the protocol modes every typed test runs in, a slow
query for cancel and statement_timeout, and small helpers."""

import threading
import time

import psycopg
import pytest
from psycopg import pq

SLOW_QUERY = ("SELECT count(*) FROM range(100000000) a, range(1000) b "
              "WHERE a.range * b.range % 7 = 3")
# The same with a parameter, so that it goes through Parse/Bind/Execute.
SLOW_QUERY_PARAM = SLOW_QUERY.replace("%", "%%").replace("range(1000)", "range(%s)")

MODES = ["simple", "extended", "prepared", "binary"]


def open_cursor(connect, mode):
    """A cursor for one protocol mode, and the placeholder its parameters use."""
    if mode == "simple":
        # ClientCursor merges parameters into the SQL text and sends a simple Query.
        return psycopg.ClientCursor(connect(autocommit=True)), "%s"
    if mode == "extended":
        # Server-side binding: Parse/Bind/Execute with text parameters and text results.
        return connect(autocommit=True).cursor(), "%t"
    if mode == "prepared":
        # prepare_threshold=0: every statement becomes a named prepared statement at once.
        return connect(autocommit=True, prepare_threshold=0).cursor(), "%s"
    if mode == "binary":
        return connect(autocommit=True).cursor(binary=True), "%b"
    raise AssertionError(mode)


def count_rows(server, table):
    with psycopg.connect(server.dsn(), autocommit=True) as other:
        return other.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def run_and_cancel(conn, sql, params, cancel):
    """Runs sql in a thread, cancels it from this one once it is running, and returns what the
    thread raised."""
    outcome = {}

    def worker():
        try:
            conn.execute(sql, params)
            outcome["result"] = "finished"
        except BaseException as e:  # noqa: BLE001 - handed to the test
            outcome["error"] = e

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while conn.pgconn.transaction_status != pq.TransactionStatus.ACTIVE:
        assert thread.is_alive(), f"the query ended before it could be cancelled: {outcome}"
        assert time.monotonic() < deadline, "the query never started"
        time.sleep(0.01)
    time.sleep(1.0)  # let the server start executing
    assert thread.is_alive(), f"the slow query ended before the cancel: {outcome}"
    cancel(conn)
    thread.join(30)
    assert not thread.is_alive(), "the query was not cancelled within 30 s"
    return outcome.get("error")


def run_expecting_timeout(conn, sql, params, within_s):
    """Runs sql in a thread and returns what it raised; if it is still running after within_s
    seconds, cancels it (so that a missing timeout does not hold the server) and fails."""
    outcome = {}

    def worker():
        try:
            conn.execute(sql, params)
            outcome["result"] = "finished"
        except BaseException as e:  # noqa: BLE001 - handed to the test
            outcome["error"] = e

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    thread.join(within_s)
    if thread.is_alive():
        conn.cancel_safe()
        thread.join(30)
        pytest.fail(f"statement_timeout did not end the statement within {within_s} s "
                    f"(the test cancelled it: {outcome})")
    return outcome.get("error")
