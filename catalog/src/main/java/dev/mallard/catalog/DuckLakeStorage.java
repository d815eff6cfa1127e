package dev.mallard.catalog;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where a DuckLake tenant keeps its catalog, and the DuckDB statements that reach it: the
 * metadata store as DuckLake spells it after {@code ducklake:} ({@code postgres:dbname=...},
 * {@code sqlite:/path/meta.sqlite}, or a DuckDB file path), the data path (a directory or an
 * {@code s3://} URL) and the S3 credentials, which become a temporary DuckDB secret of the
 * tenant's own instance (never written to DuckDB's persistent secret directory).
 */
public final class DuckLakeStorage {
  public static final String METADATA = "metadata";
  public static final String DATA_PATH = "data_path";
  public static final String METADATA_SCHEMA = "metadata_schema";
  /** S3-compatible storage: option name → DuckDB secret parameter. */
  public static final Map<String, String> S3_OPTIONS = Map.of(
      "s3_endpoint", "ENDPOINT", "s3_region", "REGION", "s3_key_id", "KEY_ID",
      "s3_secret", "SECRET", "s3_session_token", "SESSION_TOKEN", "s3_url_style", "URL_STYLE",
      "s3_use_ssl", "USE_SSL");
  private static final Set<String> URL_STYLES = Set.of("path", "vhost");

  private DuckLakeStorage() {}

  /** Every option a DuckLake database may have. */
  public static boolean isOption(String name) {
    return name.equals(METADATA) || name.equals(DATA_PATH) || name.equals(METADATA_SCHEMA)
        || S3_OPTIONS.containsKey(name);
  }

  /**
   * The options to store for a new DuckLake database: by default the metadata is a DuckDB file
   * {@code <dataDir>/<name>.ducklake} and the data files go to {@code <dataDir>/<name>.files/};
   * relative local paths are taken from the data directory, so that the server's working
   * directory does not matter.
   */
  public static Map<String, String> resolve(String name, Map<String, String> given, Path dataDir) {
    Map<String, String> o = new TreeMap<>(given);
    String metadata = o.getOrDefault(METADATA, dataDir.resolve(name + ".ducklake").toString());
    if (metadata.startsWith("sqlite:")) {
      metadata = "sqlite:" + local(metadata.substring("sqlite:".length()), dataDir);
    } else if (!metadata.startsWith("postgres:")) {
      metadata = local(metadata.startsWith("duckdb:") ? metadata.substring(7) : metadata, dataDir);
    }
    o.put(METADATA, metadata);
    String data = o.getOrDefault(DATA_PATH, dataDir.resolve(name + ".files").toString());
    if (!isRemote(data)) {
      data = local(data, dataDir);
    }
    o.put(DATA_PATH, data.endsWith("/") ? data : data + "/");
    String style = o.get("s3_url_style");
    if (style != null && !URL_STYLES.contains(style.toLowerCase(Locale.ROOT))) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for option \"s3_url_style\": \"" + style + "\" (path or vhost)");
    }
    String ssl = o.get("s3_use_ssl");
    if (ssl != null && !Set.of("true", "false").contains(ssl.toLowerCase(Locale.ROOT))) {
      throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
          "option \"s3_use_ssl\" requires a Boolean value");
    }
    return o;
  }

  private static String local(String path, Path dataDir) {
    return dataDir.resolve(path).toAbsolutePath().normalize().toString();
  }

  private static boolean isRemote(String path) {
    return path.matches("(?i)(s3|s3a|s3n|r2|gcs|gs|https?)://.*");
  }

  /**
   * The statements that attach the lake as {@code alias} in a fresh instance: the extensions its
   * metadata store needs, the S3 secret when credentials are given, then the ATTACH. {@code
   * defaults} are server-wide S3 options used where the database gives none.
   */
  public static List<String> attachStatements(String alias, Map<String, String> options,
      Map<String, String> defaults) {
    List<String> sql = new ArrayList<>();
    String metadata = options.get(METADATA);
    sql.add("LOAD ducklake");
    if (metadata.startsWith("postgres:")) {
      sql.add("LOAD postgres_scanner");
    } else if (metadata.startsWith("sqlite:")) {
      sql.add("LOAD sqlite_scanner");
    }
    String data = options.get(DATA_PATH);
    if (isRemote(data)) {
      sql.add("LOAD httpfs");
      secret(data, options, defaults).ifPresent(sql::add);
    }
    StringBuilder attach = new StringBuilder("ATTACH ").append(literal("ducklake:" + metadata))
        .append(" AS ").append(identifier(alias)).append(" (DATA_PATH ").append(literal(data));
    if (options.containsKey(METADATA_SCHEMA)) {
      attach.append(", METADATA_SCHEMA ").append(literal(options.get(METADATA_SCHEMA)));
    }
    sql.add(attach.append(')').toString());
    return sql;
  }

  /**
   * CREATE TEMPORARY SECRET for the data path's bucket from the S3 options (the database's, else
   * the server's defaults); empty when neither names any, leaving DuckDB's own credential chain.
   */
  static java.util.Optional<String> secret(String dataPath, Map<String, String> options,
      Map<String, String> defaults) {
    Map<String, String> merged = new TreeMap<>();
    for (String key : S3_OPTIONS.keySet()) {
      String value = options.getOrDefault(key, defaults.get(key));
      if (value != null) {
        merged.put(key, value);
      }
    }
    if (merged.isEmpty()) {
      return java.util.Optional.empty();
    }
    StringBuilder sql = new StringBuilder("CREATE OR REPLACE TEMPORARY SECRET mallard_lake (TYPE s3");
    for (Map.Entry<String, String> e : merged.entrySet()) {
      sql.append(", ").append(S3_OPTIONS.get(e.getKey())).append(' ');
      sql.append(e.getKey().equals("s3_use_ssl")
          ? Boolean.toString(Boolean.parseBoolean(e.getValue())) : literal(e.getValue()));
    }
    sql.append(", SCOPE ").append(literal(bucketOf(dataPath))).append(')');
    return java.util.Optional.of(sql.toString());
  }

  /** {@code s3://bucket/prefix/} → {@code s3://bucket}: the secret covers the whole bucket. */
  static String bucketOf(String url) {
    int scheme = url.indexOf("://") + 3;
    int slash = url.indexOf('/', scheme);
    return slash < 0 ? url : url.substring(0, slash);
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
