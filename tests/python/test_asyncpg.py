"""asyncpg against Mallard. asyncpg speaks only the extended protocol with binary values, and
looks up every result and parameter type it does not know in pg_type, so it exercises the binary
codecs and the type catalog more than any other Python driver. Tests drive asyncio themselves
(asyncio.run) so that the suite needs no pytest plugin.
"""

import asyncio
import datetime
import decimal
import io
import json
import os
import uuid

import asyncpg
import pytest


def run(server, body):
    async def main():
        conn = await asyncpg.connect(host=server.host, port=server.port, user="postgres",
                                     password=server.password, database="postgres",
                                     ssl="prefer", timeout=10)
        try:
            return await body(conn)
        finally:
            await conn.close()
    return asyncio.run(main())


def test_connect_reports_server_version(server):
    async def body(c):
        assert await c.fetchval("SELECT 40 + $1::int4", 2) == 42
        return c.get_server_version()
    assert run(server, body).major >= 10


UTC = datetime.timezone.utc
# (SQL expression, value asyncpg must decode it to)
TYPED = {
    "int2": ("12::int2", 12),
    "int4": ("'-2147483648'::int4", -2147483648),
    "int8": ("9007199254740993::int8", 9007199254740993),
    "float4": ("1.5::float4", 1.5),
    "float8": ("0.1::float8", 0.1),
    "numeric": ("12345.67::numeric(10,2)", decimal.Decimal("12345.67")),
    "bool": ("true", True),
    "text": ("'héllo'::text", "héllo"),
    "varchar": ("'abc'::varchar", "abc"),
    "bytea": ("'\\x00ff'::bytea", b"\x00\xff"),
    "date": ("DATE '2024-02-29'", datetime.date(2024, 2, 29)),
    "time": ("TIME '13:14:15.5'", datetime.time(13, 14, 15, 500000)),
    "timestamp": ("TIMESTAMP '2024-01-02 03:04:05.123456'",
                  datetime.datetime(2024, 1, 2, 3, 4, 5, 123456)),
    "timestamptz": ("TIMESTAMPTZ '2024-01-02 03:04:05+00'",
                    datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)),
    "interval": ("INTERVAL '1 day 02:03:04'", datetime.timedelta(days=1, seconds=7384)),
    "uuid": ("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid",
             uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
    "json": ("'{\"a\": [1, 2]}'::json", '{"a":[1,2]}'),
    "jsonb": ("'{\"a\": [1, 2]}'::jsonb", '{"a":[1,2]}'),
    "int4_array": ("[1, 2, NULL]::int4[]", [1, 2, None]),
    "text_array": ("['a', 'b']::text[]", ["a", "b"]),
    "null": ("NULL::int4", None),
}


@pytest.mark.parametrize("name", TYPED)
def test_typed_result(server, name):
    expr, want = TYPED[name]
    got = run(server, lambda c: c.fetchval(f"SELECT {expr}"))
    if name in ("json", "jsonb"):  # the JSON text's spacing is the server's own
        got = got.replace(" ", "")
    # isinstance: asyncpg decodes uuid to its own subclass of uuid.UUID
    assert got == want and isinstance(got, type(want))


# (parameter type, Python value sent in binary and expected back unchanged)
PARAMS = {
    "int8": ("int8", 2 ** 40),
    "float8": ("float8", -2.5),
    "numeric": ("numeric(12,3)", decimal.Decimal("-123.456")),
    "text": ("text", "ünïcode ✓"),
    "bytea": ("bytea", bytes(range(256))),
    "date": ("date", datetime.date(1999, 12, 31)),
    "timestamp": ("timestamp", datetime.datetime(2030, 6, 7, 8, 9, 10, 11)),
    "timestamptz": ("timestamptz", datetime.datetime(2030, 6, 7, 8, 9, 10, tzinfo=UTC)),
    "uuid": ("uuid", uuid.UUID(int=42)),
    "bool": ("bool", False),
    "int4_array": ("int4[]", [3, 1, 2]),
}


@pytest.mark.parametrize("name", PARAMS)
def test_typed_parameter_round_trip(server, name):
    pg_type, value = PARAMS[name]
    assert run(server, lambda c: c.fetchval(f"SELECT $1::{pg_type}", value)) == value


def test_catalog_oid_columns_are_oids(server):
    """asyncpg decodes oid and oid[] without asking the server; its type query reads
    array_agg(atttypid), which must therefore be oid[] (not int4[], a type asyncpg would have to
    look up with that same query)."""
    async def body(c):
        stmt = await c.prepare("SELECT oid, typelem, $1::oid[] AS asked FROM pg_type "
                               "WHERE typname = 'int4'")
        types = [a.type.name for a in stmt.get_attributes()]
        params = [p.name for p in stmt.get_parameters()]
        return types, params, await stmt.fetchrow([23, 26])
    types, params, row = run(server, body)
    assert types == ["oid", "oid", "oid[]"] and params == ["oid[]"]
    assert tuple(row) == (23, 0, [23, 26])


