"""pandas against Mallard: DataFrame.to_sql and read_sql through a SQLAlchemy engine (how pandas
writes to PostgreSQL), and read_sql_query on a plain psycopg connection."""

import datetime
import warnings

import pandas as pd
import psycopg
import pytest
import sqlalchemy as sa

from test_sqlalchemy import _url

FRAME = pd.DataFrame({
    "id": [1, 2, 3],
    "name": ["duck", "goose", None],
    "weight": [1.25, 4.5, 0.0],
    "seen": [datetime.datetime(2024, 1, 2, 3, 4, 5), datetime.datetime(2024, 2, 3, 4, 5, 6),
             datetime.datetime(2024, 3, 4, 5, 6, 7)],
    "wild": [True, False, True],
})


# What to_sql returns is the rowcount SQLAlchemy reports, and PostgreSQL 15 itself gives -1 through
# the psycopg (3) dialect: SQLAlchemy closes the executemany cursor before reading its rowcount,
# and a closed psycopg 3 cursor answers -1 (psycopg2 keeps 3). Measured on the reference server.
ROWCOUNT = {"psycopg2": 3, "psycopg": -1}


@pytest.mark.parametrize("dialect", ["psycopg2", "psycopg"])
def test_to_sql_read_sql_round_trip(server, table_name, dialect):
    engine = sa.create_engine(_url(server, dialect))
    try:
        assert FRAME.to_sql(table_name, engine, index=False, if_exists="replace") == ROWCOUNT[dialect]
        back = pd.read_sql(f"SELECT * FROM {table_name} ORDER BY id", engine)
        pd.testing.assert_frame_equal(back, FRAME, check_dtype=False)
        assert str(back["seen"].dtype).startswith("datetime64")
        assert back["wild"].dtype == bool
        # appending goes through the same existence check and an INSERT of many rows
        FRAME.to_sql(table_name, engine, index=False, if_exists="append")
        assert pd.read_sql(f"SELECT count(*) AS n FROM {table_name}", engine)["n"][0] == 6
        # replacing an existing table reflects it first (its access method among others)
        assert FRAME.to_sql(table_name, engine, index=False, if_exists="replace") == ROWCOUNT[dialect]
        assert pd.read_sql(f"SELECT count(*) AS n FROM {table_name}", engine)["n"][0] == 3
    finally:
        engine.dispose()


def test_read_sql_query_on_dbapi_connection(conn, table_name):
    conn.execute(f"CREATE TABLE {table_name} (id int, name text, weight double precision)")
    conn.execute(f"INSERT INTO {table_name} VALUES (1, 'duck', 1.25), (2, 'goose', 4.5)")
    with warnings.catch_warnings():
        # pandas warns that only SQLAlchemy connectables are tested by pandas itself
        warnings.simplefilter("ignore", UserWarning)
        frame = pd.read_sql_query(
            f"SELECT id, name, weight FROM {table_name} WHERE weight > %s ORDER BY id", conn,
            params=(1.0,))
    assert frame.to_dict("list") == {"id": [1, 2], "name": ["duck", "goose"],
                                     "weight": [1.25, 4.5]}


def test_read_sql_chunks_stream(server):
    with psycopg.connect(server.dsn()) as c, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        chunks = list(pd.read_sql_query("SELECT range AS n FROM range(2500)", c, chunksize=1000))
    assert [len(ch) for ch in chunks] == [1000, 1000, 500]
    assert int(pd.concat(chunks)["n"].sum()) == sum(range(2500))
