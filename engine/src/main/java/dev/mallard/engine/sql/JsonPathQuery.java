package dev.mallard.engine.sql;

import dev.mallard.engine.sql.JsonTree.Members;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jsonb_path_query_first for the accessor forms of SQL/JSON paths: {@code [lax|strict] $}
 * followed by {@code .key}, {@code ."key"}, {@code .*}, {@code [n]}, {@code [last]} and
 * {@code [*]}. Lax mode (the default) looks into arrays for keys and treats a non-array as an
 * array of one, and a missing key finds nothing; strict mode raises PostgreSQL's errors instead.
 * Filters, arithmetic and methods are refused with 0A000 rather than answered differently.
 */
final class JsonPathQuery {
  private static final Pattern STEP = Pattern.compile(
      "\\s*(?:\\.\\s*([A-Za-z_$][A-Za-z0-9_$]*)|\\.\\s*\"((?:[^\"\\\\]|\\\\.)*)\"|\\.\\s*(\\*)"
      + "|\\[\\s*(\\d+|last|\\*)\\s*\\])");
  private static final Pattern MODE = Pattern.compile("\\s*(lax|strict)?\\s*\\$(.*)", Pattern.DOTALL);

  private JsonPathQuery() {}

  /** The first item the path finds in the jsonb text, as jsonb text, or null when none. */
  static String first(String jsonb, String path) {
    Matcher mode = MODE.matcher(path);
    if (!mode.matches()) {
      throw unsupported(path);
    }
    boolean strict = "strict".equals(mode.group(1));
    List<Object> items = List.of(JsonTree.jsonb(JsonTree.parse(jsonb)));
    String rest = mode.group(2);
    Matcher step = STEP.matcher(rest);
    int at = 0;
    while (at < rest.length() && !rest.substring(at).isBlank()) {
      if (!step.find(at) || step.start() != at) {
        throw unsupported(path);
      }
      items = apply(items, step, strict);
      at = step.end();
    }
    return items.isEmpty() ? null : JsonTree.printJsonb(items.get(0));
  }

  private static List<Object> apply(List<Object> items, Matcher step, boolean strict) {
    List<Object> out = new ArrayList<>();
    for (Object item : items) {
      if (step.group(4) != null) {
        subscript(item, step.group(4), strict, out);
      } else {
        String key = step.group(1) != null ? step.group(1)
            : step.group(2) != null ? step.group(2).replaceAll("\\\\(.)", "$1") : null;
        member(item, key, strict, !strict, out);
      }
    }
    return out;
  }

  /** {@code .key} (or {@code .*} when key is null); lax mode looks into arrays, one level. */
  private static void member(Object item, String key, boolean strict, boolean unwrap,
      List<Object> out) {
    if (item instanceof List<?> list && unwrap) {
      list.forEach(e -> member(e, key, strict, false, out));
      return;
    }
    if (!(item instanceof Members m)) {
      if (strict) {
        throw new PgException("2203A", "jsonpath member accessor can only be applied to an object");
      }
      return;
    }
    int before = out.size();
    for (Map.Entry<String, Object> e : m.list()) {
      if (key == null || e.getKey().equals(key)) {
        out.add(e.getValue());
      }
    }
    if (strict && key != null && out.size() == before) {
      throw new PgException("2203A", "JSON object does not contain key \"" + key + "\"");
    }
  }

  private static void subscript(Object item, String index, boolean strict, List<Object> out) {
    if (!(item instanceof List<?>)) {
      if (strict) {
        throw new PgException("22039", "jsonpath array accessor can only be applied to an array");
      }
      item = List.of(item);
    }
    List<?> list = (List<?>) item;
    if (index.equals("*")) {
      out.addAll(list);
      return;
    }
    int at = index.equals("last") ? list.size() - 1 : Integer.parseInt(index);
    if (at >= 0 && at < list.size()) {
      out.add(list.get(at));
    } else if (strict) {
      throw new PgException("22033", "jsonpath array subscript is out of bounds");
    }
  }

  private static PgException unsupported(String path) {
    return new PgException(SqlState.FEATURE_NOT_SUPPORTED,
        "jsonpath \"" + path + "\" is not supported: only accessors ($, .key, [n], [*]) are");
  }
}
