"""psycopg 3 typed round-trips against a real Mallard server: parameters in, values out, in every
protocol mode (helpers.MODES), compared with Python values and the result columns' type OIDs.

Every expected value is what PostgreSQL 16 returns for the same statement.
"""

import uuid
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from psycopg.types.json import Json

from helpers import MODES, open_cursor


UUID_VALUE = uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
JSON_VALUE = {"a": [1, 2, None], "b": "x y", "c": {"d": True, "e": 1.5}}
TEXT_LIST = ["a", "b c", 'd"e', None, "with,comma", "", "NULL", "back\\slash", "{braces}"]

# (id, SQL type, parameter, expected Python value, expected result type OID)
TYPE_CASES = [
    ("int2", "int2", 32767, 32767, 21),
    ("int2_min", "int2", -32768, -32768, 21),
    ("int4", "int4", -2147483648, -2147483648, 23),
    ("int8", "int8", 9223372036854775807, 9223372036854775807, 20),
    ("float4", "float4", 1.5, 1.5, 700),
    ("float8", "float8", 3.141592653589793, 3.141592653589793, 701),
    ("float8_tiny", "float8", -1.2345e-300, -1.2345e-300, 701),
    ("float8_inf", "float8", float("inf"), float("inf"), 701),
    ("float4_minus_inf", "float4", float("-inf"), float("-inf"), 700),
    ("numeric", "numeric(10,4)", Decimal("12345.6789"), Decimal("12345.6789"), 1700),
    ("numeric_38", "numeric(38,9)", Decimal("-12345678901234567890123456789.123456789"),
     Decimal("-12345678901234567890123456789.123456789"), 1700),
    ("text", "text", "héllo, wörld ✓ 'q' \"dq\" \\ tab\there",
     "héllo, wörld ✓ 'q' \"dq\" \\ tab\there", 25),
    ("text_empty", "text", "", "", 25),
    ("bool_true", "bool", True, True, 16),
    ("bool_false", "bool", False, False, 16),
    ("bytea", "bytea", b"\x00\x01\xfe\xff'\\x", b"\x00\x01\xfe\xff'\\x", 17),
    ("date", "date", date(2024, 2, 29), date(2024, 2, 29), 1082),
    ("date_old", "date", date(1, 1, 1), date(1, 1, 1), 1082),
    ("time", "time", time(13, 14, 15, 123456), time(13, 14, 15, 123456), 1083),
    ("timestamp", "timestamp", datetime(2024, 2, 29, 13, 14, 15, 123456),
     datetime(2024, 2, 29, 13, 14, 15, 123456), 1114),
    ("interval", "interval", timedelta(days=3, hours=4, minutes=5, seconds=6, microseconds=7),
     timedelta(days=3, hours=4, minutes=5, seconds=6, microseconds=7), 1186),
    ("interval_negative", "interval", timedelta(seconds=-90), timedelta(seconds=-90), 1186),
    ("uuid", "uuid", UUID_VALUE, UUID_VALUE, 2950),
    ("json", "json", Json(JSON_VALUE), JSON_VALUE, 114),
    ("int4_list", "int4[]", [1, 2, 3, -4], [1, 2, 3, -4], 1007),
    ("int8_list_nulls", "int8[]", [None, 2, None], [None, 2, None], 1016),
    ("int4_list_empty", "int4[]", [], [], 1007),
    ("text_list", "text[]", TEXT_LIST, TEXT_LIST, 1009),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("sql_type, param, expected, oid",
                         [c[1:] for c in TYPE_CASES], ids=[c[0] for c in TYPE_CASES])
def test_type_round_trip(connect, mode, sql_type, param, expected, oid):
    cur, ph = open_cursor(connect, mode)
    # CAST(... AS t), not ...::t: ClientCursor writes a negative number as " -5", and
    # " -5::int2" is -(5::int2) in PostgreSQL's grammar.
    cur.execute(f"SELECT CAST({ph} AS {sql_type}) AS v, NULL::{sql_type} AS z, "
                f"CAST({ph} AS {sql_type}) AS n", (param, None))
    row = cur.fetchone()
    assert row == (expected, None, None)
    assert type(row[0]) is type(expected)
    assert [d.type_code for d in cur.description] == [oid, oid, oid]


@pytest.mark.parametrize("mode", MODES)
def test_type_round_trip_through_table(connect, mode, table_name):
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"""CREATE TABLE {table_name} (
        i2 int2, i4 int4, i8 int8, f4 float4, f8 float8, n numeric(12,3), t text, b bool,
        bt bytea, d date, tm time, ts timestamp, iv interval, u uuid, j json, li int4[],
        lt text[])""")
    values = (-7, 123456, -(2 ** 40), 0.25, -2.5e100, Decimal("-123456789.125"), "ümlaut ✓",
              False, b"\x00\xff", date(1999, 12, 31), time(23, 59, 59, 999999),
              datetime(2000, 1, 1, 0, 0, 0, 1), timedelta(days=-1, seconds=3600),
              UUID_VALUE, Json([1, "two"]), [10, None, 30], ["x", None, "y z"])
    placeholders = ", ".join([ph] * len(values))
    cur.execute(f"INSERT INTO {table_name} VALUES ({placeholders})", values)
    cur.execute(f"INSERT INTO {table_name} VALUES ({placeholders})", (None,) * len(values))
    cur.execute(f"SELECT * FROM {table_name} ORDER BY i2 NULLS LAST")
    rows = cur.fetchall()
    expected = list(values)
    expected[14] = [1, "two"]
    assert rows[0] == tuple(expected)
    assert rows[1] == (None,) * len(values)
    assert [d.type_code for d in cur.description] == [
        21, 23, 20, 700, 701, 1700, 25, 16, 17, 1082, 1083, 1114, 1186, 2950, 114, 1007, 1009]


