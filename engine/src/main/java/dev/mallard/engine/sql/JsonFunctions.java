package dev.mallard.engine.sql;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.types.ArrayLiteral;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;

/**
 * The Java scalar functions behind PostgreSQL's json/jsonb functions and operators that DuckDB
 * cannot express (jsonb's normalised text, values' own text, jsonb_set, ...), registered once per
 * DuckDB instance. Each takes and returns VARCHAR (JSON text); the session macros and rules cast
 * to and from JSON. A NULL argument gives NULL; errors carry their SQLSTATE through DuckDB as
 * "[SQLSTATE] message".
 */
public final class JsonFunctions {
  static final String JSONB_IN = "mallard_jsonb_in";

  private JsonFunctions() {}

  public static void register(DuckDBConnection connection) throws SQLException {
    register(connection, JSONB_IN, a -> JsonbEdits.normalize(a[0]), 1);
    register(connection, "mallard_json_strip_nulls", a -> JsonbEdits.stripNulls(a[0]), 1);
    register(connection, "mallard_jsonb_strip_nulls", a -> JsonbEdits.stripNullsJsonb(a[0]), 1);
    register(connection, "mallard_jsonb_set",
        a -> JsonbEdits.set(a[0], steps(a[1]), a[2], Boolean.parseBoolean(a[3])), 4);
    register(connection, "mallard_jsonb_delete", a -> JsonbEdits.delete(a[0], a[1]), 2);
    register(connection, "mallard_jsonb_path_query_first", a -> JsonPathQuery.first(a[0], a[1]), 2);
    register(connection, "mallard_json_field", a -> JsonText.field(a[0], a[1]), 2);
    register(connection, "mallard_json_element",
        a -> JsonText.element(a[0], Integer.parseInt(a[1])), 2);
    register(connection, "mallard_json_path", a -> JsonText.path(a[0], steps(a[1])), 2);
  }

  /**
   * A path given as JSON: an array (a text[] argument, as to_json writes it) or a string holding
   * PostgreSQL's array text ({@code '{a,0,b}'}).
   */
  static List<String> steps(String json) {
    Object path = JsonTree.parse(json);
    List<String> steps = new ArrayList<>();
    if (path instanceof String text) {
      for (Object e : ArrayLiteral.parse(text, s -> s)) {
        steps.add(String.valueOf(e));
      }
    } else if (path instanceof List<?> list) {
      for (Object e : list) {
        steps.add(e instanceof JsonTree.Number n ? n.text() : String.valueOf(e));
      }
    }
    return steps;
  }

  private static void register(DuckDBConnection connection, String name,
      Function<String[], String> body, int arity) throws SQLException {
    Class<?>[] parameters = new Class<?>[arity];
    java.util.Arrays.fill(parameters, String.class);
    DuckDBFunctions.scalarFunction()
        .withName(name)
        .withParameters(parameters)
        .withReturnType(String.class)
        .withVectorizedFunction((in, out) -> {
          DuckDBReadableVector[] columns = new DuckDBReadableVector[arity];
          for (int c = 0; c < arity; c++) {
            columns[c] = in.vector(c);
          }
          String[] args = new String[arity];
          for (long r = 0; r < in.rowCount(); r++) {
            String result = null;
            boolean anyNull = false;
            for (int c = 0; c < arity; c++) {
              anyNull |= columns[c].isNull(r);
              args[c] = anyNull ? null : columns[c].getString(r);
            }
            if (!anyNull) {
              result = call(body, args);
            }
            if (result == null) {
              out.setNull(r);
            } else {
              out.setString(r, result);
            }
          }
        })
        .register(connection);
  }

  private static String call(Function<String[], String> body, String[] args) {
    try {
      return body.apply(args);
    } catch (PgException e) {
      throw new IllegalArgumentException("[" + e.sqlState() + "] " + e.getMessage());
    }
  }
}
