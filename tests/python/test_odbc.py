"""psqlODBC (Debian's odbc-postgresql, the "PostgreSQL Unicode" driver) through unixODBC, driven by
pyodbc with a DSN-less connection string, the way Tableau, Power BI and Excel connect: catalog
calls (SQLTables, SQLColumns, SQLPrimaryKeys, SQLStatistics), typed values, parameters and
transactions. tests/run-python.sh installs the Debian packages when they are missing.

psqlODBC reports only "Error while executing the query" for a failed catalog call; the server's
own message is in the driver's CommLog (CommLog=1).
"""

import datetime
import decimal

import pyodbc
import pytest


def _connect(server, options=""):
    # CommLog=0: Debian's odbcinst.ini turns the driver's log on, one /tmp file per process
    return pyodbc.connect(
        "DRIVER={PostgreSQL Unicode};"
        f"SERVER={server.host};PORT={server.port};DATABASE=postgres;UID=postgres;"
        f"PWD={server.password};SSLMODE=prefer;CommLog=0;{options}", autocommit=True, timeout=10)


@pytest.fixture
def odbc(server):
    conn = _connect(server)
    yield conn
    conn.close()


@pytest.fixture
def sales(odbc, table_name):
    """A table with a primary key, an index and a view over it, as a BI tool would browse."""
    cur = odbc.cursor()
    cur.execute(f"CREATE TABLE {table_name} (id integer PRIMARY KEY, region varchar NOT NULL, "
                f"amount numeric(10,2), sold date, sold_at timestamp, ratio double precision, "
                f"paid boolean)")
    cur.execute(f"CREATE INDEX {table_name}_region ON {table_name} (region)")
    cur.execute(f"CREATE VIEW {table_name}_v AS SELECT region, sum(amount) AS total "
                f"FROM {table_name} GROUP BY region")
    yield table_name
    cur.execute(f"DROP VIEW IF EXISTS {table_name}_v")


def test_connect_reports_postgresql(odbc):
    assert odbc.getinfo(pyodbc.SQL_DBMS_NAME) == "PostgreSQL"
    major = int(odbc.getinfo(pyodbc.SQL_DBMS_VER).split(".")[0])
    assert major >= 10


