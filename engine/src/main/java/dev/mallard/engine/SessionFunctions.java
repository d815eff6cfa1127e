package dev.mallard.engine;

/**
 * PostgreSQL functions whose answer is session state, called back from inside DuckDB queries:
 * current_setting and set_config. Implementations must be safe to call from DuckDB's threads
 * while the session waits for its statement.
 */
public interface SessionFunctions {
  /** current_setting(name [, missing_ok]); null only when missing_ok and unknown. */
  String currentSetting(String name, boolean missingOk);

  /** set_config(name, value, is_local): applies the setting and returns its new value. */
  String setConfig(String name, String value, boolean isLocal);
}
