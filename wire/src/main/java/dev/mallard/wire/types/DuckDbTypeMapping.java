package dev.mallard.wire.types;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB logical types ⇄ PostgreSQL types. Result columns are described by the type name DuckDB's
 * JDBC driver prints ({@code ResultSetMetaData.getColumnTypeName}); the mapping is the table in
 * DESIGN.md. Nested values PostgreSQL has no type for (STRUCT, MAP, UNION, lists of lists) are sent
 * as json text, which every client can read.
 */
public final class DuckDbTypeMapping {
  private DuckDbTypeMapping() {}

  /**
   * An OID alias type shown by name (regtype, regclass, ...), or bpchar: DuckDB has no such type,
   * so the SQL rewriting makes the value a one-member UNION whose tag is the type, e.g.
   * UNION(regtype VARCHAR). Its values are the names (the blank-padded text), written as text.
   */
  private static final Pattern OID_ALIAS_NAME = Pattern.compile(
      "UNION\\((REGTYPE|REGCLASS|REGPROC|REGNAMESPACE|REGROLE|BPCHAR) VARCHAR\\)");

  /**
   * jsonb: DuckDB has only one JSON type, so the SQL rewriting marks a value PostgreSQL types
   * jsonb, where it is sent to the client, as a one-member UNION tagged jsonb; the member is the
   * JSON text, already in jsonb's normalised form.
   */
  private static final String JSONB_MARK = "UNION(JSONB JSON)";

  /** DuckDB's DECIMAL without a modifier means DECIMAL(18,3). */
  private static final PgColumnType DEFAULT_DECIMAL = PgColumnType.numeric(18, 3);

  /**
   * The PostgreSQL column type for a DuckDB type name such as "INTEGER", "DECIMAL(5,2)", "TIMESTAMP
   * WITH TIME ZONE", "VARCHAR[]", "INTEGER[2]" or "STRUCT(x INTEGER, y VARCHAR)". Unknown names
   * (user-defined types, "NULL", "UNKNOWN") map to text, which any value can be rendered as.
   */
  public static PgColumnType forDuckDbType(String duckDbTypeName) {
    String name = duckDbTypeName.trim();
    String element = listElement(name);
    if (element != null) {
      if (element.equalsIgnoreCase("USMALLINT")) {
        // int2vector (pg_index.indkey, indoption): a list of non-negative int2, printed "1 2"; the
        // pg_catalog emulation types such columns USMALLINT[].
        return PgColumnType.of(PgTypes.INT2VECTOR);
      }
      if (isNested(element)) {
        return PgColumnType.of(PgTypes.JSON);
      }
      PgColumnType elementType = forDuckDbType(element);
      return elementType.type().arrayTypeOid() == 0
          ? PgColumnType.of(PgTypes.JSON)
          : elementType.arrayOf();
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals(JSONB_MARK)) {
      return PgColumnType.of(PgTypes.JSONB);
    }
    Matcher alias = OID_ALIAS_NAME.matcher(upper);
    if (alias.matches()) {
      return PgColumnType.of(PgTypes.byName(alias.group(1).toLowerCase(Locale.ROOT)));
    }
    int paren = upper.indexOf('(');
    String base = (paren < 0 ? upper : upper.substring(0, paren)).trim();
    switch (base) {
      case "BOOLEAN", "BOOL", "LOGICAL":
        return PgColumnType.of(PgTypes.BOOL);
      case "TINYINT", "INT1", "SMALLINT", "INT2", "SHORT", "UTINYINT":
        return PgColumnType.of(PgTypes.INT2);
      case "INTEGER", "INT4", "INT", "SIGNED", "USMALLINT":
        return PgColumnType.of(PgTypes.INT4);
      case "BIGINT", "INT8", "LONG":
        return PgColumnType.of(PgTypes.INT8);
      case "UINTEGER":
        // oid is PostgreSQL's unsigned 32-bit integer; the pg_catalog emulation's OID columns
        // are UINTEGER so that clients see oid where PostgreSQL has it.
        return PgColumnType.of(PgTypes.OID);
      case "HUGEINT", "INT128", "UBIGINT", "UHUGEINT":
        return PgColumnType.of(PgTypes.NUMERIC);
      case "FLOAT", "FLOAT4", "REAL":
        return PgColumnType.of(PgTypes.FLOAT4);
      case "DOUBLE", "FLOAT8":
        return PgColumnType.of(PgTypes.FLOAT8);
      case "DECIMAL", "NUMERIC":
        return decimal(upper, paren);
      case "VARCHAR", "CHAR", "BPCHAR", "TEXT", "STRING":
        return PgColumnType.of(PgTypes.TEXT);
      case "BLOB", "BYTEA", "BINARY", "VARBINARY":
        return PgColumnType.of(PgTypes.BYTEA);
      case "BIT", "BITSTRING":
        return PgColumnType.of(PgTypes.VARBIT);
      case "DATE":
        return PgColumnType.of(PgTypes.DATE);
      case "TIME", "TIME_NS":
        return PgColumnType.of(PgTypes.TIME);
      case "TIME WITH TIME ZONE", "TIMETZ":
        return PgColumnType.of(PgTypes.TIMETZ);
      case "TIMESTAMP", "DATETIME", "TIMESTAMP_US", "TIMESTAMP_NS", "TIMESTAMP_MS", "TIMESTAMP_S":
        return PgColumnType.of(PgTypes.TIMESTAMP);
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ":
        return PgColumnType.of(PgTypes.TIMESTAMPTZ);
      case "INTERVAL":
        return PgColumnType.of(PgTypes.INTERVAL);
      case "UUID":
        return PgColumnType.of(PgTypes.UUID);
      case "JSON", "STRUCT", "ROW", "MAP", "UNION":
        return PgColumnType.of(PgTypes.JSON);
      default:
        // ENUM (sent as its label), NULL, UNKNOWN, user-defined type names.
        return PgColumnType.of(PgTypes.TEXT);
    }
  }