@pytest.mark.parametrize("mode", MODES)
def test_values_generated_by_the_server(connect, mode):
    # No parameters: the values come from SQL literals, so only the result encoding is tested.
    cur, _ = open_cursor(connect, mode)
    cur.execute("""SELECT 32767::int2, (-2147483648)::int4, 9223372036854775807::int8,
        1.5::float4, 3.141592653589793::float8, 12345.6789::numeric(10,4), 'héllo'::text,
        true, false, DATE '2024-02-29', TIME '13:14:15.123456',
        TIMESTAMP '2024-02-29 13:14:15.123456', INTERVAL '3 days 04:05:06.000007',
        'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '{"k": [1, null]}'::json,
        ARRAY[1, 2, 3]::int4[], ARRAY['a', 'b c', NULL]::text[], NULL::int4""")
    assert cur.fetchone() == (
        32767, -2147483648, 9223372036854775807, 1.5, 3.141592653589793, Decimal("12345.6789"),
        "héllo", True, False, date(2024, 2, 29), time(13, 14, 15, 123456),
        datetime(2024, 2, 29, 13, 14, 15, 123456),
        timedelta(days=3, hours=4, minutes=5, seconds=6, microseconds=7), UUID_VALUE,
        {"k": [1, None]}, [1, 2, 3], ["a", "b c", None], None)


@pytest.mark.parametrize("mode", MODES)
def test_bytea_hex_literal(connect, mode):
    # bytea's hex input format (standard_conforming_strings on): '\x' then two digits a byte.
    cur, _ = open_cursor(connect, mode)
    cur.execute("SELECT '\\xdeadbeef'::bytea, '\\x'::bytea, '\\x00ff'::bytea")
    assert cur.fetchone() == (b"\xde\xad\xbe\xef", b"", b"\x00\xff")


@pytest.mark.parametrize("mode", MODES)
def test_array_literal_text_input(connect, mode):
    # PostgreSQL's array input syntax: what ClientCursor and many tools write for lists.
    cur, _ = open_cursor(connect, mode)
    cur.execute("""SELECT '{1,2,3}'::int4[], '{}'::int4[], '{a,"b c",NULL,"NULL"}'::text[]""")
    assert cur.fetchone() == ([1, 2, 3], [], ["a", "b c", None, "NULL"])


