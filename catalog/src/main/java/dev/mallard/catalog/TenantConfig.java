package dev.mallard.catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the server runs its tenants' DuckDB instances.
 *
 * @param dataDir where DuckDB-file tenants ({@code <name>.duckdb}) and default DuckLake files live
 * @param extensionDirectory DuckDB's extension directory for every tenant instance
 * @param idleTimeout an instance with no sessions for this long is closed (reopened on next use);
 *     zero keeps instances open until shutdown
 * @param s3Defaults S3 options ({@code s3_endpoint}, {@code s3_region}, ...) for DuckLake data
 *     paths on S3 whose database does not give its own
 * @param guards whether a database without its own {@code sandbox} setting gets DuckDB's guards
 *     (see {@link TenantGuards}); off by default, so superusers keep full DuckDB power
 */
public record TenantConfig(Path dataDir, Path extensionDirectory, Duration idleTimeout,
    Map<String, String> s3Defaults, boolean guards) {

  public TenantConfig {
    s3Defaults = s3Defaults == null ? Map.of() : Map.copyOf(s3Defaults);
    idleTimeout = idleTimeout == null ? Duration.ZERO : idleTimeout;
  }

  public TenantConfig(Path dataDir, Path extensionDirectory, Duration idleTimeout,
      Map<String, String> s3Defaults) {
    this(dataDir, extensionDirectory, idleTimeout, s3Defaults, false);
  }

  /** Where a DuckDB-file tenant named {@code name} keeps its catalog. */
  public Path fileOf(String name) {
    return dataDir.resolve(name + ".duckdb");
  }
}
