package dev.mallard.session;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A session's configuration parameters, layered as in PostgreSQL: SET LOCAL values last until the
 * transaction ends and shadow session values, which shadow the defaults. Unknown names containing
 * a dot are placeholder settings (custom options) and accept any value.
 */
final class SessionSettings {
  private final Map<String, String> session = new HashMap<>();
  private final Map<String, String> local = new HashMap<>();
  private final Map<String, String> placeholderNames = new LinkedHashMap<>();
  private final Map<String, String> overriddenDefaults = new HashMap<>();

  /** Sets a read-only or per-session fact (is_superuser, session_authorization, ...). */
  void setFixed(String name, String value) {
    overriddenDefaults.put(key(name), value);
  }

  /** Value of a setting; 42704 when it is neither known nor a placeholder that was set. */
  String get(String name) {
    String k = key(name);
    String v = local.get(k);
    if (v == null) {
      v = session.get(k);
    }
    if (v != null) {
      return v;
    }
    String fixed = overriddenDefaults.get(k);
    if (fixed != null) {
      return fixed;
    }
    Setting s = KnownSettings.find(name);
    if (s == null) {
      if (placeholderNames.containsKey(k)) {
        return ""; // a placeholder that was reset, as PostgreSQL shows it
      }
      throw unrecognized(name);
    }
    return s.defaultValue();
  }

  /** Like {@link #get}, but null for an unknown name (current_setting(name, true)). */
  String getOrNull(String name) {
    try {
      return get(name);
    } catch (PgException e) {
      return null;
    }
  }

  /**
   * Validates and stores a value; returns the canonical value. {@code fromStartup} keeps unknown
   * names as placeholders, as the issue asks of startup packet parameters.
   */
  String set(String name, String value, boolean isLocal, boolean fromStartup) {
    Setting s = KnownSettings.find(name);
    String k = key(name);
    String canonical;
    if (s != null) {
      canonical = s.validate(value);
    } else if (name.contains(".") || fromStartup) {
      canonical = value;
      placeholderNames.putIfAbsent(k, name);
    } else {
      throw unrecognized(name);
    }
    if (fromStartup) {
      // Startup values are what RESET, RESET ALL and DISCARD ALL return to, as in PostgreSQL.
      overriddenDefaults.put(k, canonical);
      return canonical;
    }
    (isLocal ? local : session).put(k, canonical);
    if (!isLocal) {
      local.remove(k);
    }
    return canonical;
  }

  /** RESET: back to the default (or the startup value, which PostgreSQL treats as the default). */
  void reset(String name) {
    String k = key(name);
    Setting s = KnownSettings.find(name);
    if (s == null && !placeholderNames.containsKey(k)) {
      throw unrecognized(name);
    }
    if (s != null && s.readOnly()) {
      throw new PgException("55P02", "parameter \"" + s.name() + "\" cannot be changed");
    }
    session.remove(k);
    local.remove(k);
  }

  void resetAll() {
    session.clear();
    local.clear();
  }

  /** Session values as they were at BEGIN; a ROLLBACK restores them, as in PostgreSQL. */
  private Map<String, String> atTransactionStart;

  void beginTransaction() {
    atTransactionStart = new HashMap<>(session);
  }

  /**
   * Called at COMMIT/ROLLBACK: SET LOCAL values end with their transaction, and a rolled-back
   * transaction takes its plain SETs with it.
   */
  void endTransaction(boolean committed) {
    local.clear();
    if (!committed && atTransactionStart != null) {
      session.clear();
      session.putAll(atTransactionStart);
    }
    atTransactionStart = null;
  }

  /** The session's and the transaction's values at one moment (a savepoint). */
  record Snapshot(Map<String, String> session, Map<String, String> local) {}

  Snapshot snapshot() {
    return new Snapshot(new HashMap<>(session), new HashMap<>(local));
  }

  /** ROLLBACK TO SAVEPOINT: SETs made since the savepoint are undone, as in PostgreSQL. */
  void restore(Snapshot snapshot) {
    session.clear();
    session.putAll(snapshot.session());
    local.clear();
    local.putAll(snapshot.local());
  }

  /** Name as it should be shown (canonical for known settings). */
  static String displayName(String name) {
    Setting s = KnownSettings.find(name);
    return s == null ? name.toLowerCase(Locale.ROOT) : s.name();
  }

  static boolean isReported(String name) {
    Setting s = KnownSettings.find(name);
    return s != null && s.reported();
  }

  /** The reported settings and their current values, for the startup ParameterStatus burst. */
  List<Map.Entry<String, String>> reportedValues() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Setting s : KnownSettings.all()) {
      if (s.reported()) {
        out.add(Map.entry(s.name(), get(s.name())));
      }
    }
    return out;
  }

  /** All settings for SHOW ALL: name, value, description. */
  List<String[]> showAll() {
    List<String[]> rows = new ArrayList<>();
    for (Setting s : KnownSettings.all()) {
      rows.add(new String[] {s.name(), get(s.name()), s.description()});
    }
    for (Map.Entry<String, String> p : placeholderNames.entrySet()) {
      rows.add(new String[] {p.getValue(), get(p.getKey()), ""});
    }
    rows.sort((a, b) -> a[0].compareToIgnoreCase(b[0]));
    return rows;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static PgException unrecognized(String name) {
    return new PgException(
        SqlState.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
  }
}
