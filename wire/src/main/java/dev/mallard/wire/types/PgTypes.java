package dev.mallard.wire.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of PostgreSQL types Mallard knows: OIDs, names, lengths and array pairings exactly
 * as in PostgreSQL 15's pg_type (verified with {@code SELECT oid, typname, typlen, typtype,
 * typcategory, typelem, typarray FROM pg_type}). This is the one place type OIDs are defined; the
 * catalog's pg_type is generated from {@link #all()}.
 */
public final class PgTypes {
  private PgTypes() {}

  private static final List<PgType> ALL = new ArrayList<>();
  private static final Map<Integer, PgType> BY_OID = new HashMap<>();
  private static final Map<String, PgType> BY_NAME = new HashMap<>();

  private static PgType def(
      int oid,
      String name,
      int typlen,
      char typtype,
      char category,
      int elementOid,
      int arrayTypeOid,
      boolean binary) {
    PgType type =
        new PgType(oid, name, typlen, typtype, category, elementOid, arrayTypeOid, binary);
    ALL.add(type);
    BY_OID.put(oid, type);
    BY_NAME.put(name, type);
    return type;
  }

  // Generated from a PostgreSQL 15 server's pg_type; the last argument says whether Mallard
  // implements the binary form.
  public static final PgType BOOL = def(16, "bool", 1, 'b', 'B', 0, 1000, true);
  public static final PgType BYTEA = def(17, "bytea", -1, 'b', 'U', 0, 1001, true);
  public static final PgType CHAR = def(18, "char", 1, 'b', 'Z', 0, 1002, true);
  public static final PgType NAME = def(19, "name", 64, 'b', 'S', 18, 1003, true);
  public static final PgType INT8 = def(20, "int8", 8, 'b', 'N', 0, 1016, true);
  public static final PgType INT2 = def(21, "int2", 2, 'b', 'N', 0, 1005, true);
  public static final PgType INT2VECTOR = def(22, "int2vector", -1, 'b', 'A', 21, 1006, false);
  public static final PgType INT4 = def(23, "int4", 4, 'b', 'N', 0, 1007, true);
  public static final PgType REGPROC = def(24, "regproc", 4, 'b', 'N', 0, 1008, true);
  public static final PgType TEXT = def(25, "text", -1, 'b', 'S', 0, 1009, true);
  public static final PgType OID = def(26, "oid", 4, 'b', 'N', 0, 1028, true);
  public static final PgType TID = def(27, "tid", 6, 'b', 'U', 0, 1010, false);
  public static final PgType XID = def(28, "xid", 4, 'b', 'U', 0, 1011, false);
  public static final PgType CID = def(29, "cid", 4, 'b', 'U', 0, 1012, false);
  public static final PgType OIDVECTOR = def(30, "oidvector", -1, 'b', 'A', 26, 1013, false);
  public static final PgType JSON = def(114, "json", -1, 'b', 'U', 0, 199, true);
  public static final PgType XML = def(142, "xml", -1, 'b', 'U', 0, 143, true);
  public static final PgType PG_NODE_TREE = def(194, "pg_node_tree", -1, 'b', 'Z', 0, 0, false);
  public static final PgType CIDR = def(650, "cidr", -1, 'b', 'I', 0, 651, false);
  public static final PgType FLOAT4 = def(700, "float4", 4, 'b', 'N', 0, 1021, true);
  public static final PgType FLOAT8 = def(701, "float8", 8, 'b', 'N', 0, 1022, true);
  public static final PgType UNKNOWN = def(705, "unknown", -2, 'p', 'X', 0, 0, true);
  public static final PgType MONEY = def(790, "money", 8, 'b', 'N', 0, 791, false);
  public static final PgType MACADDR = def(829, "macaddr", 6, 'b', 'U', 0, 1040, false);
  public static final PgType INET = def(869, "inet", -1, 'b', 'I', 0, 1041, false);
  public static final PgType ACLITEM = def(1033, "aclitem", 12, 'b', 'U', 0, 1034, false);
  public static final PgType BPCHAR = def(1042, "bpchar", -1, 'b', 'S', 0, 1014, true);
  public static final PgType VARCHAR = def(1043, "varchar", -1, 'b', 'S', 0, 1015, true);
  public static final PgType DATE = def(1082, "date", 4, 'b', 'D', 0, 1182, true);
  public static final PgType TIME = def(1083, "time", 8, 'b', 'D', 0, 1183, true);
  public static final PgType TIMESTAMP = def(1114, "timestamp", 8, 'b', 'D', 0, 1115, true);
  public static final PgType TIMESTAMPTZ = def(1184, "timestamptz", 8, 'b', 'D', 0, 1185, true);
  public static final PgType INTERVAL = def(1186, "interval", 16, 'b', 'T', 0, 1187, true);
  public static final PgType TIMETZ = def(1266, "timetz", 12, 'b', 'D', 0, 1270, true);
  public static final PgType BIT = def(1560, "bit", -1, 'b', 'V', 0, 1561, true);
  public static final PgType VARBIT = def(1562, "varbit", -1, 'b', 'V', 0, 1563, true);
  public static final PgType NUMERIC = def(1700, "numeric", -1, 'b', 'N', 0, 1231, true);
  public static final PgType REGPROCEDURE = def(2202, "regprocedure", 4, 'b', 'N', 0, 2207, true);
  public static final PgType REGOPER = def(2203, "regoper", 4, 'b', 'N', 0, 2208, true);
  public static final PgType REGOPERATOR = def(2204, "regoperator", 4, 'b', 'N', 0, 2209, true);
  public static final PgType REGCLASS = def(2205, "regclass", 4, 'b', 'N', 0, 2210, true);
  public static final PgType REGTYPE = def(2206, "regtype", 4, 'b', 'N', 0, 2211, true);
  public static final PgType RECORD = def(2249, "record", -1, 'p', 'P', 0, 2287, false);
  public static final PgType CSTRING = def(2275, "cstring", -2, 'p', 'P', 0, 1263, false);
  public static final PgType ANY = def(2276, "any", 4, 'p', 'P', 0, 0, false);
  public static final PgType ANYARRAY = def(2277, "anyarray", -1, 'p', 'P', 0, 0, false);
  public static final PgType VOID = def(2278, "void", 4, 'p', 'P', 0, 0, false);
  public static final PgType TRIGGER = def(2279, "trigger", 4, 'p', 'P', 0, 0, false);
  public static final PgType INTERNAL = def(2281, "internal", 8, 'p', 'P', 0, 0, false);
  public static final PgType ANYELEMENT = def(2283, "anyelement", 4, 'p', 'P', 0, 0, false);
  public static final PgType RECORD_ARRAY = def(2287, "_record", -1, 'p', 'P', 2249, 0, false);
  public static final PgType ANYNONARRAY = def(2776, "anynonarray", 4, 'p', 'P', 0, 0, false);
  public static final PgType UUID = def(2950, "uuid", 16, 'b', 'U', 0, 2951, true);
  public static final PgType PG_LSN = def(3220, "pg_lsn", 8, 'b', 'U', 0, 3221, false);
  public static final PgType REGCONFIG = def(3734, "regconfig", 4, 'b', 'N', 0, 3735, true);
  public static final PgType REGDICTIONARY = def(3769, "regdictionary", 4, 'b', 'N', 0, 3770, true);
  public static final PgType JSONB = def(3802, "jsonb", -1, 'b', 'U', 0, 3807, true);
  public static final PgType JSONPATH = def(4072, "jsonpath", -1, 'b', 'U', 0, 4073, false);
  public static final PgType REGNAMESPACE = def(4089, "regnamespace", 4, 'b', 'N', 0, 4090, true);
  public static final PgType REGROLE = def(4096, "regrole", 4, 'b', 'N', 0, 4097, true);
  public static final PgType REGCOLLATION = def(4191, "regcollation", 4, 'b', 'N', 0, 4192, true);
  public static final PgType XML_ARRAY = def(143, "_xml", -1, 'b', 'A', 142, 0, true);
  public static final PgType JSON_ARRAY = def(199, "_json", -1, 'b', 'A', 114, 0, true);
  public static final PgType CIDR_ARRAY = def(651, "_cidr", -1, 'b', 'A', 650, 0, false);
  public static final PgType MONEY_ARRAY = def(791, "_money", -1, 'b', 'A', 790, 0, false);
  public static final PgType BOOL_ARRAY = def(1000, "_bool", -1, 'b', 'A', 16, 0, true);
  public static final PgType BYTEA_ARRAY = def(1001, "_bytea", -1, 'b', 'A', 17, 0, true);
  public static final PgType CHAR_ARRAY = def(1002, "_char", -1, 'b', 'A', 18, 0, true);
  public static final PgType NAME_ARRAY = def(1003, "_name", -1, 'b', 'A', 19, 0, true);
  public static final PgType INT2_ARRAY = def(1005, "_int2", -1, 'b', 'A', 21, 0, true);
  public static final PgType INT2VECTOR_ARRAY =
      def(1006, "_int2vector", -1, 'b', 'A', 22, 0, false);
  public static final PgType INT4_ARRAY = def(1007, "_int4", -1, 'b', 'A', 23, 0, true);
  public static final PgType REGPROC_ARRAY = def(1008, "_regproc", -1, 'b', 'A', 24, 0, true);
  public static final PgType TEXT_ARRAY = def(1009, "_text", -1, 'b', 'A', 25, 0, true);
  public static final PgType TID_ARRAY = def(1010, "_tid", -1, 'b', 'A', 27, 0, false);
  public static final PgType XID_ARRAY = def(1011, "_xid", -1, 'b', 'A', 28, 0, false);
  public static final PgType CID_ARRAY = def(1012, "_cid", -1, 'b', 'A', 29, 0, false);
  public static final PgType OIDVECTOR_ARRAY = def(1013, "_oidvector", -1, 'b', 'A', 30, 0, false);
  public static final PgType BPCHAR_ARRAY = def(1014, "_bpchar", -1, 'b', 'A', 1042, 0, true);
  public static final PgType VARCHAR_ARRAY = def(1015, "_varchar", -1, 'b', 'A', 1043, 0, true);
  public static final PgType INT8_ARRAY = def(1016, "_int8", -1, 'b', 'A', 20, 0, true);
  public static final PgType FLOAT4_ARRAY = def(1021, "_float4", -1, 'b', 'A', 700, 0, true);
  public static final PgType FLOAT8_ARRAY = def(1022, "_float8", -1, 'b', 'A', 701, 0, true);
  public static final PgType OID_ARRAY = def(1028, "_oid", -1, 'b', 'A', 26, 0, true);
  public static final PgType ACLITEM_ARRAY = def(1034, "_aclitem", -1, 'b', 'A', 1033, 0, false);
  public static final PgType MACADDR_ARRAY = def(1040, "_macaddr", -1, 'b', 'A', 829, 0, false);
  public static final PgType INET_ARRAY = def(1041, "_inet", -1, 'b', 'A', 869, 0, false);
  public static final PgType TIMESTAMP_ARRAY = def(1115, "_timestamp", -1, 'b', 'A', 1114, 0, true);
  public static final PgType DATE_ARRAY = def(1182, "_date", -1, 'b', 'A', 1082, 0, true);
  public static final PgType TIME_ARRAY = def(1183, "_time", -1, 'b', 'A', 1083, 0, true);
  public static final PgType TIMESTAMPTZ_ARRAY =
      def(1185, "_timestamptz", -1, 'b', 'A', 1184, 0, true);
  public static final PgType INTERVAL_ARRAY = def(1187, "_interval", -1, 'b', 'A', 1186, 0, true);
  public static final PgType NUMERIC_ARRAY = def(1231, "_numeric", -1, 'b', 'A', 1700, 0, true);
  public static final PgType CSTRING_ARRAY = def(1263, "_cstring", -1, 'b', 'A', 2275, 0, false);
  public static final PgType TIMETZ_ARRAY = def(1270, "_timetz", -1, 'b', 'A', 1266, 0, true);
  public static final PgType BIT_ARRAY = def(1561, "_bit", -1, 'b', 'A', 1560, 0, true);
  public static final PgType VARBIT_ARRAY = def(1563, "_varbit", -1, 'b', 'A', 1562, 0, true);
  public static final PgType REGPROCEDURE_ARRAY =
      def(2207, "_regprocedure", -1, 'b', 'A', 2202, 0, true);
  public static final PgType REGOPER_ARRAY = def(2208, "_regoper", -1, 'b', 'A', 2203, 0, true);
  public static final PgType REGOPERATOR_ARRAY =
      def(2209, "_regoperator", -1, 'b', 'A', 2204, 0, true);
  public static final PgType REGCLASS_ARRAY = def(2210, "_regclass", -1, 'b', 'A', 2205, 0, true);
  public static final PgType REGTYPE_ARRAY = def(2211, "_regtype", -1, 'b', 'A', 2206, 0, true);
  public static final PgType UUID_ARRAY = def(2951, "_uuid", -1, 'b', 'A', 2950, 0, true);
  public static final PgType PG_LSN_ARRAY = def(3221, "_pg_lsn", -1, 'b', 'A', 3220, 0, false);
  public static final PgType REGCONFIG_ARRAY = def(3735, "_regconfig", -1, 'b', 'A', 3734, 0, true);
  public static final PgType REGDICTIONARY_ARRAY =
      def(3770, "_regdictionary", -1, 'b', 'A', 3769, 0, true);
  public static final PgType JSONB_ARRAY = def(3807, "_jsonb", -1, 'b', 'A', 3802, 0, true);
  public static final PgType JSONPATH_ARRAY = def(4073, "_jsonpath", -1, 'b', 'A', 4072, 0, false);
  public static final PgType REGNAMESPACE_ARRAY =
      def(4090, "_regnamespace", -1, 'b', 'A', 4089, 0, true);
  public static final PgType REGROLE_ARRAY = def(4097, "_regrole", -1, 'b', 'A', 4096, 0, true);
  public static final PgType REGCOLLATION_ARRAY =
      def(4192, "_regcollation", -1, 'b', 'A', 4191, 0, true);

