package dev.mallard.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.mallard.server.MallardConfig.TlsMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds a {@link MallardConfig} from, in increasing precedence: the defaults, a YAML file (kebab-case
 * keys, see {@code server/mallard.example.yaml}), environment variables and command-line flags.
 * Each layer is merged as a tree over the one below, so a file only names what it changes.
 */
public final class ConfigLoader {
  public static final String ENV_CONFIG = "MALLARD_CONFIG";
  public static final String ENV_HOST = "MALLARD_HOST";
  public static final String ENV_PORT = "MALLARD_PORT";
  public static final String ENV_DATA_DIR = "MALLARD_DATA_DIR";
  public static final String ENV_TLS_MODE = "MALLARD_TLS_MODE";
  public static final String ENV_METRICS_PORT = "MALLARD_METRICS_PORT";
  public static final String ENV_EXTENSION_DIR = "MALLARD_EXTENSION_DIR";
  public static final String ENV_LOGIN_MAX_FAILURES = "MALLARD_LOGIN_MAX_FAILURES";
  public static final String ENV_LOGIN_FAILURE_WINDOW = "MALLARD_LOGIN_FAILURE_WINDOW";
  public static final String ENV_LOGIN_BAN_DURATION = "MALLARD_LOGIN_BAN_DURATION";
  public static final String ENV_TENANT_IDLE_TIMEOUT = "MALLARD_TENANT_IDLE_TIMEOUT";
  public static final String ENV_TENANT_GUARDS = "MALLARD_TENANT_GUARDS";

  /** Command-line flags; null means "not given". Durations are text such as {@code 30s}. */
  public record Flags(
      Path config,
      String host,
      Integer port,
      Path dataDir,
      TlsMode tlsMode,
      Integer metricsPort,
      Integer loginMaxFailures,
      String loginFailureWindow,
      String loginBanDuration,
      String tenantIdleTimeout,
      Boolean tenantGuards) {
    public Flags(Path config, String host, Integer port, Path dataDir, TlsMode tlsMode,
        Integer metricsPort, Integer loginMaxFailures, String loginFailureWindow,
        String loginBanDuration, String tenantIdleTimeout) {
      this(config, host, port, dataDir, tlsMode, metricsPort, loginMaxFailures,
          loginFailureWindow, loginBanDuration, tenantIdleTimeout, null);
    }

    public Flags(
        Path config, String host, Integer port, Path dataDir, TlsMode tlsMode, Integer metricsPort) {
      this(config, host, port, dataDir, tlsMode, metricsPort, null, null, null);
    }

    public Flags(Path config, String host, Integer port, Path dataDir, TlsMode tlsMode,
        Integer metricsPort, Integer loginMaxFailures, String loginFailureWindow,
        String loginBanDuration) {
      this(config, host, port, dataDir, tlsMode, metricsPort, loginMaxFailures,
          loginFailureWindow, loginBanDuration, null);
    }

    public static Flags none() {
      return new Flags(null, null, null, null, null, null);
    }
  }

  private static final ObjectMapper MAPPER =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .registerModule(ConfigValues.jacksonModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private ConfigLoader() {}

  /** Loads the configuration; {@code env} is normally {@code System.getenv()}. */
  public static MallardConfig load(Flags flags, Map<String, String> env) throws ConfigException {
    ObjectNode tree = MAPPER.valueToTree(MallardConfig.defaults());
    Path file = flags.config() != null ? flags.config() : pathOrNull(env.get(ENV_CONFIG));
    String source = "defaults";
    boolean perSessionGiven = false;
    if (file != null) {
      ObjectNode fileTree = readFile(file);
      perSessionGiven = fileTree.path("limits").has("per-session-memory-limit-bytes");
      merge(tree, fileTree);
      source = file.toString();
    }
    applyEnv(tree, env);
    LoginRateLimitSettings.applyEnv(tree, env);
    apply(tree, flags.host(), flags.port(), flags.dataDir(), flags.tlsMode());
    applyMetricsPort(tree, flags.metricsPort());
    LoginRateLimitSettings.applyFlags(tree, flags);
    applyTenantIdleTimeout(tree, flags.tenantIdleTimeout());
    applyTenantGuards(tree, flags.tenantGuards() == null ? null : flags.tenantGuards().toString());
    MallardConfig config = bind(tree, source);
    if (!perSessionGiven) {
      config = withDefaultPerSessionLimit(config);
    }
    ConfigValidator.validate(config);
    return config;
  }

  /** Unless configured, one session may use a quarter of the (possibly configured) Arrow limit. */
  private static MallardConfig withDefaultPerSessionLimit(MallardConfig c) {
    MallardConfig.Limits l = c.limits();
    return c.withLimits(
        new MallardConfig.Limits(
            l.maxConnections(),
            l.maxMessageSizeBytes(),
            l.idleSessionTimeout(),
            l.shutdownGrace(),
            l.workerThreads(),
            l.arrowMemoryLimitBytes(),
            Math.max(1, l.arrowMemoryLimitBytes() / 4)));
  }

  private static ObjectNode readFile(Path file) throws ConfigException {
    JsonNode node;
    try {
      node = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException("configuration file " + file + " does not exist");
    } catch (JacksonException e) {
      throw new ConfigException(
          "configuration file " + file + " is not valid YAML: " + firstLine(e.getOriginalMessage())
              + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e, e);
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      return MAPPER.createObjectNode();
    }
    if (!node.isObject()) {
      throw new ConfigException("configuration file " + file + " must be a YAML mapping");
    }
    return (ObjectNode) node;
  }

  private static void applyEnv(ObjectNode tree, Map<String, String> env) throws ConfigException {
    Integer port = portFromEnv(env, ENV_PORT);
    applyMetricsPort(tree, portFromEnv(env, ENV_METRICS_PORT));
    applyTenantIdleTimeout(tree, blankToNull(env.get(ENV_TENANT_IDLE_TIMEOUT)));
    applyTenantGuards(tree, blankToNull(env.get(ENV_TENANT_GUARDS)));
    Path extensions = pathOrNull(env.get(ENV_EXTENSION_DIR));
    if (extensions != null) {
      ((ObjectNode) tree.get("duckdb")).put("extension-directory", extensions.toString());
    }
    TlsMode mode = null;
    String modeText = blankToNull(env.get(ENV_TLS_MODE));
    if (modeText != null) {
      try {
        mode = TlsMode.parse(modeText);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(ENV_TLS_MODE + ": " + e.getMessage());
      }
    }
    apply(tree, blankToNull(env.get(ENV_HOST)), port, pathOrNull(env.get(ENV_DATA_DIR)), mode);
  }

  private static Integer portFromEnv(Map<String, String> env, String name)
      throws ConfigException {
    String text = blankToNull(env.get(name));
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(name + " is not a port number: \"" + text + "\"");
    }
  }

