package dev.mallard.session;

import java.util.ArrayList;
import java.util.List;

/** Parses a search_path value ("$user", public, "My Schema") into schema names. */
final class SearchPath {
  private SearchPath() {}

  static List<String> parse(String value) {
    List<String> schemas = new ArrayList<>();
    for (String part : value.split(",")) {
      String s = part.strip();
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
      } else {
        s = s.toLowerCase(java.util.Locale.ROOT);
      }
      if (!s.isEmpty()) {
        schemas.add(s);
      }
    }
    return schemas;
  }
}
