package dev.mallard.conformance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A fresh database in the reference PostgreSQL that scripts/pg-reference.sh runs (bin/test starts
 * it; PGREF_HOST, PGREF_PORT, PGREF_USER and PGREF_PASSWORD override its address). The server is
 * shared with other test runs, so each run works in a database of its own, named after its start
 * time, and drops it when done; databases left by runs killed more than a day ago are dropped too.
 */
final class ReferencePostgres implements AutoCloseable {
  private static final String PREFIX = "mallard_conformance_";

  final String host = env("PGREF_HOST", "127.0.0.1");
  final String port = env("PGREF_PORT", "55432");
  final String user = env("PGREF_USER", "postgres");
  final String password = env("PGREF_PASSWORD", "postgres");
  final String database;

  ReferencePostgres() throws SQLException {
    long now = TimeUnit.MILLISECONDS.toSeconds(System.currentTimeMillis());
    database = PREFIX + now + "_" + ThreadLocalRandom.current().nextInt(1_000_000);
    try (Connection admin = admin(); Statement s = admin.createStatement()) {
      for (String stale : staleDatabases(s, now)) {
        s.execute("DROP DATABASE IF EXISTS " + stale + " WITH (FORCE)");
      }
      // template0, byte-order collation (DuckDB's default) and UTF-8 character classes (so upper('é')
      // is 'É'): the same answers whatever the cluster's defaults are.
      s.execute("CREATE DATABASE " + database
          + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'");
    }
  }

  String url(Protocol protocol) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?"
        + protocol.urlParameters();
  }

  private Connection admin() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    String url = "jdbc:postgresql://" + host + ":" + port + "/postgres?sslmode=disable";
    try {
      return DriverManager.getConnection(url, p);
    } catch (SQLException e) {
      throw new SQLException("the reference PostgreSQL is not reachable at " + host + ":" + port
          + " (start it with scripts/pg-reference.sh start): " + e.getMessage(), e.getSQLState(), e);
    }
  }

  private static List<String> staleDatabases(Statement s, long now) throws SQLException {
    List<String> stale = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(
        "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
      while (rs.next()) {
        String name = rs.getString(1);
        String[] parts = name.substring(PREFIX.length()).split("_");
        try {
          if (now - Long.parseLong(parts[0]) > TimeUnit.DAYS.toSeconds(1)) {
            stale.add(name);
          }
        } catch (NumberFormatException e) {
          // Not one of ours.
        }
      }
    }
    return stale;
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = admin(); Statement s = admin.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