  /**
   * The DuckDB type to cast a parameter of this PostgreSQL type to, or empty when the parameter
   * should be left for DuckDB to infer (unknown and pseudo-types). numeric maps to VARCHAR: no
   * DuckDB DECIMAL width holds every PostgreSQL numeric, and DuckDB casts the text to whatever
   * DECIMAL or DOUBLE the expression needs. oid and the reg* aliases are unsigned 32-bit, hence
   * BIGINT.
   */
  public static Optional<String> duckDbTypeFor(PgType type) {
    if (type.isArray()) {
      return duckDbTypeFor(type.elementType()).map(element -> element + "[]");
    }
    String duck =
        switch (type.name()) {
          case "bool" -> "BOOLEAN";
          case "int2" -> "SMALLINT";
          case "int4" -> "INTEGER";
          case "int8",
              "oid",
              "regproc",
              "regprocedure",
              "regoper",
              "regoperator",
              "regclass",
              "regtype",
              "regnamespace",
              "regrole",
              "regconfig",
              "regdictionary",
              "regcollation",
              "xid",
              "cid" ->
              "BIGINT";
          case "float4" -> "FLOAT";
          case "float8" -> "DOUBLE";
          case "numeric",
              "text",
              "varchar",
              "bpchar",
              "name",
              "char",
              "xml",
              "money",
              "inet",
              "cidr",
              "macaddr",
              "pg_lsn",
              "jsonpath",
              "tid" ->
              "VARCHAR";
          case "bytea" -> "BLOB";
          case "bit", "varbit" -> "BIT";
          case "date" -> "DATE";
          case "time" -> "TIME";
          case "timetz" -> "TIMETZ";
          case "timestamp" -> "TIMESTAMP";
          case "timestamptz" -> "TIMESTAMPTZ";
          case "interval" -> "INTERVAL";
          case "uuid" -> "UUID";
          case "json", "jsonb" -> "JSON";
          default -> null;
        };
    return Optional.ofNullable(duck);
  }

  /**
   * PostgreSQL's numeric without precision and scale, which keeps every digit, has no DuckDB
   * equivalent; Mallard's SQL rewriting makes it DECIMAL(38,10), the widest DuckDB decimal with
   * room for fractions. That one DECIMAL is announced as numeric without a modifier and its values
   * are written without trailing fraction zeros (an explicit numeric(38,10) looks the same).
   */
  public static boolean isUnconstrainedNumeric(int precision, int scale) {
    return precision == 38 && scale == 10;
  }

  private static PgColumnType decimal(String upper, int paren) {
    if (paren < 0) {
      return DEFAULT_DECIMAL;
    }
    String args = upper.substring(paren + 1, upper.lastIndexOf(')'));
    int comma = args.indexOf(',');
    try {
      int precision = Integer.parseInt((comma < 0 ? args : args.substring(0, comma)).trim());
      int scale = comma < 0 ? 0 : Integer.parseInt(args.substring(comma + 1).trim());
      // DuckDB widens the results of sum() and the other aggregates over decimals to precision
      // 38, where PostgreSQL's are numeric without a modifier; a column declared numeric(38,s)
      // is announced the same way (its values keep their scale)
      return precision == 38 ? PgColumnType.of(PgTypes.NUMERIC)
          : PgColumnType.numeric(precision, scale);
    } catch (NumberFormatException e) {
      return PgColumnType.of(PgTypes.NUMERIC);
    }
  }

  /** For "T[]" or "T[n]" (brackets outside any parentheses), T; else null. */
  private static String listElement(String name) {
    if (!name.endsWith("]")) {
      return null;
    }
    int open = name.lastIndexOf('[');
    if (open <= 0 || name.lastIndexOf(')') > open) {
      return null;
    }
    return name.substring(0, open).trim();
  }

  private static boolean isNested(String name) {
    if (listElement(name) != null) {
      return true;
    }
    String upper = name.toUpperCase(Locale.ROOT);
    return upper.startsWith("STRUCT(")
        || upper.startsWith("STRUCT (")
        || upper.startsWith("MAP(")
        || upper.startsWith("MAP (")
        || upper.startsWith("UNION(")
        || upper.startsWith("UNION (");
  }
}
