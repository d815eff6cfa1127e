package dev.mallard.engine.analysis;

import java.util.Locale;
import net.sf.jsqlparser.schema.Table;

/**
 * A relation as a statement names it: {@code name}, {@code schema.name} or {@code
 * catalog.schema.name}. Parts are unquoted and lower case, since DuckDB matches identifiers
 * case-insensitively (quoted ones too); missing parts are null.
 */
public record RelationRef(String catalog, String schema, String name) {

  static RelationRef of(Table table) {
    return new RelationRef(part(table.getCatalogName()), part(table.getSchemaName()),
        part(table.getName()));
  }

  private static String part(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      return null;
    }
    String s = identifier;
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
    return s.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return (catalog == null ? "" : catalog + ".") + (schema == null ? "" : schema + ".") + name;
  }
}
