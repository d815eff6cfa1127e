package dev.mallard.engine.copy;

import dev.mallard.engine.DuckDbErrors;
import dev.mallard.engine.Identifiers;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.types.DuckDbTypeMapping;
import dev.mallard.wire.types.ParameterDecoder;
import dev.mallard.wire.types.PgType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Where COPY FROM STDIN rows go. Rows are appended with DuckDB's appender into a temporary
 * staging table of text columns (plus the line number); at the end one INSERT ... SELECT casts
 * them into the target table. That single statement makes the COPY all-or-nothing, lets DuckDB's
 * vectorized casts do the parsing, fills omitted columns with their defaults, and on a bad value
 * lets us find the first offending line with TRY_CAST.
 */
public final class CopySink implements AutoCloseable {
  private final DuckDBConnection connection;
  private final CopyStatement statement;
  private final List<String> columns;
  private final List<String> duckTypes;
  private final CopyValues[] values;
  private final String staging;
  private final DuckDBAppender appender;
  /**
   * DuckDB's appender checks that one thread uses it; a session's work moves between pool threads
   * (one at a time), so the appender's confinement is released and every use takes this lock.
   */
  private final java.util.concurrent.locks.Lock appenderLock;
  private long rows;

  private CopySink(DuckDBConnection connection, CopyStatement statement, List<String> columns,
      List<String> duckTypes, CopyValues[] values, String staging, DuckDBAppender appender) {
    this.connection = connection;
    this.statement = statement;
    this.columns = columns;
    this.duckTypes = duckTypes;
    this.values = values;
    this.staging = staging;
    this.appender = appender;
    this.appenderLock = appender.unsafeBreakThreadConfinement();
  }

  public static CopySink open(DuckDBConnection connection, CopyStatement statement, ParameterDecoder decoder) {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    String probe = "SELECT * FROM " + statement.table() + " LIMIT 0";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(probe)) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i));
        types.add(md.getColumnTypeName(i));
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
    List<String> columns = statement.columns().isEmpty() ? names : statement.columns();
    List<String> duckTypes = new ArrayList<>();
    for (String c : columns) {
      int i = indexOfIgnoreCase(names, c);
      if (i < 0) {
        throw new PgException(SqlState.UNDEFINED_COLUMN,
            "column \"" + c + "\" of relation \"" + statement.table() + "\" does not exist");
      }
      duckTypes.add(types.get(i));
    }
    boolean binary = statement.options().format() == dev.mallard.wire.copy.CopyFormat.BINARY;
    CopyValues[] values = new CopyValues[columns.size()];
    StringBuilder ddl = new StringBuilder();
    String staging = "__mallard_copy_" + UUID.randomUUID().toString().replace("-", "");
    ddl.append("CREATE TEMP TABLE ").append(staging).append(" (line BIGINT");
    for (int i = 0; i < columns.size(); i++) {
      PgType pg = DuckDbTypeMapping.forDuckDbType(duckTypes.get(i)).type();
      values[i] = new CopyValues(pg, binary, decoder);
      ddl.append(", c").append(i).append(duckTypes.get(i).equals("BLOB") ? " BLOB" : " VARCHAR");
    }
    ddl.append(')');
    try (Statement s = connection.createStatement()) {
      s.execute(ddl.toString());
      DuckDBAppender appender = connection.createAppender("temp", "main", staging);
      return new CopySink(connection, statement, columns, duckTypes, values, staging, appender);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
  }

  private static int indexOfIgnoreCase(List<String> names, String name) {
    int i = names.indexOf(name);
    if (i >= 0) {
      return i;
    }
    for (int j = 0; j < names.size(); j++) {
      if (names.get(j).equalsIgnoreCase(name)) {
        return j;
      }
    }
    return -1;
  }

  /** Columns the COPY data holds, in order. */
  public List<String> columns() {
    return columns;
  }

  /** Appends one parsed row; conversion problems surface as 22P02 naming the line. */
  public void row(long line, byte[][] fields) {
    appenderLock.lock();
    try {
      appender.beginRow();
      appender.append(line);
      for (int i = 0; i < fields.length; i++) {
        Object v;
        try {
          v = values[i].convert(fields[i]);
        } catch (PgException e) {
          throw e.withWhere(context(line) + ", column " + columns.get(i));
        }
        if (v == null) {
          appender.appendNull();
        } else if (v instanceof byte[] bytes) {
          appender.appendByteArray(bytes);
        } else {
          appender.append((String) v);
        }
      }
      appender.endRow();
      rows++;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    } finally {
      appenderLock.unlock();
    }
  }

  /** Moves the staged rows into the table in one statement; returns the row count. */
  public long finish() {
    closeAppender();
    StringBuilder insert = new StringBuilder("INSERT INTO ").append(statement.table()).append(" (");
    StringBuilder select = new StringBuilder(" SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        insert.append(", ");
        select.append(", ");
      }
      insert.append(Identifiers.quote(columns.get(i)));
      select.append("CAST(c").append(i).append(" AS ").append(duckTypes.get(i)).append(')');
    }
    insert.append(')').append(select).append(" FROM temp.main.").append(staging).append(" ORDER BY line");
    try (Statement s = connection.createStatement()) {
      s.execute(insert.toString());
      return rows;
    } catch (SQLException e) {
      PgException pg = DuckDbErrors.translate(e, null);
      throw locateBadValue(pg);
    }
  }

  /** For a failed cast, names the first line and column whose value does not convert. */
  private PgException locateBadValue(PgException failure) {
    long bestLine = Long.MAX_VALUE;
    String where = null;
    String bad = null;
    for (int i = 0; i < columns.size(); i++) {
      String q = "SELECT line, c" + i + " FROM temp.main." + staging + " WHERE c" + i
          + " IS NOT NULL AND TRY_CAST(c" + i + " AS " + duckTypes.get(i) + ") IS NULL ORDER BY line LIMIT 1";
      try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(q)) {
        if (rs.next() && rs.getLong(1) < bestLine) {
          bestLine = rs.getLong(1);
          bad = rs.getString(2);
          where = context(bestLine) + ", column " + columns.get(i) + ": \"" + bad + "\"";
        }
      } catch (SQLException e) {
        // keep looking at other columns; the original failure is reported either way
      }
    }
    if (where == null) {
      return failure.withWhere(context(0));
    }
    return new PgException(SqlState.INVALID_TEXT_REPRESENTATION, failure.getMessage()).withWhere(where);
  }

  /** PostgreSQL's CONTEXT for COPY errors: "COPY t, line 3". */
  public String context(long line) {
    return line > 0 ? "COPY " + statement.table() + ", line " + line : "COPY " + statement.table();
  }

  private void closeAppender() {
    appenderLock.lock();
    try {
      if (!appender.isClosed()) {
        appender.close();
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    } finally {
      appenderLock.unlock();
    }
  }

  @Override
  public void close() {
    try {
      closeAppender();
    } catch (PgException e) {
      // the staging table is dropped next; nothing of it is kept
    }
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE IF EXISTS temp.main." + staging);
    } catch (SQLException e) {
      // a temporary table disappears with the connection anyway
    }
  }
}
