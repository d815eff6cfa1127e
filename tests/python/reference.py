"""The reference PostgreSQL (scripts/pg-reference.sh) for differential tests: tests that compare
Mallard with it are skipped, visibly, when it is not running. PGREF_HOST, PGREF_PORT, PGREF_USER
and PGREF_PASSWORD override the defaults that script uses."""

import os

import psycopg
import pytest


def reference_dsn():
    return psycopg.conninfo.make_conninfo(
        host=os.environ.get("PGREF_HOST", "127.0.0.1"),
        port=os.environ.get("PGREF_PORT", "55432"),
        user=os.environ.get("PGREF_USER", "postgres"),
        password=os.environ.get("PGREF_PASSWORD", "postgres"),
        dbname="postgres", sslmode="disable", connect_timeout="3")


@pytest.fixture
def reference():
    """Opens psycopg 3 connections to the reference PostgreSQL; skips the test without one."""
    opened = []

    def _connect(**kwargs):
        try:
            conn = psycopg.connect(reference_dsn(), **kwargs)
        except psycopg.OperationalError as e:
            pytest.skip(f"no reference PostgreSQL (scripts/pg-reference.sh start): {e}")
        opened.append(conn)
        return conn

    yield _connect
    for conn in opened:
        conn.close()
