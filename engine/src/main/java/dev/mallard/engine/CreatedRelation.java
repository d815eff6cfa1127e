package dev.mallard.engine;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relation a CREATE TABLE ... AS or CREATE MATERIALIZED VIEW ... AS makes. PostgreSQL tags
 * those "SELECT n"; DuckDB reports no count for them, so the new relation is counted.
 */
final class CreatedRelation {
  private static final String IDENT = "(?:\"(?:[^\"]|\"\")*\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";
  private static final Pattern CREATE = Pattern.compile(
      "^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?"
          + "(?:TABLE|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
          + "(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*)",
      Pattern.CASE_INSENSITIVE);

  private CreatedRelation() {}

  /** The relation's name as written, when the statement starts with a recognisable CREATE. */
  static Optional<String> name(String sql) {
    Matcher m = CREATE.matcher(sql);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
