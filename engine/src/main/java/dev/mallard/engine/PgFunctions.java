package dev.mallard.engine;

import dev.mallard.wire.error.PgException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import dev.mallard.engine.sql.JsonFunctions;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;

/**
 * current_setting() and set_config() for DuckDB. Java scalar functions registered once per
 * DuckDB instance take a session id; each session's connection gets TEMP macros with PostgreSQL's
 * names and signatures that pass its own id, so the call reaches that session's settings.
 * Errors travel through DuckDB as "[SQLSTATE] message" and are turned back into that SQLSTATE.
 */
final class PgFunctions {
  private static final Map<Long, SessionFunctions> SESSIONS = new ConcurrentHashMap<>();
  private static final Set<Object> INSTALLED = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<>()));
  private static final AtomicLong IDS = new AtomicLong();

  private PgFunctions() {}

  /** Installs the functions into the instance (once) and the macros into this connection. */
  static long bind(Object instance, DuckDBConnection connection, SessionFunctions functions)
      throws SQLException {
    install(instance, connection);
    long id = IDS.incrementAndGet();
    SESSIONS.put(id, functions);
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP MACRO current_setting(setting_name) AS "
          + "mallard_current_setting(" + id + ", setting_name, false), "
          + "(setting_name, missing_ok) AS mallard_current_setting(" + id + ", setting_name, missing_ok)");
      s.execute("CREATE OR REPLACE TEMP MACRO set_config(setting_name, new_value, is_local) AS "
          + "mallard_set_config(" + id + ", setting_name, new_value, is_local)");
    }
    AdvisoryLocks.bind(connection, instance, id);
    return id;
  }

  /**
   * Registers the instance's Java functions, once per instance; before a session's macros, which
   * DuckDB binds when they are created (the JSON ones call {@link JsonFunctions}).
   */
  static void install(Object instance, DuckDBConnection connection) throws SQLException {
    synchronized (INSTALLED) {
      if (!INSTALLED.contains(instance)) {
        register(connection);
        AdvisoryLocks.register(connection);
        JsonFunctions.register(connection);
        INSTALLED.add(instance);
      }
    }
  }

  /** Ends the session's share of these functions: its advisory locks are released. */
  static void unbind(long id) {
    SESSIONS.remove(id);
    AdvisoryLocks.releaseAll(id);
  }

  static boolean isBound(long id) {
    return SESSIONS.containsKey(id);
  }

  private static void register(DuckDBConnection connection) throws SQLException {
    DuckDBFunctions.scalarFunction()
        .withName("mallard_current_setting")
        .withParameters(Long.class, String.class, Boolean.class)
        .withReturnType(String.class)
        .withVolatile()
        .withVectorizedFunction((in, out) -> {
          DuckDBReadableVector ids = in.vector(0);
          DuckDBReadableVector names = in.vector(1);
          DuckDBReadableVector missingOk = in.vector(2);
          for (long r = 0; r < in.rowCount(); r++) {
            if (names.isNull(r)) {
              out.setNull(r);
              continue;
            }
            String v;
            try {
              v = call(ids.getLong(r)).currentSetting(
                  names.getString(r), !missingOk.isNull(r) && missingOk.getBoolean(r));
            } catch (PgException e) {
              throw carry(e);
            }
            if (v == null) {
              out.setNull(r);
            } else {
              out.setString(r, v);
            }
          }
        })
        .register(connection);
    DuckDBFunctions.scalarFunction()
        .withName("mallard_set_config")
        .withParameters(Long.class, String.class, String.class, Boolean.class)
        .withReturnType(String.class)
        .withVolatile()
        .withVectorizedFunction((in, out) -> {
          DuckDBReadableVector ids = in.vector(0);
          DuckDBReadableVector names = in.vector(1);
          DuckDBReadableVector values = in.vector(2);
          DuckDBReadableVector local = in.vector(3);
          for (long r = 0; r < in.rowCount(); r++) {
            String value = values.isNull(r) ? null : values.getString(r);
            try {
              out.setString(r, call(ids.getLong(r)).setConfig(
                  names.getString(r), value, !local.isNull(r) && local.getBoolean(r)));
            } catch (PgException e) {
              throw carry(e);
            }
          }
        })
        .register(connection);
  }

  private static SessionFunctions call(long id) {
    SessionFunctions f = SESSIONS.get(id);
    if (f == null) {
      throw new IllegalStateException("[XX000] session " + id + " has ended");
    }
    return f;
  }

  /** Wraps a PgException so its SQLSTATE survives the trip through DuckDB. */
  static RuntimeException carry(PgException e) {
    return new IllegalArgumentException("[" + e.sqlState() + "] " + e.getMessage());
  }
}
