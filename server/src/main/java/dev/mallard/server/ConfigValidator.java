package dev.mallard.server;

import dev.mallard.auth.scram.ScramVerifier;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/** Checks that a bound configuration makes sense as a whole, naming the offending key. */
final class ConfigValidator {
  private ConfigValidator() {}

  static void validate(MallardConfig c) throws ConfigException {
    require(c.host() != null && !c.host().isBlank(), "host must not be empty");
    require(c.port() >= 0 && c.port() <= 65535, "port must be between 0 and 65535, not " + c.port());
    Integer metricsPort = c.metrics().port();
    require(metricsPort == null || metricsPort >= 0 && metricsPort <= 65535,
        "metrics port must be between 0 and 65535, not " + metricsPort);
    require(c.dataDir() != null, "data-dir must be set");
    require(
        c.defaultDatabase() != null && !c.defaultDatabase().isBlank(),
        "default-database must not be empty");
    validateTls(c.tls());
    validateLimits(c.limits());
    validateLoginRateLimit(c.loginRateLimit());
    validateUsers(c);
    requireNonNegative(c.duckdb().tenantIdleTimeout(), "duckdb.tenant-idle-timeout");
    String style = c.duckdb().s3().urlStyle();
    require(style == null || style.equals("path") || style.equals("vhost"),
        "duckdb.s3.url-style must be path or vhost, not \"" + style + "\"");
  }

  private static void validateLoginRateLimit(MallardConfig.LoginRateLimit r) throws ConfigException {
    String key = LoginRateLimitSettings.KEY;
    require(r.maxFailures() >= 0, key + ".max-failures must be zero (off) or positive");
    if (r.maxFailures() > 0) {
      require(r.window() != null && r.window().compareTo(Duration.ZERO) > 0,
          key + ".window must be positive");
      require(r.banDuration() != null && r.banDuration().compareTo(Duration.ZERO) > 0,
          key + ".ban-duration must be positive");
      require(r.maxTrackedAddresses() >= 1, key + ".max-tracked-addresses must be at least 1");
    }
  }

  private static void validateTls(MallardConfig.Tls tls) throws ConfigException {
    require(tls != null && tls.mode() != null, "tls.mode must be set");
    require(
        (tls.certFile() == null) == (tls.keyFile() == null),
        "tls.cert-file and tls.key-file must be given together");
  }

  private static void validateLimits(MallardConfig.Limits l) throws ConfigException {
    require(l != null, "limits must be set");
    require(l.maxConnections() >= 1, "limits.max-connections must be at least 1");
    require(
        l.maxMessageSizeBytes() >= 1024 && l.maxMessageSizeBytes() <= Integer.MAX_VALUE,
        "limits.max-message-size-bytes must be between 1KiB and 2GiB - 1");
    requireNonNegative(l.idleSessionTimeout(), "limits.idle-session-timeout");
    requireNonNegative(l.shutdownGrace(), "limits.shutdown-grace");
    require(l.workerThreads() >= 1, "limits.worker-threads must be at least 1");
    require(l.arrowMemoryLimitBytes() > 0, "limits.arrow-memory-limit-bytes must be positive");
    require(
        l.perSessionMemoryLimitBytes() > 0
            && l.perSessionMemoryLimitBytes() <= l.arrowMemoryLimitBytes(),
        "limits.per-session-memory-limit-bytes must be positive and at most"
            + " limits.arrow-memory-limit-bytes");
  }

  private static void validateUsers(MallardConfig c) throws ConfigException {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < c.users().size(); i++) {
      MallardConfig.User u = c.users().get(i);
      String key = "users[" + i + "]";
      require(u != null && u.name() != null && !u.name().isBlank(), key + ".name must be set");
      require(
          !u.name().equals(BootstrapSuperuser.NAME),
          key + ": the superuser " + BootstrapSuperuser.NAME
              + " is not configured here; its password comes from MALLARD_PASSWORD or "
              + BootstrapSuperuser.FILE_NAME + " in the data directory");
      require(names.add(u.name()), key + ": user \"" + u.name() + "\" is listed twice");
      boolean hasPassword = u.password() != null;
      boolean hasVerifier = u.scramVerifier() != null;
      require(
          hasPassword != hasVerifier,
          key + " (" + u.name() + ") needs exactly one of password and scram-verifier");
      if (hasPassword) {
        require(!u.password().isEmpty(), key + ".password must not be empty");
      } else {
        try {
          ScramVerifier.parse(u.scramVerifier());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(
              key + ".scram-verifier is not a SCRAM-SHA-256 secret"
                  + " (SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>)");
        }
      }
    }
  }

  private static void requireNonNegative(Duration d, String key) throws ConfigException {
    require(d != null && !d.isNegative(), key + " must be zero or positive");
  }

  private static void require(boolean ok, String message) throws ConfigException {
    if (!ok) {
      throw new ConfigException(message);
    }
  }
}
