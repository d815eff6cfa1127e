package dev.mallard.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The environment variables and flags that override {@code login-rate-limit} in the configuration
 * tree. Values are checked here so that an error names the variable or flag that gave them.
 */
final class LoginRateLimitSettings {
  static final String KEY = "login-rate-limit";

  private LoginRateLimitSettings() {}

  static void applyEnv(ObjectNode tree, Map<String, String> env) throws ConfigException {
    apply(tree,
        count(env.get(ConfigLoader.ENV_LOGIN_MAX_FAILURES), ConfigLoader.ENV_LOGIN_MAX_FAILURES),
        duration(env.get(ConfigLoader.ENV_LOGIN_FAILURE_WINDOW),
            ConfigLoader.ENV_LOGIN_FAILURE_WINDOW),
        duration(env.get(ConfigLoader.ENV_LOGIN_BAN_DURATION), ConfigLoader.ENV_LOGIN_BAN_DURATION));
  }

  static void applyFlags(ObjectNode tree, ConfigLoader.Flags flags) throws ConfigException {
    apply(tree, flags.loginMaxFailures(),
        duration(flags.loginFailureWindow(), "--login-failure-window"),
        duration(flags.loginBanDuration(), "--login-ban-duration"));
  }

  private static void apply(ObjectNode tree, Integer maxFailures, String window, String ban) {
    ObjectNode node = (ObjectNode) tree.get(KEY);
    if (maxFailures != null) {
      node.put("max-failures", maxFailures);
    }
    if (window != null) {
      node.put("window", window);
    }
    if (ban != null) {
      node.put("ban-duration", ban);
    }
  }

  private static Integer count(String text, String source) throws ConfigException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(source + " is not a whole number: \"" + text + "\"");
    }
  }

  /** The text, once known to be a duration; the tree keeps text and the mapper parses it again. */
  private static String duration(String text, String source) throws ConfigException {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      ConfigValues.parseDuration(text);
      return text.trim();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": " + e.getMessage());
    }
  }
}
