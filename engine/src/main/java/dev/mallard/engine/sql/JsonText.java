package dev.mallard.engine.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ->} and {@code #>} on json text: the value found is returned as its own text, a piece of
 * the input, as PostgreSQL's json does ({@code '{"a": {"b":  1}}'::json -> 'a'} is
 * {@code {"b":  1}}). On jsonb, whose text is normalised, the piece is jsonb's text as well. Keys are
 * read literally ({@code '$browser'} is a key, not a JSONPath); with duplicate keys the last wins.
 */
final class JsonText {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonText() {}

  /** {@code json -> 'key'}: null unless json is an object holding key. */
  static String field(String json, String key) {
    return step(json, key, false);
  }

  /** {@code json -> n}: null unless json is an array with an element n (from the end if n < 0). */
  static String element(String json, int index) {
    return step(json, Integer.toString(index), true);
  }

  /**
   * {@code json #> path}: each step is an object's key or, on an array, an element's index (a
   * step that is no integer finds nothing there).
   */
  static String path(String json, List<String> steps) {
    String value = json;
    for (String s : steps) {
      value = value == null ? null : step(value, s, null);
    }
    return value;
  }

  /** One step: a key when {@code index} is false, an index when true, either when null. */
  private static String step(String json, String key, Boolean index) {
    try (JsonParser p = FACTORY.createParser(json)) {
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT && !Boolean.TRUE.equals(index)) {
        return member(json, p, key);
      }
      if (t == JsonToken.START_ARRAY && !Boolean.FALSE.equals(index)) {
        Integer n = integer(key);
        return n == null ? null : element(json, p, n);
      }
      if (t == null) {
        throw JsonTree.invalid(json);
      }
      return null;
    } catch (IOException e) {
      throw JsonTree.invalid(json);
    }
  }

  private static String member(String json, JsonParser p, String key) throws IOException {
    String found = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      boolean match = key.equals(p.currentName());
      String value = value(json, p, p.nextToken());
      if (match) {
        found = value;
      }
    }
    return found;
  }

  private static String element(String json, JsonParser p, int index) throws IOException {
    List<String> elements = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (index >= 0 && elements.size() > index) {
        p.skipChildren();
        continue;
      }
      elements.add(value(json, p, t));
    }
    int at = index < 0 ? elements.size() + index : index;
    return at >= 0 && at < elements.size() ? elements.get(at) : null;
  }

  /** The text of the value starting at the current token, which is left at its last token. */
  private static String value(String json, JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw JsonTree.invalid(json);
    }
    int start = (int) p.currentTokenLocation().getCharOffset();
    if (t.isStructStart()) {
      p.skipChildren();
    } else {
      p.finishToken();
    }
    int end = (int) p.currentLocation().getCharOffset();
    return json.substring(start, end).strip();
  }

  private static Integer integer(String step) {
    try {
      return Integer.parseInt(step.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
