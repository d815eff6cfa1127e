package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PgTypesTest {

  /** oid, typname, typlen, typarray as PostgreSQL 15's pg_type has them. */
  @Test
  void scalarTypesMatchPostgres() {
    Object[][] expected = {
      {16, "bool", 1, 1000}, {17, "bytea", -1, 1001}, {18, "char", 1, 1002},
      {19, "name", 64, 1003}, {20, "int8", 8, 1016}, {21, "int2", 2, 1005},
      {23, "int4", 4, 1007}, {24, "regproc", 4, 1008}, {25, "text", -1, 1009},
      {26, "oid", 4, 1028}, {114, "json", -1, 199}, {142, "xml", -1, 143},
      {700, "float4", 4, 1021}, {701, "float8", 8, 1022}, {705, "unknown", -2, 0},
      {1042, "bpchar", -1, 1014}, {1043, "varchar", -1, 1015}, {1082, "date", 4, 1182},
      {1083, "time", 8, 1183}, {1114, "timestamp", 8, 1115}, {1184, "timestamptz", 8, 1185},
      {1186, "interval", 16, 1187}, {1266, "timetz", 12, 1270}, {1560, "bit", -1, 1561},
      {1562, "varbit", -1, 1563}, {1700, "numeric", -1, 1231}, {2205, "regclass", 4, 2210},
      {2206, "regtype", 4, 2211}, {2950, "uuid", 16, 2951}, {3802, "jsonb", -1, 3807},
      {2278, "void", 4, 0}, {2249, "record", -1, 2287},
    };
    for (Object[] row : expected) {
      PgType type = PgTypes.byOid((Integer) row[0]);
      assertEquals(row[1], type.name());
      assertEquals(row[2], type.typlen(), type.name());
      assertEquals(row[3], type.arrayTypeOid(), type.name());
    }
  }

  @Test
  void arrayTypesPointBackAtTheirElements() {
    Map<String, Integer> arrays =
        Map.ofEntries(
            Map.entry("_bool", 1000),
            Map.entry("_int2", 1005),
            Map.entry("_int4", 1007),
            Map.entry("_text", 1009),
            Map.entry("_varchar", 1015),
            Map.entry("_int8", 1016),
            Map.entry("_float4", 1021),
            Map.entry("_float8", 1022),
            Map.entry("_timestamp", 1115),
            Map.entry("_date", 1182),
            Map.entry("_time", 1183),
            Map.entry("_timestamptz", 1185),
            Map.entry("_interval", 1187),
            Map.entry("_numeric", 1231),
            Map.entry("_timetz", 1270),
            Map.entry("_uuid", 2951),
            Map.entry("_json", 199),
            Map.entry("_jsonb", 3807),
            Map.entry("_bytea", 1001),
            Map.entry("_bpchar", 1014),
            Map.entry("_oid", 1028),
            Map.entry("_name", 1003),
            Map.entry("_char", 1002),
            Map.entry("_varbit", 1563),
            Map.entry("_bit", 1561));
    arrays.forEach(
        (name, oid) -> {
          PgType array = PgTypes.byOid(oid);
          assertEquals(name, array.name());
          assertTrue(array.isArray(), name);
          assertEquals('A', array.category());
          assertEquals(-1, array.typlen());
          assertSame(array, array.elementType().arrayType(), name);
        });
  }

  @Test
  void registryIsConsistent() {
    Set<Integer> oids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (PgType type : PgTypes.all()) {
      assertTrue(oids.add(type.oid()), "duplicate oid " + type.oid());
      assertTrue(names.add(type.name()), "duplicate name " + type.name());
      if (type.arrayTypeOid() != 0) {
        assertEquals(type.oid(), PgTypes.byOid(type.arrayTypeOid()).elementOid(), type.name());
      }
      if (type.isArray()) {
        assertEquals(type.oid(), type.elementType().arrayTypeOid(), type.name());
        assertEquals(type.elementType().binarySupported(), type.binarySupported(), type.name());
      }
    }
    assertFalse(PgTypes.NAME.isArray(), "name has typelem char but is not an array");
    assertFalse(PgTypes.INT2VECTOR.isArray());
  }

  @Test
  void lookupByNameAcceptsSqlSpellings() {
    assertSame(PgTypes.INT4, PgTypes.byName("integer"));
    assertSame(PgTypes.INT4, PgTypes.byName("INT"));
    assertSame(PgTypes.INT4, PgTypes.byName("int4"));
    assertSame(PgTypes.INT8, PgTypes.byName("bigint"));
    assertSame(PgTypes.INT2, PgTypes.byName("smallint"));
    assertSame(PgTypes.BOOL, PgTypes.byName("boolean"));
    assertSame(PgTypes.FLOAT8, PgTypes.byName("double  precision"));
    assertSame(PgTypes.FLOAT4, PgTypes.byName("real"));
    assertSame(PgTypes.VARCHAR, PgTypes.byName("character varying(10)"));
    assertSame(PgTypes.VARCHAR, PgTypes.byName("varchar"));
    assertSame(PgTypes.BPCHAR, PgTypes.byName("char"));
    assertSame(PgTypes.BPCHAR, PgTypes.byName("character(3)"));
    assertSame(PgTypes.CHAR, PgTypes.byName("\"char\""));
    assertSame(PgTypes.TEXT, PgTypes.byName("text"));
    assertSame(PgTypes.TIMESTAMP, PgTypes.byName("timestamp without time zone"));
    assertSame(PgTypes.TIMESTAMPTZ, PgTypes.byName("timestamp(3) with time zone"));
    assertSame(PgTypes.TIMESTAMPTZ, PgTypes.byName("pg_catalog.timestamptz"));
    assertSame(PgTypes.TIMETZ, PgTypes.byName("time with time zone"));
    assertSame(PgTypes.NUMERIC, PgTypes.byName("decimal(10,2)"));
    assertSame(PgTypes.VARBIT, PgTypes.byName("bit varying"));
    assertSame(PgTypes.INT4_ARRAY, PgTypes.byName("integer[]"));
    assertSame(PgTypes.TEXT_ARRAY, PgTypes.byName("_text"));
    assertSame(PgTypes.VARCHAR_ARRAY, PgTypes.byName("character varying(5)[]"));
    assertTrue(PgTypes.findByName("no_such_type").isEmpty());
    assertTrue(PgTypes.findByName("void[]").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> PgTypes.byOid(999_999));
  }
}
