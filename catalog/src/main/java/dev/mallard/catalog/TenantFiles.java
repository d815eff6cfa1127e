package dev.mallard.catalog;

import dev.mallard.catalog.system.Databases;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of DuckDB-file tenants in the data directory ({@code <name>.duckdb} and its WAL), kept
 * consistent with the system catalog's databases across crashes: a DROP first renames the files
 * aside ({@code .dropped-<oid>}), then deletes the database's row, then the files; a start that
 * finds renamed files finishes that drop. Files present at start without a row are adopted,
 * which is how data directories from before the system catalog keep working.
 */
final class TenantFiles {
  private static final Logger log = LoggerFactory.getLogger(TenantFiles.class);
  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");
  /** DuckDB's own catalog names, which a tenant's catalog cannot take. */
  private static final Set<String> RESERVED = Set.of("system", "temp", "memory", "main");
  private static final String SUFFIX = ".duckdb";
  /** Option of a DuckDB-file database whose files still have its old name. */
  static final String RENAMED_FROM = "renamed_from";
  private static final Pattern DROPPED = Pattern.compile(".*\\.duckdb(\\.wal)?\\.dropped-(\\d+)");

  private final TenantConfig config;

  TenantFiles(TenantConfig config) {
    this.config = config;
    try {
      Files.createDirectories(config.dataDir());
    } catch (IOException e) {
      throw new IllegalStateException("cannot create data directory " + config.dataDir(), e);
    }
  }

  /**
   * 42602 for a name Mallard cannot serve: it names files in the data directory and DuckDB
   * catalogs, so it is limited to letters, digits, {@code _ . -} (not first) and 63 characters.
   */
  static void requireValidName(String name) {
    if (!VALID_NAME.matcher(name).matches() || name.contains("..")) {
      throw new PgException(SqlState.INVALID_NAME, "invalid database name \"" + name
          + "\": Mallard database names use letters, digits, _ . and - (up to 63 characters)");
    }
    if (RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT)) || name.startsWith("__")) {
      throw new PgException(SqlState.RESERVED_NAME,
          "database name \"" + name + "\" is reserved by DuckDB");
    }
  }

  boolean exists(String name) {
    return Files.exists(config.fileOf(name));
  }

  /** Records every {@code <name>.duckdb} of the data directory that has no row yet. */
  void adopt(Databases databases, int ownerOid) {
    Set<String> lakeFiles = new java.util.HashSet<>();
    for (Database d : databases.all().values()) {
      lakeFiles.add(d.options().getOrDefault(DuckLakeStorage.METADATA, ""));
    }
    for (Path file : list()) {
      String fileName = file.getFileName().toString();
      if (!fileName.endsWith(SUFFIX) || lakeFiles.contains(file.toAbsolutePath().toString())) {
        continue;
      }
      String name = fileName.substring(0, fileName.length() - SUFFIX.length());
      if (databases.find(name).isEmpty()) {
        adopt(name, databases, ownerOid);
      }
    }
  }

  /** Records {@code <name>.duckdb} as a database when the file exists and the name is valid. */
  void adopt(String name, Databases databases, int ownerOid) {
    if (VALID_NAME.matcher(name).matches() && !RESERVED.contains(name) && exists(name)) {
      log.info("adopting database {} from {}", name, config.fileOf(name));
      databases.create(Database.duckDb(name, ownerOid));
    }
  }

  /** Completes the drops whose files were renamed aside before a crash. */
  void finishDrops(Databases databases) {
    for (Path file : list()) {
      Matcher m = DROPPED.matcher(file.getFileName().toString());
      if (!m.matches()) {
        continue;
      }
      Optional<Database> unfinished = databases.find(Integer.parseInt(m.group(2)));
      if (unfinished.isPresent()) {
        log.info("finishing the interrupted drop of database {}", unfinished.get().name());
        deleteLive(unfinished.get().name());
        databases.drop(unfinished.get().oid());
      }
      deleteQuietly(file);
    }
  }

  /** Renames the files aside, deletes the row, then the files (see the class comment). */
  void dropAtomically(Database database, Databases databases) {
    List<Path> aside = new ArrayList<>();
    if (database.kind() == Database.Kind.DUCKDB) {
      for (Path live : liveFiles(database.name())) {
        if (Files.exists(live)) {
          Path target = live.resolveSibling(live.getFileName() + ".dropped-" + database.oid());
          move(live, target);
          aside.add(target);
        }
      }
    }
    databases.drop(database.oid());
    aside.forEach(TenantFiles::deleteQuietly);
  }

  /**
   * Renames a database's row, then its files. The row first records where the files were
   * ({@value #RENAMED_FROM}) in the same transaction as the new name, and forgets it once they
   * have moved, so a start after a crash in between finishes the move instead of adopting the
   * old file as another database.
   */
  Database rename(Database database, String newName, Databases databases) {
    if (database.kind() != Database.Kind.DUCKDB) {
      return databases.update(database.withName(newName));
    }
    Database journaled = databases.update(
        database.withName(newName).withOption(RENAMED_FROM, database.name()));
    try {
      return finishRename(journaled, databases);
    } catch (RuntimeException e) {
      List<Path> from = liveFiles(database.name());
      List<Path> to = liveFiles(newName);
      for (int i = 0; i < from.size(); i++) {
        if (Files.exists(to.get(i)) && !Files.exists(from.get(i))) {
          move(to.get(i), from.get(i));
        }
      }
      databases.update(database);
      throw e;
    }
  }

  /** Completes the renames a crash interrupted (see {@link #rename}). */
  void finishRenames(Databases databases) {
    for (Database d : databases.all().values()) {
      if (d.options().containsKey(RENAMED_FROM)) {
        log.info("finishing the interrupted rename of database {}", d.name());
        finishRename(d, databases);
      }
    }
  }

  private Database finishRename(Database d, Databases databases) {
    List<Path> from = liveFiles(d.options().get(RENAMED_FROM));
    List<Path> to = liveFiles(d.name());
    for (int i = 0; i < from.size(); i++) {
      if (Files.exists(from.get(i)) && !Files.exists(to.get(i))) {
        move(from.get(i), to.get(i));
      }
    }
    return databases.update(d.withOption(RENAMED_FROM, null));
  }

  /** Deletes a DuckDB tenant's files (a CREATE that could not be recorded). */
  void delete(Database database) {
    if (database.kind() == Database.Kind.DUCKDB) {
      deleteLive(database.name());
    }
  }

  private void deleteLive(String name) {
    liveFiles(name).forEach(TenantFiles::deleteQuietly);
  }

  private List<Path> liveFiles(String name) {
    Path file = config.fileOf(name);
    return List.of(file, file.resolveSibling(file.getFileName() + ".wal"));
  }

  private List<Path> list() {
    try (Stream<Path> s = Files.list(config.dataDir())) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new PgException(SqlState.IO_ERROR, "cannot list databases: " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new PgException(SqlState.IO_ERROR,
          "could not rename file \"" + from + "\" to \"" + to + "\": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("could not remove {}: {}", file, e.getMessage());
    }
  }
}
