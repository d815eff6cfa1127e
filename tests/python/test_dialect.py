"""PostgreSQL semantics where DuckDB's differ, through psycopg in every protocol mode. The SQL is
plain PostgreSQL, so the same file passes against PostgreSQL 15 itself (MALLARD_TEST_DSN pointing
at scripts/pg-reference.sh), which is how its expected values were checked."""

from decimal import Decimal

import psycopg
import pytest

from helpers import MODES, open_cursor


@pytest.mark.parametrize("mode", MODES)
def test_integer_division_and_modulo(connect, mode):
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"SELECT 5 / 2, -7 / 2, -7 %% 3, {ph}::int4 / 4", (10,))
    assert cur.fetchone() == (2, -3, -1, 2)


@pytest.mark.parametrize("mode", MODES)
def test_division_by_zero_is_22012(connect, mode):
    cur, ph = open_cursor(connect, mode)
    with pytest.raises(psycopg.errors.DivisionByZero):
        cur.execute(f"SELECT {ph}::int4 / (x - 1) FROM generate_series(1, 2) r(x)", (1,))


@pytest.mark.parametrize("mode", MODES)
def test_regex_like_and_json_operators(connect, mode):
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"SELECT 'abc' ~ {ph}, 'a_c' LIKE 'a\\_c', 'abc' LIKE 'a\\_c', "
                f"{ph}::jsonb ->> '$browser', '{{\"a\":{{\"b\":[5,6]}}}}'::json #>> '{{a,b,1}}'",
                ("b", '{"$browser": "Firefox"}'))
    assert cur.fetchone() == (True, True, False, "Firefox", "6")


@pytest.mark.parametrize("mode", MODES)
def test_serial_column_and_result_names(connect, mode, table_name):
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"CREATE TABLE {table_name} (id serial PRIMARY KEY, amount numeric, tags text[])")
    cur.execute(f"INSERT INTO {table_name} (amount, tags) VALUES ({ph}, '{{a,\"b c\"}}'::text[]), "
                f"(2.5, '{{}}'::text[]) RETURNING id", (Decimal("12345.6789"),))
    assert cur.fetchall() == [(1,), (2,)]
    cur.execute(f"SELECT count(*), sum(amount), max(id)::text, array_agg(id ORDER BY id) "
                f"FROM {table_name}")
    assert cur.fetchone() == (2, Decimal("12348.1789"), "2", [1, 2])
    assert [d.name for d in cur.description] == ["count", "sum", "max", "array_agg"]


@pytest.mark.parametrize("mode", MODES)
def test_json_functions_and_set_returning_functions(connect, mode):
    cur, ph = open_cursor(connect, mode)
    cur.execute(f"SELECT key, value FROM jsonb_each_text({ph}::jsonb) ORDER BY key",
                ('{"a": 1, "b": "x"}',))
    assert cur.fetchall() == [("a", "1"), ("b", "x")]
    cur.execute("SELECT generate_series(1, 3)")
    assert cur.fetchall() == [(1,), (2,), (3,)]
    cur.execute("SELECT json_build_object('a', 1), jsonb_agg(x ORDER BY x) FROM generate_series(0, 1) r(x)")
    assert cur.fetchone() == ({"a": 1}, [0, 1])
