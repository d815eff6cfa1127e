package dev.mallard.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The queries, read from {@code corpus/*.sql} on the test class path. Each file is one topic; an
 * entry starts at a line {@code -- @id name} and runs to the next one. Its id is
 * {@code <file name without .sql>.<name>}. An entry of one query (SELECT, VALUES, TABLE or WITH)
 * is run on its own in autocommit; any other entry (several statements, DML, DDL) runs in one
 * transaction that is rolled back afterwards, so no entry can change what another one sees.
 */
final class Corpus {
  private static final Pattern ID = Pattern.compile("^--\\s*@id\\s+([a-z0-9_]+)\\s*$");
  private static final Pattern QUERY =
      Pattern.compile("^\\s*\\(*\\s*(select|values|table|with)\\b", Pattern.CASE_INSENSITIVE);

  /** One entry: its statements in order. */
  record Entry(String id, List<String> statements) {
    boolean transactional() {
      return statements.size() > 1 || !QUERY.matcher(SqlText.code(statements.get(0))).find();
    }
  }

  private Corpus() {}

  static List<Entry> load() {
    Path dir = resource("corpus");
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        entries.addAll(parse(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> seen = new HashSet<>();
    for (Entry e : entries) {
      if (!seen.add(e.id())) {
        throw new IllegalStateException("corpus id used twice: " + e.id());
      }
    }
    return entries;
  }

  private static List<Entry> parse(Path file) throws IOException {
    String topic = file.getFileName().toString().replaceFirst("\\.sql$", "");
    List<Entry> entries = new ArrayList<>();
    String id = null;
    StringBuilder body = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Matcher m = ID.matcher(line);
      if (!m.matches() && line.startsWith("--") && line.contains("@id")) {
        // A mistyped id line would otherwise glue its query onto the previous entry.
        throw new IllegalStateException(file + ": malformed id line: " + line);
      }
      if (m.matches()) {
        addEntry(entries, file, id, body);
        id = topic + "." + m.group(1);
      } else if (id != null) {
        body.append(line).append('\n');
      }
    }
    addEntry(entries, file, id, body);
    return entries;
  }

  private static void addEntry(List<Entry> entries, Path file, String id, StringBuilder body) {
    if (id != null) {
      List<String> statements = SqlText.statements(body.toString());
      if (statements.isEmpty()) {
        throw new IllegalStateException(file + ": entry " + id + " has no statement");
      }
      entries.add(new Entry(id, statements));
    }
    body.setLength(0);
  }

  /** A file or directory under the test resources (a directory on disk when run by Maven). */
  static Path resource(String name) {
    URL url = Corpus.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("missing test resource " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
