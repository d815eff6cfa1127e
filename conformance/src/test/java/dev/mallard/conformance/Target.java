package dev.mallard.conformance;

import dev.mallard.conformance.Outcome.Column;
import dev.mallard.conformance.Outcome.Count;
import dev.mallard.conformance.Outcome.Failure;
import dev.mallard.conformance.Outcome.Rows;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.postgresql.core.Field;
import org.postgresql.jdbc.PgResultSetMetaData;

/**
 * One server reached through pgjdbc in one protocol mode; runs corpus entries and records what
 * the client saw. Keeps one connection and opens a new one when a statement broke it.
 */
final class Target implements AutoCloseable {
  /** Long enough for any corpus query on a loaded machine; pgjdbc cancels the statement after it. */
  private static final int QUERY_TIMEOUT_SECONDS = 30;
  private static final Method GET_FIELD = fieldAccessor();

  private final String url;
  private final Properties properties;
  private Connection connection;

  Target(String url, String user, String password) {
    this.url = url;
    this.properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
  }

  /** Runs setup statements (the fixture), failing on the first error. */
  void execute(List<String> statements) throws SQLException {
    try (Statement s = connection().createStatement()) {
      for (String sql : statements) {
        try {
          s.execute(sql);
        } catch (SQLException e) {
          throw new SQLException("fixture statement failed: " + sql + ": " + e.getMessage(),
              e.getSQLState(), e);
        }
      }
    }
  }

  List<Outcome> run(Corpus.Entry entry) throws SQLException {
    Connection c = connection();
    List<Outcome> outcomes = new ArrayList<>();
    if (entry.transactional()) {
      c.setAutoCommit(false);
    }
    try {
      for (String sql : entry.statements()) {
        outcomes.add(runOne(c, sql));
      }
    } finally {
      if (entry.transactional()) {
        endTransaction(c);
      }
      if (!c.isValid(5)) {
        reconnect();
      }
    }
    return outcomes;
  }

  private static final int BYTEA = 17;

  private static Outcome runOne(Connection c, String sql) {
    try (Statement s = c.createStatement()) {
      s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      if (!s.execute(sql)) {
        return new Count(s.getLargeUpdateCount());
      }
      try (ResultSet rs = s.getResultSet()) {
        return read(rs, SqlText.ordersResult(sql));
      }
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "(none)" : e.getSQLState();
      return new Failure(state, String.valueOf(e.getMessage()));
    }
  }

  /**
   * pgjdbc's getString of a bytea received in binary is the byte array's identity
   * ({@code [B@1b6d3586}), so bytea values are compared as PostgreSQL's hex text of their bytes.
   */
  private static String hex(byte[] bytes) {
    return bytes == null ? null : "\\x" + java.util.HexFormat.of().formatHex(bytes);
  }

  private static Rows read(ResultSet rs, boolean ordered) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<Column> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      Field f = field(md, i);
      columns.add(new Column(f.getColumnLabel(), f.getOID(), f.getFormat()));
    }
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        row.add(columns.get(i - 1).oid() == BYTEA ? hex(rs.getBytes(i)) : rs.getString(i));
      }
      rows.add(row);
    }
    return new Rows(columns, rows, ordered);
  }

  private void endTransaction(Connection c) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException e) {
      // The connection is unusable; run() replaces it.
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = DriverManager.getConnection(url, properties);
    }
    return connection;
  }

  private void reconnect() throws SQLException {
    close();
    connection();
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a broken connection; nothing to keep.
      }
      connection = null;
    }
  }

  /**
   * The RowDescription field of a column: its OID and format as sent. pgjdbc only exposes type
   * names, which it resolves through pg_type, and pg_type on Mallard is itself under test.
   */
  private static Field field(ResultSetMetaData md, int column) throws SQLException {
    try {
      return (Field) GET_FIELD.invoke(md.unwrap(PgResultSetMetaData.class), column);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("pgjdbc's PgResultSetMetaData.getField changed", e);
    }
  }

  private static Method fieldAccessor() {
    try {
      Method m = PgResultSetMetaData.class.getDeclaredMethod("getField", int.class);
      m.setAccessible(true);
      return m;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("pgjdbc's PgResultSetMetaData.getField is gone", e);
    }
  }
}
