package dev.mallard.catalog.pg;

import dev.mallard.wire.types.DuckDbTypeMapping;
import dev.mallard.wire.types.PgColumnType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;

/**
 * The wire layer's DuckDB-to-PostgreSQL type mapping as SQL functions, so that pg_attribute's
 * atttypid/atttypmod and pg_proc's types are exactly what RowDescription sends for the same
 * DuckDB type: {@code mallard_pg_type_oid(duckdb_type_name)} and {@code
 * mallard_pg_typmod(duckdb_type_name)}.
 */
final class PgTypeFunctions {
  private static final Map<String, PgColumnType> CACHE = new ConcurrentHashMap<>();

  private PgTypeFunctions() {}

  static void register(Connection root) throws SQLException {
    DuckDBConnection duck = root.unwrap(DuckDBConnection.class);
    register(duck, "mallard_pg_type_oid", t -> t.type().oid());
    register(duck, "mallard_pg_typmod", PgColumnType::typmod);
  }

  private static void register(DuckDBConnection connection, String name,
      ToIntFunction<PgColumnType> part) throws SQLException {
    DuckDBFunctions.scalarFunction()
        .withName(name)
        .withParameters(String.class)
        .withReturnType(Integer.class)
        .withVectorizedFunction((in, out) -> {
          DuckDBReadableVector types = in.vector(0);
          for (long r = 0; r < in.rowCount(); r++) {
            if (types.isNull(r)) {
              out.setNull(r);
            } else {
              out.setInt(r, part.applyAsInt(mapping(types.getString(r))));
            }
          }
        })
        .register(connection);
  }

  private static PgColumnType mapping(String duckDbType) {
    return CACHE.computeIfAbsent(duckDbType, DuckDbTypeMapping::forDuckDbType);
  }
}
