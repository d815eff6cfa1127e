package dev.mallard.engine.sql;

import static dev.mallard.engine.sql.OperatorRulesTest.rewrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import org.junit.jupiter.api.Test;

class TypeRulesTest {
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
}