def test_typed_values_and_parameters(odbc, sales):
    cur = odbc.cursor()
    rows = [(1, "north", decimal.Decimal("10.50"), datetime.date(2024, 1, 31),
             datetime.datetime(2024, 1, 31, 23, 59, 58), 0.25, True),
            (2, "süd", None, None, None, None, False)]
    cur.fast_executemany = False
    cur.executemany(f"INSERT INTO {sales} VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    got = cur.execute(f"SELECT * FROM {sales} WHERE id >= ? ORDER BY id", 1).fetchall()
    # psqlODBC hands booleans over as the characters '1'/'0' (its BoolsAsChar default)
    assert [tuple(r) for r in got] == [r[:6] + ("1" if r[6] else "0",) for r in rows]
    assert [d[0] for d in cur.description] == ["id", "region", "amount", "sold", "sold_at", "ratio",
                                               "paid"]


def test_sqltables_lists_tables_and_views(odbc, sales):
    found = {(t.table_name, t.table_type) for t in odbc.cursor().tables()}
    assert (sales, "TABLE") in found and (f"{sales}_v", "VIEW") in found


def test_sqltables_by_name(odbc, sales):
    found = [(t.table_schem, t.table_name, t.table_type)
             for t in odbc.cursor().tables(table=sales)]
    assert found == [("public", sales, "TABLE")]


def test_sqlcolumns(odbc, sales):
    cols = [(c.column_name, c.type_name, c.nullable)
            for c in odbc.cursor().columns(table=sales)]
    # DuckDB keeps no declared length for VARCHAR, so Mallard describes it as text (README)
    assert cols == [("id", "int4", 0), ("region", "text", 0), ("amount", "numeric", 1),
                    ("sold", "date", 1), ("sold_at", "timestamp", 1), ("ratio", "float8", 1),
                    ("paid", "bool", 1)]


def test_sqlprimarykeys(odbc, sales):
    keys = [(k.column_name, k.key_seq) for k in odbc.cursor().primaryKeys(sales)]
    assert keys == [("id", 1)]


# psqlODBC parses pg_index.indkey as an int2vector ('1 2'); it crashed on an array ('{1,2}').
def test_sqlstatistics_lists_indexes(odbc, sales):
    indexes = {(s.index_name, s.column_name, s.ordinal_position)
               for s in odbc.cursor().statistics(sales) if s.index_name}
    assert (f"{sales}_region", "region", 1) in indexes


# UseServerSidePrepare=1 (the default) binds parameters with Parse/Bind; 0 inlines them into
# the SQL text as literals, as older BI connectors do.
@pytest.mark.parametrize("prepare", ["1", "0"])
def test_typed_parameters_both_prepare_modes(server, prepare):
    conn = _connect(server, f"UseServerSidePrepare={prepare}")
    try:
        row = conn.cursor().execute(
            "SELECT ?::int8 + 1, ?::text, ?::uuid, ?::bytea, TIME '01:02:03', 1.5::float4, "
            "12.5::numeric(5,2)", 41, "héllo", "00000000-0000-0000-0000-000000000005",
            b"\x00\xff").fetchone()
    finally:
        conn.close()
    assert tuple(row) == (42, "héllo", "00000000-0000-0000-0000-000000000005", b"\x00\xff",
                          datetime.time(1, 2, 3), 1.5, decimal.Decimal("12.50"))


def test_use_declare_fetch_reads_in_chunks(server):
    conn = _connect(server, "UseDeclareFetch=1;Fetch=100")
    try:
        rows = conn.cursor().execute("SELECT range FROM range(1000)").fetchall()
    finally:
        conn.close()
    assert [r[0] for r in rows] == list(range(1000))


def test_sqlforeignkeys(odbc, table_name):
    cur = odbc.cursor()
    cur.execute(f"CREATE TABLE {table_name}_p (id integer PRIMARY KEY)")
    cur.execute(f"CREATE TABLE {table_name} (id integer, "
                f"pid integer REFERENCES {table_name}_p (id))")
    try:
        fks = [(f.pktable_name, f.pkcolumn_name, f.fktable_name, f.fkcolumn_name)
               for f in cur.foreignKeys(foreignTable=table_name)]
    finally:
        cur.execute(f"DROP TABLE {table_name}")
        cur.execute(f"DROP TABLE {table_name}_p")
    assert fks == [(f"{table_name}_p", "id", table_name, "pid")]


def test_sqlgettypeinfo_lists_common_types(odbc):
    # the list is the driver's own, chosen by the server_version the server reports
    names = {t.type_name for t in odbc.cursor().getTypeInfo()}
    assert {"int4", "int8", "text", "numeric", "date", "timestamptz", "bool", "bytea",
            "uuid"} <= names


def test_transaction_commit_and_rollback(server, odbc, table_name):
    odbc.cursor().execute(f"CREATE TABLE {table_name} (id integer)")
    odbc.autocommit = False
    cur = odbc.cursor()
    cur.execute(f"INSERT INTO {table_name} VALUES (1)")
    odbc.commit()
    cur.execute(f"INSERT INTO {table_name} VALUES (2)")
    odbc.rollback()
    assert [r[0] for r in cur.execute(f"SELECT id FROM {table_name}").fetchall()] == [1]
    odbc.rollback()


def test_error_carries_sqlstate(odbc):
    with pytest.raises(pyodbc.ProgrammingError) as err:
        odbc.cursor().execute("SELECT * FROM no_such_table_anywhere")
    assert err.value.args[0] == "42P01"
    assert odbc.cursor().execute("SELECT 1 + 1").fetchone()[0] == 2
