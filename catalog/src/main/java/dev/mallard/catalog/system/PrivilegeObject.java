package dev.mallard.catalog.system;

import java.util.Locale;

/**
 * Something privileges are granted on: a database (by name), a schema of a database, or a table or
 * view of a schema. Names are kept as DuckDB resolves them (case-insensitively, so lower case), and
 * DuckDB's default schema {@code main} is PostgreSQL's {@code public}.
 *
 * @param schema the schema for SCHEMA and TABLE, "" for DATABASE
 * @param name the table or view for TABLE, "" otherwise
 */
public record PrivilegeObject(Kind kind, String database, String schema, String name) {

  public enum Kind { DATABASE, SCHEMA, TABLE }

  public PrivilegeObject {
    database = normal(database);
    schema = schema.equalsIgnoreCase("main") ? "public" : normal(schema);
    name = normal(name);
  }

  public static PrivilegeObject database(String database) {
    return new PrivilegeObject(Kind.DATABASE, database, "", "");
  }

  public static PrivilegeObject schema(String database, String schema) {
    return new PrivilegeObject(Kind.SCHEMA, database, schema, "");
  }

  public static PrivilegeObject table(String database, String schema, String table) {
    return new PrivilegeObject(Kind.TABLE, database, schema, table);
  }

  /** The schema a table is in. */
  public PrivilegeObject schemaObject() {
    return schema(database, schema);
  }

  /** How PostgreSQL names the object in messages: the table or schema or database name. */
  public String displayName() {
    return switch (kind) {
      case TABLE -> name;
      case SCHEMA -> schema;
      case DATABASE -> database;
    };
  }

  /** "table", "schema" or "database", as in "permission denied for table t". */
  public String kindWord() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