  /** SQL spellings that are not typnames, as PostgreSQL's grammar and format_type accept them. */
  private static final Map<String, PgType> ALIASES =
      Map.ofEntries(
          Map.entry("boolean", BOOL),
          Map.entry("smallint", INT2),
          Map.entry("integer", INT4),
          Map.entry("int", INT4),
          Map.entry("bigint", INT8),
          Map.entry("real", FLOAT4),
          Map.entry("float", FLOAT8),
          Map.entry("double precision", FLOAT8),
          Map.entry("decimal", NUMERIC),
          Map.entry("character varying", VARCHAR),
          Map.entry("character", BPCHAR),
          Map.entry("char", BPCHAR),
          Map.entry("\"char\"", CHAR),
          Map.entry("string", TEXT),
          Map.entry("timestamp without time zone", TIMESTAMP),
          Map.entry("timestamp with time zone", TIMESTAMPTZ),
          Map.entry("time without time zone", TIME),
          Map.entry("time with time zone", TIMETZ),
          Map.entry("bit varying", VARBIT));

  /** Every registered type, scalars first, in OID order within each group. */
  public static List<PgType> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** The type with this OID, if registered. */
  public static Optional<PgType> find(int oid) {
    return Optional.ofNullable(BY_OID.get(oid));
  }

