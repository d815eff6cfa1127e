package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuckDbTypeMappingTest {

  private static void assertMaps(String duckDb, PgType type, int typmod) {
    assertEquals(new PgColumnType(type, typmod), DuckDbTypeMapping.forDuckDbType(duckDb), duckDb);
  }

  private static void assertMaps(String duckDb, PgType type) {
    assertMaps(duckDb, type, -1);
  }

  @Test
  void oidAliasNamesAreOneMemberUnions() {
    assertMaps("UNION(regtype VARCHAR)", PgTypes.REGTYPE);
    assertMaps("UNION(regclass VARCHAR)", PgTypes.REGCLASS);
    assertMaps("UNION(regtype INTEGER)", PgTypes.JSON);
    assertMaps("UNION(jsonb JSON)", PgTypes.JSONB);
    assertMaps("UNION(num INTEGER, str VARCHAR)", PgTypes.JSON);
  }

  @Test
  void scalars() {
    assertMaps("BOOLEAN", PgTypes.BOOL);
    assertMaps("TINYINT", PgTypes.INT2);
    assertMaps("SMALLINT", PgTypes.INT2);
    assertMaps("UTINYINT", PgTypes.INT2);
    assertMaps("INTEGER", PgTypes.INT4);
    assertMaps("USMALLINT", PgTypes.INT4);
    assertMaps("BIGINT", PgTypes.INT8);
    assertMaps("UINTEGER", PgTypes.OID);
    assertMaps("HUGEINT", PgTypes.NUMERIC);
    assertMaps("UBIGINT", PgTypes.NUMERIC);
    assertMaps("UHUGEINT", PgTypes.NUMERIC);
    assertMaps("FLOAT", PgTypes.FLOAT4);
    assertMaps("DOUBLE", PgTypes.FLOAT8);
    assertMaps("VARCHAR", PgTypes.TEXT);
    assertMaps("BLOB", PgTypes.BYTEA);
    assertMaps("BIT", PgTypes.VARBIT);
    assertMaps("DATE", PgTypes.DATE);
    assertMaps("TIME", PgTypes.TIME);
    assertMaps("TIME_NS", PgTypes.TIME);
    assertMaps("TIME WITH TIME ZONE", PgTypes.TIMETZ);
    assertMaps("TIMESTAMP", PgTypes.TIMESTAMP);
    assertMaps("TIMESTAMP_NS", PgTypes.TIMESTAMP);
    assertMaps("TIMESTAMP_MS", PgTypes.TIMESTAMP);
    assertMaps("TIMESTAMP_S", PgTypes.TIMESTAMP);
    assertMaps("TIMESTAMP WITH TIME ZONE", PgTypes.TIMESTAMPTZ);
    assertMaps("INTERVAL", PgTypes.INTERVAL);
    assertMaps("UUID", PgTypes.UUID);
    assertMaps("JSON", PgTypes.JSON);
    assertMaps("ENUM", PgTypes.TEXT);
    assertMaps("ENUM('sad', 'ok')", PgTypes.TEXT);
    assertMaps("NULL", PgTypes.TEXT);
    assertMaps("\"NULL\"", PgTypes.TEXT);
    assertMaps("UNKNOWN", PgTypes.TEXT);
    assertMaps("mood", PgTypes.TEXT);
  }

  @Test
  void decimalCarriesPostgresTypmod() {
    // numeric(5,2) has atttypmod 327686 in PostgreSQL.
    assertMaps("DECIMAL(5,2)", PgTypes.NUMERIC, 327_686);
    // DECIMAL(38,10) is what numeric without precision is rewritten to: no modifier, like PostgreSQL
    assertMaps("DECIMAL(38,10)", PgTypes.NUMERIC, -1);
    // precision 38 is what DuckDB's aggregates over decimals give: numeric without a modifier too
    assertMaps("DECIMAL(38,2)", PgTypes.NUMERIC, -1);
    assertMaps("DECIMAL(37,9)", PgTypes.NUMERIC, ((37 << 16) | 9) + 4);
    assertMaps("DECIMAL", PgTypes.NUMERIC, ((18 << 16) | 3) + 4);
  }

  @Test
  void listsOfScalarsAreArraysAndNestedValuesJson() {
    assertMaps("INTEGER[]", PgTypes.INT4_ARRAY);
    assertMaps("VARCHAR[]", PgTypes.TEXT_ARRAY);
    assertMaps("INTEGER[2]", PgTypes.INT4_ARRAY);
    assertMaps("DECIMAL(5,2)[]", PgTypes.NUMERIC_ARRAY, 327_686);
    assertMaps("UUID[]", PgTypes.UUID_ARRAY);
    assertMaps("JSON[]", PgTypes.JSON_ARRAY);
    assertMaps("HUGEINT[]", PgTypes.NUMERIC_ARRAY);
    assertMaps("TIMESTAMP WITH TIME ZONE[]", PgTypes.TIMESTAMPTZ_ARRAY);
    assertMaps("ENUM('sad', 'ok', 'happy')[]", PgTypes.TEXT_ARRAY);
    assertMaps("INTEGER[][]", PgTypes.JSON);
    assertMaps("STRUCT(x INTEGER, y VARCHAR)", PgTypes.JSON);
    assertMaps("STRUCT(x INTEGER, y VARCHAR)[]", PgTypes.JSON);
    assertMaps("STRUCT(a INTEGER[])", PgTypes.JSON);
    assertMaps("MAP(VARCHAR, INTEGER)", PgTypes.JSON);
    assertMaps("MAP(VARCHAR, INTEGER)[]", PgTypes.JSON);
    assertMaps("UNION(num INTEGER, str VARCHAR)", PgTypes.JSON);
  }

  @Test
  void parameterCasts() {
    assertEquals(Optional.of("INTEGER"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.INT4));
    assertEquals(Optional.of("SMALLINT"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.INT2));
    assertEquals(Optional.of("BIGINT"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.INT8));
    assertEquals(Optional.of("BIGINT"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.OID));
    assertEquals(Optional.of("BOOLEAN"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.BOOL));
    assertEquals(Optional.of("VARCHAR"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.NUMERIC));
    assertEquals(Optional.of("VARCHAR"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.TEXT));
    assertEquals(Optional.of("BLOB"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.BYTEA));
    assertEquals(Optional.of("TIMESTAMPTZ"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.TIMESTAMPTZ));
    assertEquals(Optional.of("JSON"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.JSONB));
    assertEquals(Optional.of("UUID"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.UUID));
    assertEquals(Optional.of("INTEGER[]"), DuckDbTypeMapping.duckDbTypeFor(PgTypes.INT4_ARRAY));
    assertEquals(Optional.empty(), DuckDbTypeMapping.duckDbTypeFor(PgTypes.UNKNOWN));
    assertEquals(Optional.empty(), DuckDbTypeMapping.duckDbTypeFor(PgTypes.RECORD));
  }
}
