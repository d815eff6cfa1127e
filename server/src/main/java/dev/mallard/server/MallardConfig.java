package dev.mallard.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.mallard.auth.ratelimit.LoginRateLimiter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The server's whole configuration, immutable once loaded. {@link ConfigLoader} builds it from
 * defaults, a YAML file, environment variables and command-line flags; the YAML keys are the
 * kebab-case forms of the component names ({@code data-dir}, {@code max-connections}).
 *
 * @param host address to listen on
 * @param port TCP port; 0 picks a free one
 * @param dataDir where tenants' DuckDB files, the TLS material and the bootstrap password live
 * @param defaultDatabase database created at start-up so that a fresh server can be used at once
 * @param tls how connections are encrypted
 * @param limits resource limits
 * @param users login roles besides the bootstrap superuser {@code postgres}
 * @param metrics the HTTP endpoint for Prometheus metrics and health checks
 * @param duckdb settings of the DuckDB instances that hold the tenants
 * @param loginRateLimit when a client address is banned after failed logins
 */
public record MallardConfig(
    String host,
    int port,
    Path dataDir,
    String defaultDatabase,
    Tls tls,
    Limits limits,
    List<User> users,
    Metrics metrics,
    DuckDb duckdb,
    LoginRateLimit loginRateLimit) {

  public MallardConfig {
    users = users == null ? List.of() : List.copyOf(users);
    metrics = metrics == null ? Metrics.disabled() : metrics;
    duckdb = duckdb == null ? DuckDb.defaults() : duckdb;
    loginRateLimit = loginRateLimit == null ? LoginRateLimit.defaults() : loginRateLimit;
  }

  /** A configuration with the default login rate limit. */
  public MallardConfig(String host, int port, Path dataDir, String defaultDatabase, Tls tls,
      Limits limits, List<User> users, Metrics metrics, DuckDb duckdb) {
    this(host, port, dataDir, defaultDatabase, tls, limits, users, metrics, duckdb,
        LoginRateLimit.defaults());
  }

  /** A configuration without the metrics endpoint and with DuckDB's defaults. */
  public MallardConfig(String host, int port, Path dataDir, String defaultDatabase, Tls tls,
      Limits limits, List<User> users) {
    this(host, port, dataDir, defaultDatabase, tls, limits, users, Metrics.disabled(),
        DuckDb.defaults(), LoginRateLimit.defaults());
  }

  /** The same configuration with other limits. */
  public MallardConfig withLimits(Limits newLimits) {
    return new MallardConfig(
        host, port, dataDir, defaultDatabase, tls, newLimits, users, metrics, duckdb,
        loginRateLimit);
  }

  /** The same configuration with another login rate limit. */
  public MallardConfig withLoginRateLimit(LoginRateLimit newLimit) {
    return new MallardConfig(
        host, port, dataDir, defaultDatabase, tls, limits, users, metrics, duckdb, newLimit);
  }

  /** Where DuckDB keeps extensions: as configured, else {@code <dataDir>/extensions}. */
  public Path extensionDirectory() {
    return duckdb.extensionDirectory() != null
        ? duckdb.extensionDirectory() : dataDir.resolve("extensions");
  }

  /** The defaults: a loopback server on 5432 with data in ./data and TLS offered. */
  public static MallardConfig defaults() {
    return new MallardConfig(
        "127.0.0.1", 5432, Path.of("data"), "postgres", Tls.defaults(), Limits.defaults(), List.of());
  }

  /** Whether TLS is offered to clients, and whether it is mandatory. */
  public enum TlsMode {
    /** TLS offered; clients may still connect without it. */
    PREFER,
    /** Sessions that did not negotiate TLS are refused. */
    REQUIRE,
    /** SSLRequest is answered 'N'. */
    DISABLE;

    @JsonCreator
    public static TlsMode parse(String text) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "TLS mode must be prefer, require or disable, not \"" + text + "\"");
      }
    }

    @JsonValue
    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param mode prefer, require or disable
   * @param certFile PEM certificate (chain); with keyFile unset, a self-signed pair is generated
   *     into {@code <dataDir>/tls/} on first start
   * @param keyFile PEM private key for certFile
   * @param allowCleartextPassword on TLS connections, ask for a cleartext password instead of SCRAM
   *     (for clients without SCRAM support)
   */
  public record Tls(TlsMode mode, Path certFile, Path keyFile, boolean allowCleartextPassword) {
    public static Tls defaults() {
      return new Tls(TlsMode.PREFER, null, null, false);
    }
  }

  /**
   * @param maxConnections sessions allowed at once
   * @param maxMessageSizeBytes largest frontend message accepted
   * @param idleSessionTimeout close sessions idle outside a transaction this long; zero disables
   * @param shutdownGrace how long running queries may go on once shutdown begins
   * @param workerThreads threads that run statements off the event loop
   * @param arrowMemoryLimitBytes Arrow memory shared by all result streams
   * @param perSessionMemoryLimitBytes Arrow memory one session may hold
   */
  public record Limits(
      int maxConnections,
      @JsonDeserialize(using = ConfigValues.ByteSizeDeserializer.class) long maxMessageSizeBytes,
      Duration idleSessionTimeout,
      Duration shutdownGrace,
      int workerThreads,
      @JsonDeserialize(using = ConfigValues.ByteSizeDeserializer.class) long arrowMemoryLimitBytes,
      @JsonDeserialize(using = ConfigValues.ByteSizeDeserializer.class)
          long perSessionMemoryLimitBytes) {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;

    /**
     * Arrow memory defaults to a quarter of the JVM's maximum heap (itself a quarter of the
     * machine's memory unless -Xmx says otherwise), between 256 MiB and 4 GiB; it only holds the
     * batches in flight, not whole results. One session may use a quarter of that.
     */
    public static Limits defaults() {
      long arrow = Math.max(256 * MIB, Math.min(4 * GIB, Runtime.getRuntime().maxMemory() / 4));
      return new Limits(
          100, 64 * MIB, Duration.ZERO, Duration.ofSeconds(30), 32, arrow, arrow / 4);
    }
  }

  /**
   * The HTTP endpoint serving {@code /metrics} (Prometheus text format) and {@code /health}.
   *
   * @param host address to listen on; unset means the server's own host
   * @param port TCP port; unset disables the endpoint, 0 picks a free one
   */
  public record Metrics(String host, Integer port) {
    public static Metrics disabled() {
      return new Metrics(null, null);
    }

    public boolean enabled() {
      return port != null;
    }
  }

  /**
   * @param extensionDirectory DuckDB's extension directory; unset means {@code
   *     <dataDir>/extensions}. Online, DuckDB installs extensions there from its repository;
   *     offline, provision it with {@code scripts/provision-extensions.sh}.
   * @param tenantIdleTimeout a database's DuckDB instance with no sessions for this long is
   *     closed (and reopened on next use); zero keeps instances open
   * @param s3 S3-compatible storage for DuckLake data paths on {@code s3://}, used where a
   *     database's own options give none
   * @param tenantGuards whether databases without their own {@code sandbox} setting run with
   *     DuckDB's guards (no file, URL or extension outside the tenant, for superusers too)
   */
  public record DuckDb(Path extensionDirectory, Duration tenantIdleTimeout, S3 s3,
      Boolean tenantGuards) {
    public static final Duration DEFAULT_TENANT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    public DuckDb {
      tenantIdleTimeout = tenantIdleTimeout == null ? DEFAULT_TENANT_IDLE_TIMEOUT : tenantIdleTimeout;
      tenantGuards = tenantGuards != null && tenantGuards;
      s3 = s3 == null ? S3.none() : s3;
    }

    public DuckDb(Path extensionDirectory, Duration tenantIdleTimeout, S3 s3) {
      this(extensionDirectory, tenantIdleTimeout, s3, false);
    }

    public DuckDb(Path extensionDirectory) {
      this(extensionDirectory, DEFAULT_TENANT_IDLE_TIMEOUT, S3.none());
    }

    public static DuckDb defaults() {
      return new DuckDb(null);
    }
  }

  /**
   * Default access to S3-compatible object storage for DuckLake data paths, turned into a DuckDB
   * secret of each DuckLake tenant's instance. The secret is kept out of toString.
   */
  public record S3(String endpoint, String region, String keyId, String secret, String urlStyle,
      Boolean useSsl) {
    public static S3 none() {
      return new S3(null, null, null, null, null, null);
    }

    /** As DuckLake database options ({@code s3_endpoint}, ...), leaving out what is unset. */
    public java.util.Map<String, String> asOptions() {
      java.util.Map<String, String> o = new java.util.TreeMap<>();
      put(o, "s3_endpoint", endpoint);
      put(o, "s3_region", region);
      put(o, "s3_key_id", keyId);
      put(o, "s3_secret", secret);
      put(o, "s3_url_style", urlStyle);
      put(o, "s3_use_ssl", useSsl == null ? null : useSsl.toString());
      return o;
    }

    private static void put(java.util.Map<String, String> o, String key, String value) {
      if (value != null) {
        o.put(key, value);
      }
    }

    @Override
    public String toString() {
      return "S3[endpoint=" + endpoint + ", region=" + region + "]";
    }
  }

  /**
   * Failed-login rate limiting per client address: {@code maxFailures} failed logins within
   * {@code window} ban the address for {@code banDuration}; its logins are then refused (28000)
   * before any password is checked.
   *
   * @param maxFailures failures that ban an address; 0 disables rate limiting
   * @param window how far back failures count
   * @param banDuration how long a banned address is refused
   * @param maxTrackedAddresses most client addresses remembered at once (bounds memory)
   */
  public record LoginRateLimit(
      int maxFailures, Duration window, Duration banDuration, int maxTrackedAddresses) {
    /** 10 failures within 60 seconds ban an address for 5 minutes. */
    public static LoginRateLimit defaults() {
      LoginRateLimiter.Policy p = LoginRateLimiter.Policy.defaults();
      return new LoginRateLimit(
          p.maxFailures(), p.window(), p.banDuration(), p.maxTrackedAddresses());
    }

    public LoginRateLimiter.Policy policy() {
      return new LoginRateLimiter.Policy(maxFailures, window, banDuration, maxTrackedAddresses);
    }
  }

  /**
   * A login role from the configuration. Exactly one of password (plaintext, turned into a SCRAM
   * verifier at start-up and never logged) and scramVerifier is set.
   */
  public record User(String name, String password, String scramVerifier, boolean superuser) {
    @Override
    public String toString() {
      return "User[name=" + name + ", superuser=" + superuser + "]";
    }
  }
}
