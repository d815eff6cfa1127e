package dev.mallard.engine.sql;

import dev.mallard.engine.sql.JsonTree.Members;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's functions and operators that build a new json or jsonb value from another, on
 * values' text: each takes and returns text, jsonb's normalised text ({@link JsonTree#printJsonb})
 * for jsonb results. Their errors are PostgreSQL's (22023, 22P02).
 */
final class JsonbEdits {
  private JsonbEdits() {}

  /** {@code x::jsonb}: jsonb_in's normalisation of json text. */
  static String normalize(String json) {
    return JsonTree.printJsonb(JsonTree.jsonb(JsonTree.parse(json)));
  }

  /** json_strip_nulls: object members whose value is null removed, at every depth; compact. */
  static String stripNulls(String json) {
    return JsonTree.printCompact(withoutNulls(JsonTree.parse(json)));
  }

  static String stripNullsJsonb(String json) {
    return JsonTree.printJsonb(withoutNulls(JsonTree.jsonb(JsonTree.parse(json))));
  }

  private static Object withoutNulls(Object value) {
    if (value instanceof Members m) {
      List<Map.Entry<String, Object>> kept = new ArrayList<>();
      for (Map.Entry<String, Object> e : m.list()) {
        if (e.getValue() != JsonTree.NULL) {
          kept.add(Map.entry(e.getKey(), withoutNulls(e.getValue())));
        }
      }
      return new Members(kept);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(v -> out.add(withoutNulls(v)));
      return out;
    }
    return value;
  }

  /**
   * jsonb_set(target, path, new_value, create_missing): the value at path replaced (or, when
   * create_missing, added as the last step's key or array position); a path through a missing key
   * or a scalar leaves the target as it was.
   */
  static String set(String target, List<String> path, String newValue, boolean createMissing) {
    Object root = JsonTree.jsonb(JsonTree.parse(target));
    if (!(root instanceof Members) && !(root instanceof List)) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "cannot set path in scalar");
    }
    Object value = JsonTree.jsonb(JsonTree.parse(newValue));
    Object result = path.isEmpty() ? root : set(root, path, 0, value, createMissing);
    return JsonTree.printJsonb(JsonTree.jsonb(result));
  }

  private static Object set(Object node, List<String> path, int depth, Object value,
      boolean create) {
    String step = path.get(depth);
    boolean last = depth == path.size() - 1;
    if (node instanceof Members m) {
      List<Map.Entry<String, Object>> members = new ArrayList<>(m.list());
      for (int i = 0; i < members.size(); i++) {
        if (members.get(i).getKey().equals(step)) {
          Object replaced = last ? value : set(members.get(i).getValue(), path, depth + 1, value, create);
          members.set(i, Map.entry(step, replaced));
          return new Members(members);
        }
      }
      if (last && create) {
        members.add(Map.entry(step, value));
      }
      return new Members(members);
    }
    if (node instanceof List<?> list) {
      List<Object> elements = new ArrayList<>(list);
      int index = pathIndex(step, depth);
      int at = index < 0 ? elements.size() + index : index;
      if (at >= 0 && at < elements.size()) {
        elements.set(at, last ? value : set(elements.get(at), path, depth + 1, value, create));
      } else if (last && create) {
        elements.add(at < 0 ? 0 : elements.size(), value);
      }
      return elements;
    }
    return node;
  }

  private static int pathIndex(String step, int depth) {
    try {
      return Integer.parseInt(step.strip());
    } catch (NumberFormatException e) {
      throw new PgException(SqlState.INVALID_TEXT_REPRESENTATION, "path element at position "
          + (depth + 1) + " is not an integer: \"" + step + "\"");
    }
  }

  /**
   * jsonb - key (a string: that key of an object, or the equal strings of an array), jsonb - keys
   * (an array of strings) and jsonb - index (a number: that element of an array, from the end when
   * negative). {@code operand} is the right operand as JSON.
   */
  static String delete(String target, String operand) {
    Object root = JsonTree.jsonb(JsonTree.parse(target));
    Object what = JsonTree.parse(operand);
    if (what == JsonTree.NULL) {
      return null;
    }
    if (!(root instanceof Members) && !(root instanceof List)) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "cannot delete from scalar");
    }
    if (what instanceof JsonTree.Number n) {
      if (n.value().stripTrailingZeros().scale() > 0) {
        throw new PgException(SqlState.UNDEFINED_FUNCTION, "operator does not exist: jsonb - numeric");
      }
      return JsonTree.printJsonb(deleteIndex(root, n.value().intValue()));
    }
    List<Object> keys = what instanceof List<?> l ? new ArrayList<>(l) : List.of(what);
    if (root instanceof Members m) {
      List<Map.Entry<String, Object>> kept = new ArrayList<>(m.list());
      kept.removeIf(e -> keys.contains(e.getKey()));
      return JsonTree.printJsonb(new Members(kept));
    }
    List<Object> kept = new ArrayList<>((List<?>) root);
    kept.removeIf(e -> e instanceof String && keys.contains(e));
    return JsonTree.printJsonb(kept);
  }

  private static Object deleteIndex(Object root, int index) {
    if (root instanceof Members) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
          "cannot delete from object using integer index");
    }
    List<Object> elements = new ArrayList<>((List<?>) root);
    int at = index < 0 ? elements.size() + index : index;
    if (at >= 0 && at < elements.size()) {
      elements.remove(at);
    }
    return elements;
  }
}
