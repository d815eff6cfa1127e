package dev.mallard.engine.sql;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's json/jsonb operators on DuckDB's JSON type.
 * <ul>
 *   <li>{@code ->} with a constant key or index, and {@code #>} with a constant path, become the
 *       session macros {@value #FIELD}, {@value #ELEMENT} and {@value #PATH}: the value found with
 *       its own text, as PostgreSQL's json gives it (DuckDB would print it compactly), keys read
 *       literally. An arrow followed by {@code ->>} or {@code #>>} ({@code a -> 'device' ->> 'os'})
 *       stays DuckDB's, several times faster: its text is read again, not shown.
 *   <li>{@code ->>} with a text key: DuckDB reads a key starting with {@code $} as a
 *       JSONPath and one starting with {@code /} as a JSON pointer, so such keys (PostHog's
 *       {@code properties->>'$browser'}) become the path {@code $."key"}; a negative array index
 *       becomes {@code $[#-n]} (PostgreSQL counts it from the end).
 *   <li>{@code #>>} with a constant path such as {@code '{a,0,b}'} becomes {@code ->>} with the
 *       JSONPath {@code $."a"[0]."b"}.
 *   <li>{@code ?}, {@code ?|}, {@code ?&} (top-level key exists) test {@code json_keys(a)}.
 *   <li>{@code @>} and {@code <@} become {@code json_contains} when an operand is cast to json or
 *       jsonb or is a constant that is a JSON object or array; otherwise they are DuckDB's list
 *       containment, as for PostgreSQL arrays.
 *   <li>{@code ||} with an operand cast to jsonb is jsonb concatenation (the session macro
 *       {@value #CONCAT}: a shallow merge of objects, or arrays appended), not string concatenation.
 * </ul>
 */
final class JsonOperators implements RewriteRule {
  static final String CONCAT = "mallard_jsonb_concat";
  static final String FIELD = "pg_json_field";
  static final String ELEMENT = "pg_json_element";
  static final String PATH = "pg_json_path";

  @Override
  public String name() {
    return "json-operators";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.OPERATOR) {
        continue;
      }
      switch (t.text()) {
        case "->": case "->>":
          i = arrow(tokens, i);
          break;
        case "#>": case "#>>":
          i = path(tokens, i);
          break;
        case "?":
          keys(tokens, i, "list_contains");
          break;
        case "?|":
          keys(tokens, i, "list_has_any");
          break;
        case "?&":
          keys(tokens, i, "list_has_all");
          break;
        case "@>": case "<@":
          i = contains(tokens, i);
          break;
        case "||":
          i = concatenate(tokens, i);
          break;
        default:
          break;
      }
    }
  }

  private static int arrow(Tokens tokens, int i) {
    int k = tokens.next(i);
    Token key = tokens.at(k);
    if (key == null) {
      return i;
    }
    boolean negative = key.is("-") && tokens.at(tokens.next(k)) != null
        && tokens.at(tokens.next(k)).kind() == Token.Kind.NUMBER;
    Token after = tokens.at(tokens.next(negative ? tokens.next(k) : k));
    boolean chained = after != null && (after.is("->>") || after.is("#>>"));
    if (tokens.get(i).is("->") && !chained && (negative || key.kind() == Token.Kind.NUMBER
        || key.kind() == Token.Kind.STRING)) {
      String text = Literals.stringValue(key);
      String path = text == null ? "'$[" + (negative ? "#-" + tokens.get(tokens.next(k)).text()
          : key.text()) + "]'" : text.indexOf('"') < 0 ? Literals.quote("$.\"" + text + "\"") : "NULL";
      return valueText(tokens, i, text == null ? ELEMENT : FIELD, path);
    }
    if (negative) {
      int n = tokens.next(k);
      tokens.replace(k, n, List.of(literal("$[#-" + tokens.get(n).text() + "]")));
      return i;
    }
    String text = Literals.stringValue(key);
    if (text != null && (text.startsWith("$") || text.startsWith("/")) && text.indexOf('"') < 0) {
      tokens.set(k, literal("$.\"" + text + "\""));
    }
    bindTightly(tokens, i);
    return i;
  }

  /**
   * {@code a -> k} or {@code a #> path} as the session macro {@code name(a, k)}, which returns the
   * value's own text (see {@link JsonText}).
   */
  private static int valueText(Tokens tokens, int op, String macro, String duckDbPath) {
    int[] ends = BinaryCalls.operands(tokens, op, Operands.OTHER);
    if (ends == null) {
      return op;
    }
    int size = tokens.size();
    BinaryCalls.call(tokens, ends[0], ends[1], null, macro, ends[0], tokens.prev(op),
        tokens.next(op), ends[1], duckDbPath);
    return ends[1] + tokens.size() - size; // the call's end: its operands are done
  }

  /**
   * {@code a -> 'k' IS NULL}: PostgreSQL binds -> tighter than IS, comparisons, LIKE, IN and
   * BETWEEN; DuckDB the other way round ({@code a -> ('k' IS NULL)}), so the arrow expression is
   * parenthesised when one of those follows it.
   */
  private static void bindTightly(Tokens tokens, int op) {
    int[] ends = BinaryCalls.operands(tokens, op, Operands.OTHER);
    Token key = ends == null ? null : tokens.get(ends[1]);
    if (key == null || ends[1] != tokens.next(op) || key.kind() != Token.Kind.STRING
        && key.kind() != Token.Kind.NUMBER) {
      return; // only a constant key: a lambda (x -> x + 1 = 2) is not a JSON arrow
    }
    Token after = tokens.at(tokens.next(ends[1]));
    if (after == null || !(Operands.level(after) > Operands.OTHER
        && Operands.level(after) <= Operands.IS || after.isWord("not") || after.isWord("in")
        || after.isWord("between"))) {
      return;
    }
    tokens.insert(ends[1] + 1, List.of(Token.punct(")")));
    tokens.insert(ends[0], List.of(Token.punct("(")));
  }

  private static int path(Tokens tokens, int i) {
    int k = tokens.next(i);
    String text = Literals.stringValue(tokens.at(k));
    if (text == null) {
      return i;
    }
    Object[] elements;
    try {
      elements = dev.mallard.wire.types.ArrayLiteral.parse(text, s -> s);
    } catch (RuntimeException e) {
      // the path is text[] in PostgreSQL, whose input rejects the constant
      throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "malformed array literal: \"" + text + "\"");
    }
    StringBuilder json = new StringBuilder("$");
    for (Object e : elements) {
      if (!(e instanceof String s) || s.indexOf('"') >= 0) {
        json = null;
        break;
      }
      json.append(s.matches("\\d+") ? "[" + s + "]" : ".\"" + s + "\"");
    }
    if (tokens.get(i).is("#>")) {
      // a digit step is a key of an object too: DuckDB's [n] would miss it, so no DuckDB path
      boolean digits = java.util.Arrays.stream(elements).anyMatch(e -> String.valueOf(e).matches("\\d+"));
      return valueText(tokens, i, PATH, json == null || digits ? "NULL" : Literals.quote(json.toString()));
    }
    if (json == null) {
      return i;
    }
    tokens.set(i, new Token(Token.Kind.OPERATOR, "->>"));
    tokens.set(k, literal(json.toString()));
    return i;
  }

  private static void keys(Tokens tokens, int i, String function) {
    int[] ends = BinaryCalls.operands(tokens, i, Operands.OTHER);
    if (ends == null) {
      return;
    }
    List<Token> keysOf = new ArrayList<>();
    keysOf.add(Token.word("json_keys"));
    keysOf.add(Token.punct("("));
    BinaryCalls.copy(tokens, ends[0], tokens.prev(i), keysOf);
    keysOf.add(Token.punct(")"));
    int left = ends[0];
    tokens.replace(left, tokens.prev(i), keysOf);
    int op = tokens.next(left + keysOf.size() - 1);
    int right = Operands.rightEnd(tokens, op, Operands.OTHER);
    BinaryCalls.call(tokens, left, right, null, function, left, left + keysOf.size() - 1,
        tokens.next(op), right);
  }

  private static int contains(Tokens tokens, int i) {
    int[] ends = BinaryCalls.operands(tokens, i, Operands.OTHER);
    if (ends == null) {
      return i;
    }
    String left = tokens.text(ends[0], tokens.prev(i)).toLowerCase(java.util.Locale.ROOT);
    String right = tokens.text(tokens.next(i), ends[1]).toLowerCase(java.util.Locale.ROOT);
    if (!(isJson(left) || isJson(right) || looksLikeJson(tokens, ends[0], tokens.prev(i))
        || looksLikeJson(tokens, tokens.next(i), ends[1]))) {
      return i;
    }
    boolean contains = tokens.get(i).text().equals("@>");
    int a0 = ends[0];
    int a1 = tokens.prev(i);
    int b0 = tokens.next(i);
    int b1 = ends[1];
    if (contains) {
      BinaryCalls.call(tokens, a0, b1, null, "json_contains", a0, a1, b0, b1);
    } else {
      BinaryCalls.call(tokens, a0, b1, null, "json_contains", b0, b1, a0, a1);
    }
    return a0;
  }

  private static int concatenate(Tokens tokens, int i) {
    int[] ends = BinaryCalls.operands(tokens, i, Operands.OTHER);
    if (ends == null) {
      return i;
    }
    String left = tokens.text(ends[0], tokens.prev(i)).toLowerCase(java.util.Locale.ROOT);
    String right = tokens.text(tokens.next(i), ends[1]).toLowerCase(java.util.Locale.ROOT);
    if (!(left.matches("(?s).*::\\s*jsonb\\b.*") || right.matches("(?s).*::\\s*jsonb\\b.*"))) {
      return i;
    }
    BinaryCalls.call(tokens, ends[0], ends[1], null, CONCAT, ends[0], tokens.prev(i),
        tokens.next(i), ends[1]);
    return ends[0];
  }

  private static boolean isJson(String operand) {
    return operand.matches("(?s).*::\\s*jsonb?\\b.*");
  }

  /** A string constant holding a JSON object or array (PostgreSQL's array text has no ':'). */
  private static boolean looksLikeJson(Tokens tokens, int from, int to) {
    String value = from == to ? Literals.stringValue(tokens.get(from)) : null;
    if (value == null) {
      return false;
    }
    String v = value.strip();
    return v.startsWith("[") || v.startsWith("{") && v.contains(":");
  }

  private static Token literal(String value) {
    return new Token(Token.Kind.STRING, Literals.quote(value));
  }
}
