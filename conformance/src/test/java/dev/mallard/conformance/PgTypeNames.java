package dev.mallard.conformance;

import java.util.Map;

/**
 * Names for the type OIDs the report mentions, so that a difference reads "numeric vs float8".
 * Written out here rather than looked up in pg_type, because pg_type on Mallard is itself under
 * test.
 */
final class PgTypeNames {
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(16, "bool"), Map.entry(17, "bytea"), Map.entry(18, "char"), Map.entry(19, "name"),
      Map.entry(20, "int8"), Map.entry(21, "int2"), Map.entry(23, "int4"), Map.entry(25, "text"),
      Map.entry(26, "oid"), Map.entry(114, "json"), Map.entry(142, "xml"),
      Map.entry(700, "float4"), Map.entry(701, "float8"), Map.entry(705, "unknown"),
      Map.entry(790, "money"), Map.entry(869, "inet"), Map.entry(1000, "_bool"),
      Map.entry(1005, "_int2"), Map.entry(1007, "_int4"), Map.entry(1009, "_text"),
      Map.entry(1015, "_varchar"), Map.entry(1016, "_int8"), Map.entry(1021, "_float4"),
      Map.entry(1022, "_float8"), Map.entry(1042, "bpchar"), Map.entry(1043, "varchar"),
      Map.entry(1082, "date"), Map.entry(1083, "time"), Map.entry(1114, "timestamp"),
      Map.entry(1115, "_timestamp"), Map.entry(1182, "_date"), Map.entry(1184, "timestamptz"),
      Map.entry(1186, "interval"), Map.entry(1231, "_numeric"), Map.entry(1266, "timetz"),
      Map.entry(1560, "bit"), Map.entry(1562, "varbit"), Map.entry(1700, "numeric"),
      Map.entry(2205, "regclass"), Map.entry(2206, "regtype"), Map.entry(2249, "record"),
      Map.entry(2278, "void"), Map.entry(2950, "uuid"),
      Map.entry(3802, "jsonb"), Map.entry(3807, "_jsonb"), Map.entry(199, "_json"),
      Map.entry(2287, "_record"), Map.entry(3904, "int4range"), Map.entry(3614, "tsvector"));

  private PgTypeNames() {}

  static String of(int oid) {
    String name = NAMES.get(oid);
    return name == null ? "oid " + oid : name;
  }
}