def test_prepared_statement_describes_and_reruns(server, table_name):
    async def body(c):
        await c.execute(f"CREATE TABLE {table_name} (id int4, name text, score float8)")
        await c.executemany(f"INSERT INTO {table_name} VALUES ($1, $2, $3)",
                            [(i, f"n{i}", i / 4) for i in range(10)])
        stmt = await c.prepare(f"SELECT id, name, score FROM {table_name} WHERE id >= $1 "
                               f"ORDER BY id")
        assert [p.name for p in stmt.get_parameters()] == ["int4"]
        assert [(a.name, a.type.name) for a in stmt.get_attributes()] == [
            ("id", "int4"), ("name", "text"), ("score", "float8")]
        first = await stmt.fetch(8)
        second = await stmt.fetchval(9, column=1)
        return [tuple(r) for r in first], second
    rows, name = run(server, body)
    assert rows == [(8, "n8", 2.0), (9, "n9", 2.25)] and name == "n9"


def test_cursor_iterates_in_chunks(server):
    async def body(c):
        async with c.transaction():
            seen = [r[0] async for r in c.cursor("SELECT range FROM range(1000)", prefetch=64)]
        return seen
    assert run(server, body) == list(range(1000))


def test_copy_records_to_table_and_back(server, table_name):
    records = [(1, "duck", datetime.date(2024, 1, 1)), (2, None, datetime.date(2024, 1, 2))]

    async def body(c):
        await c.execute(f"CREATE TABLE {table_name} (id int4, name text, day date)")
        status = await c.copy_records_to_table(table_name, records=records)
        return status, await c.fetch(f"SELECT * FROM {table_name} ORDER BY id")
    status, rows = run(server, body)
    assert status == "COPY 2" and [tuple(r) for r in rows] == records


def test_copy_from_query_and_to_table_csv(server, table_name):
    async def body(c):
        out = io.BytesIO()
        status = await c.copy_from_query("SELECT range AS n, 'x' || range AS s FROM range(3)",
                                         output=out, format="csv")
        await c.execute(f"CREATE TABLE {table_name} (n int8, s text)")
        await c.copy_to_table(table_name, source=io.BytesIO(out.getvalue()), format="csv")
        return status, out.getvalue(), await c.fetch(f"SELECT n, s FROM {table_name} ORDER BY n")
    status, csv, rows = run(server, body)
    assert status == "COPY 3" and csv == b"0,x0\n1,x1\n2,x2\n"
    assert [tuple(r) for r in rows] == [(0, "x0"), (1, "x1"), (2, "x2")]


def test_transaction_commit_and_rollback(server, table_name):
    async def body(c):
        await c.execute(f"CREATE TABLE {table_name} (id int4)")
        async with c.transaction():
            await c.execute(f"INSERT INTO {table_name} VALUES (1)")
        with pytest.raises(ZeroDivisionError):
            async with c.transaction():
                await c.execute(f"INSERT INTO {table_name} VALUES (2)")
                raise ZeroDivisionError
        return await c.fetch(f"SELECT id FROM {table_name}")
    assert [r["id"] for r in run(server, body)] == [1]


def test_errors_carry_sqlstate(server):
    async def body(c):
        with pytest.raises(asyncpg.UndefinedTableError) as missing:
            await c.fetch("SELECT * FROM no_such_table_anywhere")
        with pytest.raises(asyncpg.PostgresSyntaxError) as syntax:
            await c.execute("SELEC 1")
        # the connection is usable after both
        return missing.value.sqlstate, syntax.value.sqlstate, await c.fetchval("SELECT 7")
    assert run(server, body) == ("42P01", "42601", 7)


def test_enum_and_json_codec_introspection(server):
    """asyncpg reads an unknown result type (an enum) and set_type_codec's target from pg_type."""
    mood = f"apg_mood_{os.getpid()}"

    async def body(c):
        await c.execute(f"CREATE TYPE {mood} AS ENUM ('sad', 'happy')")
        try:
            await c.set_type_codec("json", encoder=json.dumps, decoder=json.loads,
                                   schema="pg_catalog")
            return (await c.fetchval(f"SELECT 'happy'::{mood}"),
                    await c.fetchval("SELECT $1::json", {"k": [1, None]}))
        finally:
            await c.execute(f"DROP TYPE {mood}")
    assert run(server, body) == ("happy", {"k": [1, None]})


def test_pool_runs_concurrent_queries_and_resets_connections(server):
    async def main():
        async with asyncpg.create_pool(host=server.host, port=server.port, user="postgres",
                                       password=server.password, database="postgres",
                                       ssl="prefer", min_size=2, max_size=4) as pool:
            first = await asyncio.gather(*[pool.fetchval("SELECT $1::int4 * 2", i)
                                           for i in range(8)])
            # every connection went back through the reset query once; use them again
            second = await asyncio.gather(*[pool.fetchval("SELECT $1::int4 + 1", i)
                                            for i in range(8)])
            return first, second
    first, second = asyncio.run(main())
    assert first == [i * 2 for i in range(8)] and second == [i + 1 for i in range(8)]
