package dev.mallard.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * known-differences.txt: the entries that are known to differ from PostgreSQL, each with a category
 * and a reason. A line is {@code <id>[@simple|@extended] <category> <reason>}; without a protocol
 * suffix the entry is known to differ in both protocols. Blank lines and lines starting with # are
 * ignored.
 */
final class KnownDifferences {
  /** The categories a reason may have; the report counts failures by them. */
  static final Set<String> CATEGORIES = Set.of(
      "dialect", "types", "names", "errors", "output", "catalog", "deliberate", "transactions");

  /** Why an entry is known to differ. */
  record Known(String id, String category, String reason) {}

  private final Map<String, Known> byKey;

  private KnownDifferences(Map<String, Known> byKey) {
    this.byKey = byKey;
  }

  static KnownDifferences load(String resource) {
    Map<String, Known> byKey = new LinkedHashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(Corpus.resource(resource), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int number = 0;
    for (String line : lines) {
      number++;
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] parts = text.split("\\s+", 3);
      if (parts.length < 3 || !CATEGORIES.contains(parts[1])) {
        throw new IllegalStateException(resource + ":" + number
            + ": expected '<id>[@simple|@extended] <category> <reason>' with a category among "
            + CATEGORIES + ": " + text);
      }
      String[] idAndProtocol = parts[0].split("@", 2);
      List<Protocol> protocols = idAndProtocol.length == 1
          ? List.of(Protocol.values())
          : List.of(protocol(idAndProtocol[1], resource, number));
      for (Protocol p : protocols) {
        Known known = new Known(idAndProtocol[0], parts[1], parts[2]);
        if (byKey.put(key(known.id(), p), known) != null) {
          throw new IllegalStateException(resource + ":" + number + ": listed twice: " + parts[0]);
        }
      }
    }
    return new KnownDifferences(byKey);
  }

  private static Protocol protocol(String label, String resource, int number) {
    for (Protocol p : Protocol.values()) {
      if (p.label.equals(label)) {
        return p;
      }
    }
    throw new IllegalStateException(resource + ":" + number + ": unknown protocol " + label);
  }

  /** The listing for an entry in a protocol, or null. */
  Known get(String id, Protocol protocol) {
    return byKey.get(key(id, protocol));
  }

  /** Every listing that applies to a protocol. */
  List<Known> all(Protocol protocol) {
    return byKey.entrySet().stream()
        .filter(e -> e.getKey().endsWith("@" + protocol.label))
        .map(Map.Entry::getValue)
        .toList();
  }

  private static String key(String id, Protocol protocol) {
    return id + "@" + protocol.label;
  }
}