  /** The type with this OID; throws IllegalArgumentException for an unregistered OID. */
  public static PgType byOid(int oid) {
    PgType type = BY_OID.get(oid);
    if (type == null) {
      throw new IllegalArgumentException("unknown type OID " + oid);
    }
    return type;
  }

  /**
   * Looks a type up by typname or by its SQL spelling, case-insensitively: "int4", "integer",
   * "double precision", "character varying(10)", "pg_catalog.timestamptz", "text[]", "_int4". Type
   * modifiers in parentheses are ignored. As in SQL, {@code char} means bpchar; the one-byte
   * internal type is spelled {@code "char"} with the quotes.
   */
  public static Optional<PgType> findByName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (n.startsWith("pg_catalog.")) {
      n = n.substring("pg_catalog.".length());
    }
    boolean array = false;
    while (n.endsWith("]")) {
      int open = n.lastIndexOf('[');
      if (open < 0) {
        return Optional.empty();
      }
      array = true;
      n = n.substring(0, open).trim();
    }
    n = n.replaceAll("\\s*\\([^)]*\\)", "").trim();
    PgType type = ALIASES.get(n);
    if (type == null) {
      type = BY_NAME.get(n);
    }
    if (type == null || !array) {
      return Optional.ofNullable(type);
    }
    return type.arrayTypeOid() == 0 ? Optional.empty() : find(type.arrayTypeOid());
  }

  /** Like {@link #findByName} but throws IllegalArgumentException when the name is unknown. */
  public static PgType byName(String name) {
    return findByName(name)
        .orElseThrow(() -> new IllegalArgumentException("unknown type name " + name));
  }
}
