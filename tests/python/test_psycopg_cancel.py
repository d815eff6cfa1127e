"""psycopg 3 cancel and statement_timeout against a real Mallard server: a slow query is ended by a
CancelRequest (plain and over TLS, simple and extended protocol) or by statement_timeout.

Every expected value is what PostgreSQL 16 returns for the same statement.
"""

import time as time_mod

import pytest
from psycopg import errors, pq

from helpers import SLOW_QUERY, SLOW_QUERY_PARAM, run_and_cancel, run_expecting_timeout


@pytest.mark.timeout(90)
@pytest.mark.parametrize("sslmode", ["disable", "require"])
@pytest.mark.parametrize("how", ["cancel", "cancel_safe"])
@pytest.mark.parametrize("protocol", ["simple", "extended"])
def test_cancel(connect, sslmode, how, protocol):
    conn = connect(autocommit=True, sslmode=sslmode)
    conn.execute("SET statement_timeout = '120s'")  # a safety net if cancel does not work
    if protocol == "simple":
        sql, params = SLOW_QUERY, None
    else:
        sql, params = SLOW_QUERY_PARAM, (1000,)
    error = run_and_cancel(conn, sql, params, lambda c: getattr(c, how)())
    assert isinstance(error, errors.QueryCanceled), repr(error)
    assert error.sqlstate == "57014"
    assert conn.info.transaction_status == pq.TransactionStatus.IDLE
    assert conn.execute("SELECT 'still alive'").fetchone() == ("still alive",)


@pytest.mark.timeout(90)
def test_cancel_inside_transaction_fails_it(connect):
    conn = connect()
    conn.execute("SELECT 1")
    error = run_and_cancel(conn, SLOW_QUERY, None, lambda c: c.cancel_safe())
    assert isinstance(error, errors.QueryCanceled), repr(error)
    assert conn.info.transaction_status == pq.TransactionStatus.INERROR
    conn.rollback()
    assert conn.execute("SELECT 1").fetchone() == (1,)
    conn.rollback()


@pytest.mark.timeout(90)
def test_statement_timeout(conn):
    conn.execute("SET statement_timeout = '500ms'")
    assert conn.execute("SHOW statement_timeout").fetchone() == ("500ms",)
    started = time_mod.monotonic()
    error = run_expecting_timeout(conn, SLOW_QUERY, None, 15)
    elapsed = time_mod.monotonic() - started
    assert isinstance(error, errors.QueryCanceled), repr(error)
    assert error.sqlstate == "57014"
    assert "statement timeout" in error.diag.message_primary
    assert elapsed > 0.4
    conn.execute("SET statement_timeout = 0")
    assert conn.execute("SHOW statement_timeout").fetchone() == ("0",)
    assert conn.execute("SELECT count(*) FROM range(1000)").fetchone() == (1000,)


@pytest.mark.timeout(90)
@pytest.mark.parametrize("mode", ["extended", "prepared"])
def test_statement_timeout_extended_protocol(connect, mode):
    conn = connect(autocommit=True, prepare_threshold=0 if mode == "prepared" else 5)
    conn.execute("SET statement_timeout TO 300")
    error = run_expecting_timeout(conn, SLOW_QUERY_PARAM, (1000,), 10)
    assert isinstance(error, errors.QueryCanceled), repr(error)
    assert error.sqlstate == "57014"
    assert conn.execute("SELECT %s::int4", (5,)).fetchone() == (5,)


@pytest.mark.timeout(90)
def test_statement_timeout_from_startup_options(connect):
    conn = connect(autocommit=True, options="-c statement_timeout=400")
    assert conn.execute("SHOW statement_timeout").fetchone() == ("400ms",)
    error = run_expecting_timeout(conn, SLOW_QUERY, None, 15)
    assert isinstance(error, errors.QueryCanceled), repr(error)
