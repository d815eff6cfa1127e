package dev.mallard.catalog;

import dev.mallard.catalog.pg.PgCatalog;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBConnection;

/**
 * One database as clients name it: a single DuckDB instance in this process, shared by the
 * tenant's sessions, each of which gets its own connection through {@link
 * DuckDBConnection#duplicate()}.
 */
public final class Tenant implements AutoCloseable {
  private final String name;
  private final Path file;
  private final DuckDBConnection root;
  private final PgCatalog pgCatalog;
  private final AtomicInteger sessions = new AtomicInteger();

  private Tenant(String name, Path file, DuckDBConnection root, PgCatalog pgCatalog) {
    this.name = name;
    this.file = file;
    this.root = root;
    this.pgCatalog = pgCatalog;
  }

  static Tenant open(String name, Path file, Path extensionDirectory,
      PgCatalog.ServerObjects server) {
    try {
      Properties props = new Properties();
      // Results are streamed batch by batch; DuckDB must not materialize them first.
      props.setProperty("jdbc_stream_results", "true");
      // Extensions come from this directory (provisioned offline, or filled by INSTALL online).
      props.setProperty("extension_directory", extensionDirectory.toString());
      Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, props);
      try {
        PgCatalog pg = PgCatalog.install(c, name, server);
        return new Tenant(name, file, c.unwrap(DuckDBConnection.class), pg);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
    } catch (SQLException e) {
      throw new PgException(
          SqlState.IO_ERROR, "could not open database \"" + name + "\": " + e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  /** The pg_catalog / information_schema emulation installed in this tenant's instance. */
  public PgCatalog pgCatalog() {
    return pgCatalog;
  }

  public Path file() {
    return file;
  }

  /**
   * Rewrites the server-wide objects (roles, databases) in this tenant's pg_catalog in one
   * transaction, so that concurrent readers see the old rows or the new, never none.
   */
  public synchronized void refreshServerObjects(PgCatalog.ServerObjects server)
      throws SQLException {
    root.setAutoCommit(false);
    try {
      PgCatalog.refreshServerObjects(root, name, server);
      root.commit();
    } catch (SQLException | RuntimeException e) {
      root.rollback();
      throw e;
    } finally {
      root.setAutoCommit(true);
    }
  }

  /** A new connection to this tenant's DuckDB instance, for one session. */
  public DuckDBConnection connect() {
    try {
      DuckDBConnection c = (DuckDBConnection) root.duplicate();
      sessions.incrementAndGet();
      return c;
    } catch (SQLException e) {
      throw new PgException(SqlState.CONNECTION_FAILURE, "could not connect: " + e.getMessage(), e);
    }
  }

  /** Called when a session's connection is closed. */
  public void release() {
    sessions.decrementAndGet();
  }

  public int sessionCount() {
    return sessions.get();
  }

  @Override
  public void close() throws SQLException {
    root.close();
  }
}
