package dev.mallard.engine.sql;

import static dev.mallard.engine.sql.OperatorRulesTest.rewrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import org.junit.jupiter.api.Test;

class TypeRulesTest {
  @Test
  void nameIsTextOnlyAsACastTarget() {
    TypeNames rule = new TypeNames();
    assertEquals("select c.relname::VARCHAR, CAST(n.nspname AS VARCHAR) from c",
        rewrite(rule, "select c.relname::name, CAST(n.nspname AS name) from c"));
    String untouched = "select * from (select relname as name) s, (select 1 as name, name 'x')"
        + " t; create table u (name name)";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void aConditionThatIsPlainlyNotBooleanIs42804() {
    ConditionTypes rule = new ConditionTypes();
    for (String sql : new String[] {"select 1 from t where 1", "select 1 from t where (2.5)",
        "delete from t where 3000000000", "select a from t group by a having 1e3",
        "select 1 from t where x::int order by 1", "select (select 1 from u where 'a'::text) from t"}) {
      PgException e = assertThrows(PgException.class, () -> rewrite(rule, sql), sql);
      assertEquals("42804", e.sqlState(), sql);
    }
    assertEquals("argument of WHERE must be type boolean, not type integer",
        assertThrows(PgException.class, () -> rewrite(rule, "select 1 from t where 1")).getMessage());
    for (String sql : new String[] {"select 1 from t where true", "select 1 from t where null",
        "select 1 from t where 'true'", "select 1 from t where x", "select 1 from t where 1 = 1",
        "select 1 from t where x::bool", "select 1 from t where (x)::boolean and 1 > 0",
        "select 1 from t where 1::int = a", "select 1 from t where current of c",
        "select 1 from t where x::boolean is true", "select 1 from t where x::int in (1, 2)",
        "select 1 from t where a::text is not null", "select 1 from t where a::int between 1 and 2",
        "select count(*) filter (where x > 1) from t"}) {
      assertEquals(sql, rewrite(rule, sql));
    }
  }

  @Test
  void realToNumericGoesThroughSixSignificantDigits() {
    Float4Numeric rule = new Float4Numeric();
    assertEquals("select (printf('%.6g', 2.5::real))::numeric, (printf('%.6g', t.x::float4))::decimal(10,2)"
        + " from t", rewrite(rule, "select 2.5::real::numeric, t.x::float4::decimal(10,2) from t"));
    String untouched = "select x::real, x::numeric, x::real + 1, x::double precision::numeric from t";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void charCastsThatAreSelectItemsAreBlankPaddedBpchar() {
    BpcharCasts rule = new BpcharCasts();
    assertEquals("select union_value(bpchar := rpad(CAST('ab' AS VARCHAR), 4)), "
        + "union_value(bpchar := rpad(CAST(x AS VARCHAR), 1)) AS c, "
        + "union_value(bpchar := CAST(y AS VARCHAR)) from t",
        rewrite(rule, "select 'ab'::char(4), x::character AS c, y::bpchar from t"));
    String untouched = "select 'ab'::char(4) || 'x', x::character varying, y::char(2)::text, "
        + "z::char[], length(w::char(3)) from t where a::char = 'b'";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void oidIsUintegerOnlyAsACastTarget() {
    assertEquals("select $1::UINTEGER[], CAST(x AS UINTEGER), oid from pg_class",
        rewrite(new TypeNames(), "select $1::oid[], CAST(x AS oid), oid from pg_class"));
  }

  @Test
  void alterTableRenamesAViewWithAlterView() {
    RewriteContext views = new RewriteContext(null,
        (schema, name) -> name.equals("v") && (schema == null || schema.equals("s")));
    SqlRewriter rule = new SqlRewriter(java.util.List.of(new AlterTableOnView()));
    assertEquals("alter VIEW s.v rename to w", rule.rewrite("alter table s.v rename to w", views));
    assertEquals("alter VIEW \"postgres\".\"s\".\"v\" rename to \"w\"",
        rule.rewrite("alter table \"postgres\".\"s\".\"v\" rename to \"w\"", views));
    assertEquals("ALTER VIEW IF EXISTS \"v\" RENAME TO w",
        rule.rewrite("ALTER TABLE IF EXISTS \"v\" RENAME TO w", views));
    for (String untouched : new String[] {"alter table t rename to w",
        "alter table v rename column a to b", "alter table v add column c int"}) {
      assertEquals(untouched, rule.rewrite(untouched, views));
    }
  }

  @Test
  void unconstrainedNumericAndJsonb() {
    TypeNames rule = new TypeNames();
    assertEquals("select 1.5::DECIMAL(38,10), cast(x as DECIMAL(38,10)), y::numeric(5,2), "
        + "DECIMAL(38,10) '2.5', j::JSON[]",
        rewrite(rule, "select 1.5::numeric, cast(x as decimal), y::numeric(5,2), numeric '2.5', "
            + "j::jsonb[]"));
    assertEquals("create table t (a DECIMAL(38,10) not null, b JSON, numeric int)",
        rewrite(rule, "create table t (a numeric not null, b jsonb, numeric int)"));
    assertEquals("alter table t add column c DECIMAL(38,10)", rewrite(rule, "alter table t add column c numeric"));
    String untouched = "select numeric, t.numeric, 1 as numeric, numeric(1) from t";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void realWithANumberConstantIsDouble() {
    Float4Arithmetic rule = new Float4Arithmetic();
    assertEquals("select 1::real::DOUBLE / 3, 1/3::float4::DOUBLE, 2 + x::float4::DOUBLE * 1.5, "
        + "(y::real::DOUBLE - 1)",
        rewrite(rule, "select 1::real / 3, 1/3::float4, 2 + x::float4 * 1.5, (y::real - 1)"));
    // Alone, with another real, with an operand of unknown type, or where precedence makes the
    // other operand an expression: real stays real.
    String untouched = "select 2.5::real, 2.5::real * 1.5::real, x::real / y, a * 2 / 3::real, "
        + "x::real + 3 * y, 2 ^ 3::real, x::real::text, x::float8 / 3, x::real[]";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void varcharColumnsCheckTheirLength() {
    VarcharLengths rule = new VarcharLengths();
    assertEquals("create table t (a int, \"B\" varchar(3) CHECK (CASE WHEN length(\"B\") > 3 THEN "
        + "error('[22001] value too long for type character varying(3)') ELSE true END) not null, "
        + "c character varying(10) CHECK (CASE WHEN length(c) > 10 THEN error('[22001] value too long "
        + "for type character varying(10)') ELSE true END), d varchar(2)[], "
        + "check (a > 0), constraint k unique (c))",
        rewrite(rule, "create table t (a int, \"B\" varchar(3) not null, c character varying(10), "
            + "d varchar(2)[], check (a > 0), constraint k unique (c))"));
    for (String untouched : new String[] {"create table t as select 'x'::varchar(3) as v",
        "create view w (a) as select 'x'::varchar(3)", "select 'x'::varchar(3)"}) {
      assertEquals(untouched, rewrite(rule, untouched));
    }
  }

  @Test
  void arrayLiteralsBecomeLists() {
    ArrayLiterals rule = new ArrayLiterals();
    assertEquals("select ['1', '2', NULL]::int[], CAST([] AS text[]), [['a', 'b c'], ['d']]::text[][]",
        rewrite(rule, "select '{1,2,NULL}'::int[], CAST('{}' AS text[]), "
            + "'{{a,\"b c\"},{d}}'::text[][]"));
    assertEquals("select [['1'], ['2']]::int[][], CAST([[['x']]] AS text[][][])",
        rewrite(rule, "select '{{1},{2}}'::int[], CAST('{{{x}}}' AS text[])"));
    assertEquals("select ['NULL', 'it''s']::varchar[]",
        rewrite(rule, "select '{\"NULL\",it''s}'::varchar[]"));
    String untouched = "select '[1,2]'::int[], '{1,2}'::text, '{1}'";
    assertEquals(untouched, rewrite(rule, untouched));
    assertThrows(PgException.class, () -> rewrite(rule, "select '{1,2'::int[]"));
  }

  @Test
  void byteaInputFormats() {
    ByteaLiterals rule = new ByteaLiterals();
    assertEquals("select '\\xDE\\xAD'::bytea, CAST('' AS bytea), bytea '\\x61\\x00\\x5C'",
        rewrite(rule, "select '\\xdead'::bytea, CAST('\\x' AS bytea), bytea 'a\\000\\\\'"));
    assertArrayEquals(new byte[] {1, (byte) 0xff}, ByteaLiterals.decode("\\x01 ff"));
    PgException e = assertThrows(PgException.class, () -> ByteaLiterals.decode("\\x0g"));
    assertEquals("22023", e.sqlState());
    assertEquals("22P02", assertThrows(PgException.class, () -> ByteaLiterals.decode("a\\9")).sqlState());
    assertThrows(PgException.class, () -> ByteaLiterals.decode("\\x012"));
    String untouched = "select '\\x01'::blob, '\\x01'";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void serialColumnsGetSequences() {
    SerialColumns rule = new SerialColumns();
    assertEquals("CREATE OR REPLACE SEQUENCE \"t_id_seq\"; create table t (id INTEGER NOT NULL "
        + "DEFAULT nextval('\"t_id_seq\"') primary key, n text)",
        rewrite(rule, "create table t (id serial primary key, n text)"));
    assertEquals("CREATE SEQUENCE IF NOT EXISTS s.\"Big_b_seq\"; create table if not exists "
        + "s.\"Big\" (b BIGINT NOT NULL DEFAULT nextval('s.\"Big_b_seq\"'))",
        rewrite(rule, "create table if not exists s.\"Big\" (b bigserial)"));
    String untouched = "create table t (serial int, x int default 1)";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void varcharCastsTruncate() {
    VarcharCasts rule = new VarcharCasts();
    assertEquals("select left(CAST('abcdef' AS VARCHAR), 3), left(CAST(t.status AS VARCHAR), 2), "
        + "a || left(CAST(b AS VARCHAR), 1)",
        OperatorRulesTest.rewrite(rule, "select 'abcdef'::varchar(3), CAST(t.status AS character varying(2)), "
            + "a || b::varchar(1)"));
    String untouched = "create table t (a varchar(3)); select x::varchar, y::varchar(3)[], z::text";
    assertEquals(untouched, OperatorRulesTest.rewrite(rule, untouched));
  }

  @Test
  void intervalTextAsPostgresqlReadsIt() {
    String[][] cases = {
        {"1 year 2 months 3 days 04:05:06.789", "14,3,14706789000"},
        {"-1 year -2 mons +3 days", "-14,3,0"},
        {"1 month - 1 day", "1,-1,0"},
        {"1.5 days", "0,1,43200000000"},
        {"1.5 months", "1,15,0"},
        {"90 min", "0,0,5400000000"},
        {"1:30", "0,0,5400000000"},
        {"-1:30", "0,0,-5400000000"},
        {"2 hours ago", "0,0,-7200000000"},
        {"P1Y2M3DT4H", "14,3,14400000000"},
        {"PT1M30.5S", "0,0,90500000"},
        {"0", "0,0,0"},
        {"@ 1 week", "0,7,0"},
    };
    for (String[] c : cases) {
      long[] v = PgIntervalText.parse(c[0]);
      assertEquals(c[1], v == null ? "null" : v[0] + "," + v[1] + "," + v[2], c[0]);
    }
    for (String bad : new String[] {"", "1 fortnight", "P1X", "abc", "1 day -"}) {
      assertEquals(null, PgIntervalText.parse(bad), bad);
    }
  }

  @Test
  void intervalConstantsAreRewritten() {
    IntervalLiterals rule = new IntervalLiterals();
    assertEquals("select interval '1 months -1 days 0 microseconds', "
        + "'0 months 0 days 5400000000 microseconds'::interval, CAST('14 months 3 days 0 microseconds' AS interval)",
        rewrite(rule, "select interval '1 month - 1 day', '1:30'::interval, CAST('P1Y2M3D' AS interval)"));
    String untouched = "select interval '1' day, '1 day'::text, interval(3)";
    assertEquals(untouched, rewrite(rule, untouched));
    PgException e = assertThrows(PgException.class, () -> rewrite(rule, "select interval '1 fortnight'"));
    assertEquals("22007", e.sqlState());
  }

  @Test
  void booleanConstantsAsBoolinReadsThem() {
    assertEquals("select 'false'::boolean, CAST('true' AS bool), 'true'::boolean, 'o'::boolean, 'x'::bool, 'off'",
        rewrite(new BooleanLiterals(), "select 'off'::boolean, CAST(' Yes ' AS bool), 'tr'::boolean, "
            + "'o'::boolean, 'x'::bool, 'off'"));
    assertEquals(Boolean.TRUE, BooleanLiterals.read("1"));
    assertEquals(null, BooleanLiterals.read("10"));
    assertEquals(Boolean.FALSE, BooleanLiterals.read("n"));
  }

  @Test
  void identityColumnsGetASequence() {
    assertEquals("CREATE OR REPLACE SEQUENCE \"t_id_seq\"; CREATE OR REPLACE SEQUENCE \"t_n_seq\" start with 10 "
        + "increment by 5; create table t (id integer NOT NULL DEFAULT nextval('\"t_id_seq\"'), "
        + "n bigint NOT NULL DEFAULT nextval('\"t_n_seq\"') primary key, g int generated always as (id + 1))",
        rewrite(new SerialColumns(), "create table t (id integer generated always as identity, "
            + "n bigint generated by default as identity (start with 10 increment by 5) primary key, "
            + "g int generated always as (id + 1))"));
  }

  @Test
  void nullConstantsAreTextWherePostgresqlSaysSo() {
    NullConstants rule = new NullConstants();
    assertEquals("select CAST('a' || NULL AS VARCHAR), CAST(NULL::text || 'a' AS VARCHAR), CAST(NULL AS VARCHAR), "
        + "CAST(NULL AS VARCHAR) AS x, b || NULL, 1 + NULL, (select NULL) from t",
        rewrite(rule, "select 'a' || NULL, NULL::text || 'a', NULL, NULL AS x, b || NULL, 1 + NULL, "
            + "(select NULL) from t"));
    String untouched = "select NULL union select 1";
    assertEquals(untouched, rewrite(rule, untouched));
    assertEquals("insert into t select NULL", rewrite(rule, "insert into t select NULL"));
  }

  @Test
  void integerConstantsAsInt4inReadsThem() {
    IntegerLiterals rule = new IntegerLiterals();
    String untouched = "select ' 12 '::int, CAST('-3' AS bigint), '1.5'::numeric, '1.5'";
    assertEquals(untouched, rewrite(rule, untouched));
    PgException e = assertThrows(PgException.class, () -> rewrite(rule, "select '1.5'::int4"));
    assertEquals("22P02", e.sqlState());
    assertEquals("invalid input syntax for type integer: \"1.5\"", e.getMessage());
  }

  @Test
  void dateConstantsInPostgresqlsSpellings() {
    DateLiterals rule = new DateLiterals();
    assertEquals("select '2024-03-05'::date, date '2024-03-05', CAST('2024-03-05' AS date), '2024-03-05'::date",
        rewrite(rule, "select '20240305'::date, date 'March 5, 2024', CAST('5 mar 2024' AS date), '3/5/2024'::date"));
    String untouched = "select '2024-3-5'::date, 'February 30, 2024'::date, '20240305'::text, date '13/1/2024'";
    assertEquals(untouched, rewrite(rule, untouched));
  }

  @Test
  void arrayConcatenationAppendsAndPrepends() {
    ArrayConcatenation rule = new ArrayConcatenation();
    assertEquals("select (list_append(ARRAY[1, 2], 3)), (list_prepend(0, ARRAY[1])), "
        + "(list_concat(ARRAY[1], '{2}'::int[])), a || b",
        rewrite(rule, "select ARRAY[1, 2] || 3, 0 || ARRAY[1], ARRAY[1] || '{2}'::int[], a || b"));
  }

  @Test
  void jsonPathsMustBeArrays() {
    PgException e = assertThrows(PgException.class,
        () -> rewrite(new JsonOperators(), "select '{\"a\": 1}'::json #> 'a'"));
    assertEquals("22P02", e.sqlState());
  }
}
