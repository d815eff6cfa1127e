package dev.mallard.engine;

import dev.mallard.engine.sql.Token;
import dev.mallard.engine.sql.Tokens;
import java.util.Optional;
import java.util.Set;

/**
 * The relation a CREATE TABLE ... AS or CREATE MATERIALIZED VIEW ... AS makes. PostgreSQL tags
 * those "SELECT n"; DuckDB reports no count for them, so the new relation is counted. Read from
 * the statement's tokens, so comments anywhere (dbt puts one in front of every statement) do not
 * matter.
 */
final class CreatedRelation {
  private static final Set<String> MODIFIERS =
      Set.of("or", "replace", "global", "local", "temp", "temporary", "unlogged");

  private CreatedRelation() {}

  /** The relation's name as written, when the statement is a recognisable CREATE. */
  static Optional<String> name(String sql) {
    Tokens t = Tokens.of(sql);
    int i = t.next(-1);
    if (i < 0 || !t.get(i).isWord("create")) {
      return Optional.empty();
    }
    i = t.next(i);
    while (i >= 0 && t.get(i).isWord() && MODIFIERS.contains(t.get(i).identifier())) {
      i = t.next(i);
    }
    if (i >= 0 && t.get(i).isWord("materialized")) {
      i = t.next(i);
      if (i < 0 || !t.get(i).isWord("view")) {
        return Optional.empty();
      }
    } else if (i < 0 || !t.get(i).isWord("table")) {
      return Optional.empty();
    }
    i = t.next(i);
    if (i >= 0 && t.get(i).isWord("if")) {
      i = t.next(t.next(t.next(i))); // IF NOT EXISTS
    }
    StringBuilder name = new StringBuilder();
    while (i >= 0 && t.get(i).isIdentifier()) {
      name.append(t.get(i).text());
      int dot = t.next(i);
      Token d = t.at(dot);
      if (d == null || !d.is(".")) {
        break;
      }
      name.append('.');
      i = t.next(dot);
    }
    return name.length() == 0 ? Optional.empty() : Optional.of(name.toString());
  }
}
