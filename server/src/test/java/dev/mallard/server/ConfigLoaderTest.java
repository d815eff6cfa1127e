package dev.mallard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mallard.auth.scram.ScramVerifier;
import dev.mallard.server.MallardConfig.TlsMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path yaml(String text) throws IOException {
    Path file = dir.resolve("mallard.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static ConfigLoader.Flags configOnly(Path file) {
    return new ConfigLoader.Flags(file, null, null, null, null, null);
  }

  @Test
  void defaultsWithoutFileEnvOrFlags() throws Exception {
    MallardConfig c = ConfigLoader.load(ConfigLoader.Flags.none(), Map.of());
    assertEquals("127.0.0.1", c.host());
    assertEquals(5432, c.port());
    assertEquals(Path.of("data"), c.dataDir());
    assertEquals("postgres", c.defaultDatabase());
    assertEquals(TlsMode.PREFER, c.tls().mode());
    assertNull(c.tls().certFile());
    assertFalse(c.tls().allowCleartextPassword());
    assertEquals(100, c.limits().maxConnections());
    assertEquals(64L << 20, c.limits().maxMessageSizeBytes());
    assertEquals(Duration.ZERO, c.limits().idleSessionTimeout());
    assertEquals(Duration.ofSeconds(30), c.limits().shutdownGrace());
    assertEquals(32, c.limits().workerThreads());
    assertEquals(MallardConfig.Limits.defaults(), c.limits());
    assertTrue(c.users().isEmpty());
  }

  @Test
  void precedenceIsFlagsThenEnvThenFileThenDefaults() throws Exception {
    Path file =
        yaml(
            """
            host: 10.0.0.1
            port: 6000
            data-dir: /from/file
            default-database: analytics
            tls:
              mode: require
            """);
    Map<String, String> env =
        Map.of("MALLARD_PORT", "7000", "MALLARD_DATA_DIR", "/from/env", "MALLARD_TLS_MODE", "disable");
    var flags = new ConfigLoader.Flags(file, null, null, Path.of("/from/flag"), null, null);

    MallardConfig c = ConfigLoader.load(flags, env);

    assertEquals("10.0.0.1", c.host()); // file over default
    assertEquals(7000, c.port()); // env over file
    assertEquals(Path.of("/from/flag"), c.dataDir()); // flag over env
    assertEquals(TlsMode.DISABLE, c.tls().mode()); // env over file
    assertEquals("analytics", c.defaultDatabase()); // only in the file
    assertEquals(100, c.limits().maxConnections()); // default

    MallardConfig flagged =
        ConfigLoader.load(new ConfigLoader.Flags(file, "::1", 8000, null, TlsMode.PREFER, null), env);
    assertEquals("::1", flagged.host());
    assertEquals(8000, flagged.port());
    assertEquals(TlsMode.PREFER, flagged.tls().mode());
  }

  @Test
  void metricsEndpointIsOffUnlessAPortIsGiven() throws Exception {
    assertFalse(ConfigLoader.load(ConfigLoader.Flags.none(), Map.of()).metrics().enabled());
    Path file = yaml("metrics:\n  host: 0.0.0.0\n  port: 9000\n");
    MallardConfig fromFile = ConfigLoader.load(configOnly(file), Map.of());
    assertEquals(9000, fromFile.metrics().port());
    assertEquals("0.0.0.0", fromFile.metrics().host());
    Map<String, String> env = Map.of("MALLARD_METRICS_PORT", "9100");
    assertEquals(9100, ConfigLoader.load(configOnly(file), env).metrics().port());
    var flags = new ConfigLoader.Flags(file, null, null, null, null, 9200);
    assertEquals(9200, ConfigLoader.load(flags, env).metrics().port());
    assertThrows(ConfigException.class,
        () -> ConfigLoader.load(ConfigLoader.Flags.none(), Map.of("MALLARD_METRICS_PORT", "x")));
  }

  @Test
  void extensionDirectoryDefaultsToTheDataDirectory() throws Exception {
    MallardConfig d = ConfigLoader.load(ConfigLoader.Flags.none(), Map.of());
    assertEquals(d.dataDir().resolve("extensions"), d.extensionDirectory());
    Path file = yaml("duckdb:\n  extension-directory: /from/file\n");
    assertEquals(Path.of("/from/file"),
        ConfigLoader.load(configOnly(file), Map.of()).extensionDirectory());
    assertEquals(Path.of("/from/env"), ConfigLoader.load(configOnly(file),
        Map.of("MALLARD_EXTENSION_DIR", "/from/env")).extensionDirectory());
  }

  @Test
  void tenantIdleTimeoutAndS3FromFileEnvAndFlag() throws Exception {
    MallardConfig d = ConfigLoader.load(ConfigLoader.Flags.none(), Map.of());
    assertEquals(Duration.ofMinutes(5), d.duckdb().tenantIdleTimeout());
    assertEquals(Map.of(), d.duckdb().s3().asOptions());
    Path file = yaml("duckdb:\n  tenant-idle-timeout: 90s\n  s3:\n    endpoint: minio:9000\n"
        + "    key-id: k\n    secret: hush-hush\n    url-style: path\n    use-ssl: false\n");
    MallardConfig fromFile = ConfigLoader.load(configOnly(file), Map.of());
    assertEquals(Duration.ofSeconds(90), fromFile.duckdb().tenantIdleTimeout());
    assertEquals(Map.of("s3_endpoint", "minio:9000", "s3_key_id", "k", "s3_secret", "hush-hush",
        "s3_url_style", "path", "s3_use_ssl", "false"), fromFile.duckdb().s3().asOptions());
    assertFalse(fromFile.toString().contains("hush-hush"));
    Map<String, String> env = Map.of("MALLARD_TENANT_IDLE_TIMEOUT", "0");
    assertEquals(Duration.ZERO, ConfigLoader.load(configOnly(file), env).duckdb().tenantIdleTimeout());
    var flags = new ConfigLoader.Flags(file, null, null, null, null, null, null, null, null,
        "10min");
    assertEquals(Duration.ofMinutes(10), ConfigLoader.load(flags, env).duckdb().tenantIdleTimeout());
    assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigLoader.Flags.none(),
        Map.of("MALLARD_TENANT_IDLE_TIMEOUT", "soon")));
    assertThrows(ConfigException.class, () -> ConfigLoader.load(configOnly(
        yaml("duckdb:\n  s3:\n    url-style: sideways\n")), Map.of()));
  }

  @Test
  void tenantGuardsFromFileEnvAndFlag() throws Exception {
    assertFalse(ConfigLoader.load(ConfigLoader.Flags.none(), Map.of()).duckdb().tenantGuards());
    Path file = yaml("duckdb:\n  tenant-guards: true\n");
    assertTrue(ConfigLoader.load(configOnly(file), Map.of()).duckdb().tenantGuards());
    Map<String, String> env = Map.of("MALLARD_TENANT_GUARDS", "false");
    assertFalse(ConfigLoader.load(configOnly(file), env).duckdb().tenantGuards());
    var flags = new ConfigLoader.Flags(file, null, null, null, null, null, null, null, null,
        null, true);
    assertTrue(ConfigLoader.load(flags, env).duckdb().tenantGuards());
    assertThrows(ConfigException.class, () -> ConfigLoader.load(ConfigLoader.Flags.none(),
        Map.of("MALLARD_TENANT_GUARDS", "perhaps")));
  }

  @Test
  void configFileFromEnvironment() throws Exception {
    Path file = yaml("port: 6543\n");
    MallardConfig c =
        ConfigLoader.load(ConfigLoader.Flags.none(), Map.of("MALLARD_CONFIG", file.toString()));
    assertEquals(6543, c.port());
  }

  @Test
  void fullFileWithUnitsAndUsers() throws Exception {
    Path file =
        yaml(
            """
            tls:
              cert-file: /etc/mallard/server.crt
              key-file: /etc/mallard/server.key
              allow-cleartext-password: true
            limits:
              max-connections: 20
              max-message-size-bytes: 16MiB
              idle-session-timeout: 10min
              shutdown-grace: 500ms
              worker-threads: 4
              arrow-memory-limit-bytes: 2GiB
              per-session-memory-limit-bytes: 268435456
            users:
              - name: alice
                password: wonderland
              - name: bob
                scram-verifier: "%s"
                superuser: true
            """
                .formatted(ScramVerifier.create("secret").encode()));
    MallardConfig c = ConfigLoader.load(configOnly(file), Map.of());
    assertEquals(Path.of("/etc/mallard/server.crt"), c.tls().certFile());
    assertTrue(c.tls().allowCleartextPassword());
    assertEquals(TlsMode.PREFER, c.tls().mode()); // untouched key keeps its default
    assertEquals(20, c.limits().maxConnections());
    assertEquals(16L << 20, c.limits().maxMessageSizeBytes());
    assertEquals(Duration.ofMinutes(10), c.limits().idleSessionTimeout());
    assertEquals(Duration.ofMillis(500), c.limits().shutdownGrace());
    assertEquals(2L << 30, c.limits().arrowMemoryLimitBytes());
    assertEquals(256L << 20, c.limits().perSessionMemoryLimitBytes());
    assertEquals(2, c.users().size());
    assertEquals("wonderland", c.users().get(0).password());
    assertFalse(c.users().get(0).superuser());
    assertTrue(c.users().get(1).superuser());
    assertFalse(c.users().get(0).toString().contains("wonderland"), "passwords are never printed");
  }

  @Test
  void unknownKeyIsAClearError() throws Exception {
    Path file = yaml("limits:\n  max-conections: 5\n");
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(configOnly(file), Map.of()));
    assertTrue(e.getMessage().contains("unknown configuration key \"limits.max-conections\""), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("max-connections"), "lists the known keys: " + e.getMessage());
  }

  @Test
  void unknownTopLevelAndUserKeys() throws Exception {
    ConfigException top =
        assertThrows(
            ConfigException.class, () -> ConfigLoader.load(configOnly(yaml("prot: 1\n")), Map.of()));
    assertTrue(top.getMessage().contains("\"prot\""), top.getMessage());
    ConfigException user =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                    configOnly(yaml("users:\n  - name: a\n    pasword: x\n")), Map.of()));
    assertTrue(user.getMessage().contains("users[0].pasword"), user.getMessage());
  }

  @Test
  void badValuesAreClearErrors() throws Exception {
    assertMessage("tls:\n  mode: sometimes\n", "prefer, require or disable");
    assertMessage("limits:\n  shutdown-grace: soon\n", "not a duration");
    assertMessage("limits:\n  max-message-size-bytes: lots\n", "not a byte size");
    assertMessage("port: 70000\n", "port must be between 0 and 65535");
    assertMessage("tls:\n  cert-file: /a.crt\n", "must be given together");
    assertMessage("users:\n  - name: a\n", "exactly one of password and scram-verifier");
    assertMessage("users:\n  - name: postgres\n    password: x\n", "MALLARD_PASSWORD");
    assertMessage("users:\n  - name: a\n    scram-verifier: nope\n", "not a SCRAM-SHA-256 secret");
    assertMessage("- just\n- a list\n", "must be a YAML mapping");
    assertMessage("port: [\n", "not valid YAML");
  }

  @Test
  void badEnvironmentValues() {
    ConfigException port =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(ConfigLoader.Flags.none(), Map.of("MALLARD_PORT", "x")));
    assertTrue(port.getMessage().startsWith("MALLARD_PORT"), port.getMessage());
    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () -> ConfigLoader.load(configOnly(dir.resolve("absent.yaml")), Map.of()));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
  }

  @Test
  void perSessionLimitFollowsAConfiguredArrowLimit() throws Exception {
    MallardConfig c =
        ConfigLoader.load(configOnly(yaml("limits:\n  arrow-memory-limit-bytes: 64MiB\n")), Map.of());
    assertEquals(16L << 20, c.limits().perSessionMemoryLimitBytes());
  }

  @Test
  void emptyFileMeansDefaults() throws Exception {
    assertEquals(5432, ConfigLoader.load(configOnly(yaml("# nothing\n")), Map.of()).port());
  }

  @Test
  void exampleFileLoads() throws Exception {
    // server/mallard.example.yaml documents every key; it must stay loadable.
    Path example = Path.of("mallard.example.yaml");
    MallardConfig c = ConfigLoader.load(configOnly(example), Map.of());
    assertEquals(5432, c.port());
  }

  private void assertMessage(String yamlText, String expected) throws IOException {
    Path file = yaml(yamlText);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigLoader.load(configOnly(file), Map.of()));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void loginRateLimitFromDefaultsFileEnvAndFlags() throws Exception {
    MallardConfig d = ConfigLoader.load(ConfigLoader.Flags.none(), Map.of());
    assertEquals(new MallardConfig.LoginRateLimit(10, Duration.ofSeconds(60), Duration.ofMinutes(5),
        100_000), d.loginRateLimit());
    Path file = yaml("""
        login-rate-limit:
          max-failures: 5
          window: 30s
          ban-duration: 1h
          max-tracked-addresses: 1000
        """);
    MallardConfig fromFile = ConfigLoader.load(configOnly(file), Map.of());
    assertEquals(new MallardConfig.LoginRateLimit(5, Duration.ofSeconds(30), Duration.ofHours(1),
        1000), fromFile.loginRateLimit());
    Map<String, String> env = Map.of("MALLARD_LOGIN_MAX_FAILURES", "3",
        "MALLARD_LOGIN_FAILURE_WINDOW", "2min", "MALLARD_LOGIN_BAN_DURATION", "10s");
    MallardConfig fromEnv = ConfigLoader.load(configOnly(file), env);
    assertEquals(new MallardConfig.LoginRateLimit(3, Duration.ofMinutes(2), Duration.ofSeconds(10),
        1000), fromEnv.loginRateLimit());
    var flags = new ConfigLoader.Flags(file, null, null, null, null, null, 0, "1s", "2s");
    MallardConfig fromFlags = ConfigLoader.load(flags, env);
    assertEquals(0, fromFlags.loginRateLimit().maxFailures());
    assertFalse(fromFlags.loginRateLimit().policy().enabled());
    assertEquals(Duration.ofSeconds(1), fromFlags.loginRateLimit().window());
    assertEquals(Duration.ofSeconds(2), fromFlags.loginRateLimit().banDuration());
  }

  @Test
  void badLoginRateLimitValuesAreClearErrors() throws Exception {
    assertMessage("login-rate-limit:\n  max-failures: -1\n", "login-rate-limit.max-failures");
    assertMessage("login-rate-limit:\n  window: 0\n", "login-rate-limit.window must be positive");
    assertMessage("login-rate-limit:\n  ban-duration: later\n", "not a duration");
    ConfigException env = assertThrows(ConfigException.class, () -> ConfigLoader.load(
        ConfigLoader.Flags.none(), Map.of("MALLARD_LOGIN_MAX_FAILURES", "ten")));
    assertTrue(env.getMessage().contains("MALLARD_LOGIN_MAX_FAILURES"), env.getMessage());
    ConfigException flag = assertThrows(ConfigException.class, () -> ConfigLoader.load(
        new ConfigLoader.Flags(null, null, null, null, null, null, null, "soon", null), Map.of()));
    assertTrue(flag.getMessage().contains("--login-failure-window"), flag.getMessage());
  }
}