  /** The text is checked when the tree is bound (a duration such as 30s, 5min or 0). */
  private static void applyTenantIdleTimeout(ObjectNode tree, String timeout) {
    if (timeout != null) {
      ((ObjectNode) tree.get("duckdb")).put("tenant-idle-timeout", timeout.trim());
    }
  }

  /** true or false; other text is refused when the tree is bound. */
  private static void applyTenantGuards(ObjectNode tree, String guards) {
    if (guards != null) {
      ((ObjectNode) tree.get("duckdb")).put("tenant-guards", guards.trim());
    }
  }

  private static void applyMetricsPort(ObjectNode tree, Integer port) {
    if (port != null) {
      ((ObjectNode) tree.get("metrics")).put("port", port);
    }
  }

  private static void apply(ObjectNode tree, String host, Integer port, Path dataDir, TlsMode mode) {
    if (host != null) {
      tree.put("host", host);
    }
    if (port != null) {
      tree.put("port", port);
    }
    if (dataDir != null) {
      tree.put("data-dir", dataDir.toString());
    }
    if (mode != null) {
      ((ObjectNode) tree.get("tls")).put("mode", mode.text());
    }
  }

  /** Overlays {@code overlay} on {@code base}: mappings merge key by key, anything else replaces. */
  private static void merge(ObjectNode base, ObjectNode overlay) {
    for (Map.Entry<String, JsonNode> field : overlay.properties()) {
      JsonNode current = base.get(field.getKey());
      JsonNode value = field.getValue();
      if (current != null && current.isObject() && value.isObject()) {
        merge((ObjectNode) current, (ObjectNode) value);
      } else if (!(current != null && current.isObject() && value.isNull())) {
        base.set(field.getKey(), value);
      }
    }
  }

  private static MallardConfig bind(ObjectNode tree, String source) throws ConfigException {
    if (tree.get("users") instanceof ArrayNode users) {
      for (JsonNode user : users) {
        if (user instanceof ObjectNode u && !u.has("superuser")) {
          u.put("superuser", false);
        }
      }
    }
    try {
      return MAPPER.treeToValue(tree, MallardConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream()
              .map(Object::toString)
              .collect(Collectors.toCollection(TreeSet::new))
              .toString();
      throw new ConfigException(
          "unknown configuration key \"" + keyPath(e) + "\" in " + source + " (known keys here: "
              + known.substring(1, known.length() - 1) + ")", e);
    } catch (JsonMappingException e) {
      throw new ConfigException("invalid value for \"" + keyPath(e) + "\" in " + source + ": "
          + rootMessage(e), e);
    } catch (JacksonException e) {
      throw new ConfigException("invalid configuration in " + source + ": " + rootMessage(e), e);
    }
  }

  /** {@code limits.max-connections}, {@code users[1].name}. */
  private static String keyPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return firstLine(
        t instanceof JacksonException je ? je.getOriginalMessage() : String.valueOf(t.getMessage()));
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Path pathOrNull(String s) {
    return blankToNull(s) == null ? null : Path.of(s.trim());
  }
}
