package dev.mallard.engine.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as PostgreSQL holds them, parsed with Jackson's streaming parser. An object is a
 * {@link Members} list (json keeps duplicate keys and their order), an array a {@code List}, a
 * string a {@code String}, a number a {@link Number} keeping its text, true/false a
 * {@code Boolean} and JSON null {@link #NULL}. {@link #jsonb} turns a value into jsonb's form
 * (PostgreSQL's jsonb_in): duplicate keys dropped, the last one winning, keys sorted by length and
 * then bytewise, numbers as numeric prints them; {@link #printJsonb} writes jsonb's text
 * ({@code {"a": 1, "b": [1, 2]}}) and {@link #printCompact} json's without spaces, as json
 * functions that rebuild their input (json_strip_nulls) do.
 */
final class JsonTree {
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };
  private static final JsonFactory FACTORY = new JsonFactory();
  /** jsonb's key order (lengthCompareJsonbStringValue): shorter first, then bytewise. */
  private static final Comparator<String> KEY_ORDER = Comparator
      .comparingInt((String k) -> k.getBytes(StandardCharsets.UTF_8).length)
      .thenComparing((a, b) -> Arrays.compareUnsigned(
          a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));

  /** An object's members in order, duplicates included. */
  record Members(List<Map.Entry<String, Object>> list) {}

  /** A number with the text it was written in (json prints it as written). */
  record Number(String text) {
    BigDecimal value() {
      return new BigDecimal(text);
    }
  }

  private JsonTree() {}

  static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw invalid(text);
      }
      Object value = read(p, first);
      if (p.nextToken() != null) {
        throw invalid(text);
      }
      return value;
    } catch (IOException e) {
      throw invalid(text);
    }
  }

  static PgException invalid(String text) {
    return new PgException(SqlState.INVALID_TEXT_REPRESENTATION,
        "invalid input syntax for type json: \"" + text + "\"");
  }

  private static Object read(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT: {
        List<Map.Entry<String, Object>> members = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
          String key = p.currentName();
          members.add(Map.entry(key, read(p, p.nextToken())));
        }
        return new Members(members);
      }
      case START_ARRAY: {
        List<Object> elements = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          elements.add(read(p, t));
        }
        return elements;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT: case VALUE_NUMBER_FLOAT:
        return new Number(p.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return NULL;
    }
  }

  /** The jsonb form of a parsed value: unique sorted keys, numbers as numeric prints them. */
  static Object jsonb(Object value) {
    if (value instanceof Members m) {
      Map<String, Object> last = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : m.list()) {
        last.put(e.getKey(), jsonb(e.getValue()));
      }
      List<Map.Entry<String, Object>> sorted = new ArrayList<>(last.entrySet());
      sorted.sort(Map.Entry.comparingByKey(KEY_ORDER));
      return new Members(sorted);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(jsonb(v)));
      return out;
    }
    if (value instanceof Number n) {
      return new Number(n.value().toPlainString());
    }
    return value;
  }

  /** jsonb's text of a value in jsonb form: {@code ", "} between items, {@code ": "} after keys. */
  static String printJsonb(Object value) {
    StringBuilder out = new StringBuilder();
    print(value, out, ", ", ": ");
    return out.toString();
  }

  /** json's text without any space, as PostgreSQL's json functions that rebuild a value write. */
  static String printCompact(Object value) {
    StringBuilder out = new StringBuilder();
    print(value, out, ",", ":");
    return out.toString();
  }

  private static void print(Object value, StringBuilder out, String comma, String colon) {
    if (value instanceof Members m) {
      out.append('{');
      for (int i = 0; i < m.list().size(); i++) {
        out.append(i > 0 ? comma : "");
        string(m.list().get(i).getKey(), out);
        out.append(colon);
        print(m.list().get(i).getValue(), out, comma, colon);
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i > 0 ? comma : "");
        print(list.get(i), out, comma, colon);
      }
      out.append(']');
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Number n) {
      out.append(n.text());
    } else {
      out.append(value);
    }
  }

  /** A JSON string as PostgreSQL's escape_json writes it. */
  static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < ' ') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
