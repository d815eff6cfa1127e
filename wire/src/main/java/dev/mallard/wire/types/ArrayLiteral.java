package dev.mallard.wire.types;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads PostgreSQL's array text (array_in): {@code {1,2,NULL}}, {@code {"a b","x\"y",""}}, {@code
 * {{1,2},{3,4}}}. Elements are double-quoted or bare; a backslash escapes the next character in
 * either; white space around bare elements is dropped; a bare NULL (any case) is SQL NULL. The
 * "[1:3]=" dimension prefix is not accepted. Each element's text goes through the element type's
 * decoder; nested braces give nested Object[].
 */
public final class ArrayLiteral {
  private final String text;
  private final Function<String, Object> element;
  private int pos;

  private ArrayLiteral(String text, Function<String, Object> element) {
    this.text = text;
    this.element = element;
  }

  public static Object[] parse(String text, Function<String, Object> element) {
    ArrayLiteral p = new ArrayLiteral(text, element);
    p.skipSpace();
    Object[] result = p.array();
    p.skipSpace();
    if (p.pos != text.length()) {
      throw p.malformed("Junk after closing right brace.");
    }
    return result;
  }

  private Object[] array() {
    if (peek() != '{') {
      throw malformed("Array value must start with \"{\" or dimension information.");
    }
    pos++;
    List<Object> items = new ArrayList<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return items.toArray();
    }
    while (true) {
      skipSpace();
      if (peek() == '{') {
        items.add(array());
      } else {
        items.add(item());
      }
      skipSpace();
      char c = peek();
      pos++;
      if (c == '}') {
        return items.toArray();
      }
      if (c != PgType.DELIMITER) {
        throw malformed(c == '\0' ? "Unexpected end of input." : "Unexpected array element.");
      }
    }
  }

  private Object item() {
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    boolean escaped = false;
    int lastSignificant = 0;
    if (peek() == '"') {
      quoted = true;
      pos++;
    }
    while (true) {
      if (pos >= text.length()) {
        throw malformed("Unexpected end of input.");
      }
      char c = text.charAt(pos);
      if (c == '\\') {
        pos++;
        if (pos >= text.length()) {
          throw malformed("Unexpected end of input.");
        }
        value.append(text.charAt(pos++));
        escaped = true;
        lastSignificant = value.length();
        continue;
      }
      if (quoted) {
        pos++;
        if (c == '"') {
          break;
        }
        value.append(c);
        continue;
      }
      if (c == PgType.DELIMITER || c == '}') {
        break;
      }
      if (c == '"' || c == '{') {
        throw malformed("Unexpected array element.");
      }
      value.append(c);
      pos++;
      if (!isSpace(c)) {
        lastSignificant = value.length();
      }
    }
    if (!quoted) {
      value.setLength(lastSignificant);
      if (value.length() == 0) {
        throw malformed("Unexpected \"" + peek() + "\" character.");
      }
      if (!escaped && value.toString().equalsIgnoreCase("NULL")) {
        return null;
      }
    }
    return element.apply(value.toString());
  }

  private void skipSpace() {
    while (pos < text.length() && isSpace(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private PgException malformed(String detail) {
    return new PgException(
        PgException.Severity.ERROR,
        SqlState.INVALID_TEXT_REPRESENTATION,
        "malformed array literal: \"" + text + "\"",
        detail,
        null,
        0,
        null);
  }
}
