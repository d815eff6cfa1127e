package dev.mallard.session;

import dev.mallard.engine.Identifiers;
import java.util.ArrayList;
import java.util.List;

/** Parses a search_path value ("$user", public, "My Schema") into schema names. */
final class SearchPath {
  private SearchPath() {}

  static List<String> parse(String value) {
    List<String> schemas = new ArrayList<>();
    for (String part : value.split(",")) {
      String s = Identifiers.fold(part.strip());
      if (!s.isEmpty()) {
        schemas.add(s);
      }
    }
    return schemas;
  }
}