@pytest.mark.parametrize("mode", MODES)
def test_float_nan(connect, mode):
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"SELECT CAST({ph} AS float8), 'NaN'::float4", (float("nan"),))
    a, b = cur.fetchone()
    assert a != a and b != b  # NaN


@pytest.mark.parametrize("mode", MODES)
def test_large_text_value(connect, mode):
    cur, ph = open_cursor(connect, mode)
    text = "ab✓" * 1_000_000  # 3 M characters, 5 MB of UTF-8
    cur.execute(f"SELECT {ph}::text, length({ph}::text)", (text, text))
    assert cur.fetchone() == (text, len(text))


@pytest.mark.parametrize("mode", MODES)
def test_large_bytea_value(connect, mode):
    cur, ph = open_cursor(connect, mode)
    blob = bytes(range(256)) * 8192  # 2 MiB
    cur.execute(f"SELECT {ph}::bytea, octet_length({ph}::bytea)", (blob, blob))
    assert cur.fetchone() == (blob, len(blob))


def test_numeric_description_carries_precision_and_scale(conn):
    cur = conn.execute("SELECT 1.5::numeric(10,4) AS n")
    assert cur.description[0].type_code == 1700
    assert (cur.description[0].precision, cur.description[0].scale) == (10, 4)


@pytest.mark.parametrize("mode", MODES)
def test_unconstrained_numeric_keeps_all_digits(connect, mode):
    # PostgreSQL's numeric without (p,s) keeps every digit it is given.
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"SELECT {ph}::numeric, 12345.6789::numeric", (Decimal("12345.6789"),))
    assert cur.fetchone() == (Decimal("12345.6789"), Decimal("12345.6789"))
    assert [d.type_code for d in cur.description] == [1700, 1700]


@pytest.mark.parametrize("mode", MODES)
def test_timestamptz_in_session_timezone(connect, mode):
    cur, ph = open_cursor(connect, mode)
    cur.execute("SET TimeZone TO 'Europe/Berlin'")
    assert cur.connection.info.timezone == ZoneInfo("Europe/Berlin")
    summer = datetime(2024, 7, 1, 12, 0, 0, 250000, tzinfo=timezone.utc)
    cur.execute(f"SELECT {ph}::timestamptz, {ph}::timestamptz::text, "
                "'2024-01-15 08:30:00+00'::timestamptz::text, "
                "TIMESTAMPTZ '2024-01-15 08:30:00+00', NULL::timestamptz", (summer, summer))
    row = cur.fetchone()
    assert row[0] == summer
    assert row[0].utcoffset() == timedelta(hours=2)
    assert row[1] == "2024-07-01 14:00:00.25+02"
    assert row[2] == "2024-01-15 09:30:00+01"
    assert row[3] == datetime(2024, 1, 15, 9, 30, tzinfo=ZoneInfo("Europe/Berlin"))
    assert row[3].utcoffset() == timedelta(hours=1)
    assert row[4] is None
    assert [d.type_code for d in cur.description] == [1184, 25, 25, 1184, 1184]


@pytest.mark.parametrize("mode", MODES)
def test_nulls_of_every_type(connect, mode):
    cur, ph = open_cursor(connect, mode)
    types = ["int2", "int4", "int8", "float4", "float8", "numeric", "text", "bool", "bytea",
             "date", "time", "timestamp", "timestamptz", "interval", "uuid", "json", "int4[]",
             "text[]"]
    cur.execute("SELECT " + ", ".join(f"{ph}::{t}" for t in types), (None,) * len(types))
    assert cur.fetchone() == (None,) * len(types)
    cur.execute("SELECT x FROM (VALUES (1), (NULL), (3)) t(x) ORDER BY x NULLS FIRST")
    assert cur.fetchall() == [(None,), (1,), (3,)]
