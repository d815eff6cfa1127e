package dev.mallard.engine.sql;

import java.util.Locale;
import java.util.Map;

/**
 * The name PostgreSQL's grammar gives a type as written ({@code integer} is int4, {@code double
 * precision} float8, {@code varchar(3)[]} varchar): what a cast's result column is called.
 */
final class PgTypeNames {
  private static final Map<String, String> CANONICAL = Map.ofEntries(
      Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("smallint", "int2"),
      Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("float", "float8"),
      Map.entry("double", "float8"), Map.entry("boolean", "bool"), Map.entry("decimal", "numeric"),
      Map.entry("dec", "numeric"), Map.entry("char", "bpchar"), Map.entry("character", "bpchar"),
      Map.entry("varbit", "varbit"));

  private PgTypeNames() {}

  /** The type's name from its tokens {@code start..end} (after {@code ::} or AS). */
  static String of(Tokens tokens, int start, int end) {
    int last = start;
    while (tokens.nextIs(last, ".") && tokens.next(tokens.next(last)) <= end) {
      last = tokens.next(tokens.next(last));
    }
    Token name = tokens.get(last);
    if (name.kind() == Token.Kind.QUOTED_IDENT) {
      return name.identifier();
    }
    String word = name.text().toLowerCase(Locale.ROOT);
    Token second = tokens.at(tokens.next(last));
    boolean withZone = false;
    boolean varying = second != null && second.isWord("varying") && tokens.next(last) <= end;
    for (int j = last; j <= end; j++) {
      if (tokens.get(j).isWord("with")) {
        withZone = true;
      }
    }
    if (word.equals("float") && tokens.nextIs(last, "(")) {
      Token precision = tokens.at(tokens.next(tokens.next(last)));
      try {
        return Integer.parseInt(precision.text()) <= 24 ? "float4" : "float8";
      } catch (RuntimeException e) {
        return "float8";
      }
    }
    if (word.equals("timestamp") || word.equals("time")) {
      return withZone ? word.equals("time") ? "timetz" : "timestamptz" : word;
    }
    if (varying) {
      return word.equals("bit") ? "varbit" : "varchar";
    }
    return CANONICAL.getOrDefault(word, word);
  }
}
