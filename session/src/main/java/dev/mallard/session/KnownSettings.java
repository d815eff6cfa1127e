package dev.mallard.session;

import static dev.mallard.session.Setting.any;
import static dev.mallard.session.Setting.bool;
import static dev.mallard.session.Setting.integer;
import static dev.mallard.session.Setting.oneOf;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.types.IntervalStyle;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The table of PostgreSQL settings Mallard understands, with PostgreSQL's defaults. Settings
 * marked reported are the GUC_REPORT ones: clients get a ParameterStatus when they change.
 */
final class KnownSettings {
  private static final Map<String, Setting> BY_NAME = new LinkedHashMap<>();

  private KnownSettings() {}

  static {
    reported("application_name", "", any(), "Sets the application name to be reported.");
    reported("client_encoding", "UTF8", KnownSettings::clientEncoding, "Sets the client's character set encoding.");
    reported("DateStyle", "ISO, MDY", KnownSettings::dateStyle, "Sets the display format for date and time values.");
    reported("IntervalStyle", "postgres", KnownSettings::intervalStyle, "Sets the display format for interval values.");
    reported("TimeZone", "UTC", KnownSettings::timeZone, "Sets the time zone for displaying and interpreting time stamps.");
    reported("standard_conforming_strings", "on", KnownSettings::standardStrings, "Causes '...' strings to treat backslashes literally.");
    reported("default_transaction_read_only", "off", bool("default_transaction_read_only"), "Sets the default read-only status of new transactions.");
    readOnly("integer_datetimes", "on", true, "Shows whether datetimes are integer based.");
    readOnly("server_encoding", "UTF8", true, "Shows the server (database) character set encoding.");
    readOnly("server_version", "16.4", true, "Shows the server version.");
    readOnly("server_version_num", "160004", false, "Shows the server version as an integer.");
    readOnly("is_superuser", "off", true, "Shows whether the current user is a superuser.");
    readOnly("session_authorization", "", true, "Shows the session user name.");
    readOnly("in_hot_standby", "off", true, "Shows whether hot standby is currently active.");
    readOnly("max_identifier_length", "63", false, "Shows the maximum identifier length.");
    readOnly("block_size", "8192", false, "Shows the size of a disk block.");
    readOnly("max_connections", "100", false, "Sets the maximum number of concurrent connections.");
    readOnly("ssl", "off", false, "Enables SSL connections.");
    readOnly("lc_collate", "C", false, "Shows the collation order locale.");
    readOnly("lc_ctype", "C", false, "Shows the character classification and case conversion locale.");
    plain("search_path", "\"$user\", public", any(), "Sets the schema search order for names that are not schema-qualified.");
    plain("statement_timeout", "0", duration("statement_timeout"), "Sets the maximum allowed duration of any statement.");
    plain("lock_timeout", "0", duration("lock_timeout"), "Sets the maximum allowed duration of any wait for a lock.");
    plain("idle_in_transaction_session_timeout", "0", duration("idle_in_transaction_session_timeout"), "Sets the maximum allowed idle time between queries, when in a transaction.");
    plain("idle_session_timeout", "0", duration("idle_session_timeout"), "Sets the maximum allowed idle time between queries, when not in a transaction.");
    plain("extra_float_digits", "1", integer("extra_float_digits", -15, 3), "Sets the number of digits displayed for floating-point values.");
    plain("transaction_isolation", "read committed", isolation("transaction_isolation"), "Sets the current transaction's isolation level.");
    plain("default_transaction_isolation", "read committed", isolation("default_transaction_isolation"), "Sets the transaction isolation level of each new transaction.");
    plain("transaction_read_only", "off", bool("transaction_read_only"), "Sets the current transaction's read-only status.");
    plain("client_min_messages", "notice", oneOf("client_min_messages", "debug5", "debug4", "debug3", "debug2", "debug1", "log", "notice", "warning", "error"), "Sets the message levels that are sent to the client.");
    plain("bytea_output", "hex", oneOf("bytea_output", "hex"), "Sets the output format for bytea.");
    plain("lc_messages", "C", any(), "Sets the language in which messages are displayed.");
    plain("lc_monetary", "C", any(), "Sets the locale for formatting monetary amounts.");
    plain("lc_numeric", "C", any(), "Sets the locale for formatting numbers.");
    // psql's \password asks for it to pick how to hash; Mallard stores only SCRAM-SHA-256.
    plain("password_encryption", "scram-sha-256", oneOf("password_encryption", "scram-sha-256"), "Chooses the algorithm for encrypting passwords.");
    // SQLAlchemy's table reflection compares pg_am.amname with it; heap is pg_class.relam 2.
    plain("default_table_access_method", "heap", oneOf("default_table_access_method", "heap"), "Sets the default table access method for new tables.");
    plain("lc_time", "C", any(), "Sets the locale for formatting date and time values.");
    plain("timezone_abbreviations", "Default", any(), "Selects a file of time zone abbreviations.");
    plain("row_security", "on", bool("row_security"), "Enable row security.");
    plain("synchronous_commit", "on", any(), "Sets the current transaction's synchronization level.");
    plain("jit", "on", bool("jit"), "Allow JIT compilation.");
    plain("work_mem", "4MB", any(), "Sets the maximum memory to be used for query workspaces.");
    plain("geqo", "on", bool("geqo"), "Enables genetic query optimization.");
    plain("escape_string_warning", "on", bool("escape_string_warning"), "Warn about backslash escapes in ordinary string literals.");
  }

  static Setting find(String name) {
    return BY_NAME.get(name.toLowerCase(Locale.ROOT));
  }

  static Iterable<Setting> all() {
    return BY_NAME.values();
  }

  private static void reported(String name, String def, java.util.function.UnaryOperator<String> v, String d) {
    add(new Setting(name, def, false, true, d, v));
  }

  private static void readOnly(String name, String def, boolean reported, String d) {
    add(new Setting(name, def, true, reported, d, any()));
  }

  private static void plain(String name, String def, java.util.function.UnaryOperator<String> v, String d) {
    add(new Setting(name, def, false, false, d, v));
  }

  private static void add(Setting s) {
    BY_NAME.put(s.name().toLowerCase(Locale.ROOT), s);
  }

  private static String clientEncoding(String v) {
    // PostgreSQL's clean_encoding_name: only letters and digits count ('utf-8', "'UTF8'", utf_8).
    String norm = v.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    switch (norm) {
      case "UTF8": case "UNICODE":
        return "UTF8";
      case "SQLASCII":
        return "SQL_ASCII"; // no conversion, as PostgreSQL does for SQL_ASCII
      default:
        throw new PgException(
            SqlState.FEATURE_NOT_SUPPORTED,
            "conversion between " + v.strip() + " and UTF8 is not supported");
    }
  }

  private static String dateStyle(String v) {
    String upper = v.toUpperCase(Locale.ROOT);
    if (!upper.contains("ISO") && (upper.contains("SQL") || upper.contains("POSTGRES") || upper.contains("GERMAN"))) {
      throw new PgException(
          SqlState.FEATURE_NOT_SUPPORTED, "DateStyle \"" + v + "\" is not supported: Mallard outputs ISO dates");
    }
    String order = upper.contains("DMY") || upper.contains("EURO") ? "DMY"
        : upper.contains("YMD") ? "YMD" : "MDY";
    return "ISO, " + order;
  }

  private static String intervalStyle(String v) {
    IntervalStyle style = IntervalStyle.fromSetting(v).orElseThrow(() -> Setting.invalidValue("IntervalStyle", v));
    if (!style.isSupported()) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED,
          "IntervalStyle \"" + style.settingValue() + "\" is not supported: use postgres or iso_8601");
    }
    return style.settingValue();
  }

  private static String standardStrings(String v) {
    if (!bool("standard_conforming_strings").apply(v).equals("on")) {
      throw new PgException(
          SqlState.FEATURE_NOT_SUPPORTED, "standard_conforming_strings cannot be turned off");
    }
    return "on";
  }

  /** Accepts zone names case-insensitively, as PostgreSQL does, and returns the canonical name. */
  static String timeZone(String v) {
    String s = v.strip();
    if (s.equalsIgnoreCase("utc") || s.equalsIgnoreCase("z") || s.equalsIgnoreCase("zulu")) {
      return "UTC";
    }
    if (s.equalsIgnoreCase("gmt")) {
      return "GMT";
    }
    try {
      return ZoneId.of(s).getId();
    } catch (DateTimeException e) {
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(s)) {
          return id;
        }
      }
      throw Setting.invalidValue("TimeZone", v);
    }
  }

  private static java.util.function.UnaryOperator<String> isolation(String name) {
    return oneOf(name, "serializable", "repeatable read", "read committed", "read uncommitted");
  }

  /**
   * Parses a PostgreSQL time value ("5s", "1.5s", "100ms", "1min", "250" = ms) into milliseconds,
   * rounding as PostgreSQL does ("1500us" is 2ms).
   */
  static long durationMillis(String v) {
    String s = v.strip().toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || "+-.".indexOf(s.charAt(i)) >= 0)) {
      i++;
    }
    try {
      double n = Double.parseDouble(s.substring(0, i));
      double factor;
      switch (s.substring(i).strip()) {
        case "": case "ms": factor = 1; break;
        case "us": factor = 0.001; break;
        case "s": factor = 1000; break;
        case "min": factor = 60_000; break;
        case "h": factor = 3_600_000; break;
        case "d": factor = 86_400_000; break;
        default: throw new NumberFormatException(s.substring(i));
      }
      double ms = Math.rint(n * factor);
      if (Double.isNaN(ms) || Math.abs(ms) > 1e15) {
        throw new NumberFormatException(v);
      }
      return (long) ms;
    } catch (NumberFormatException e) {
      throw new PgException(
          SqlState.INVALID_PARAMETER_VALUE, "invalid value for parameter: \"" + v + "\"");
    }
  }

  /** A timeout in milliseconds (0 .. INT_MAX, 0 = none), shown in the largest exact unit. */
  private static java.util.function.UnaryOperator<String> duration(String name) {
    return v -> {
      long ms;
      try {
        ms = durationMillis(v);
      } catch (PgException e) {
        throw Setting.invalidValue(name, v);
      }
      if (Math.abs(ms) > Integer.MAX_VALUE) {
        throw Setting.invalidValue(name, v); // PostgreSQL: "Value exceeds integer range."
      }
      if (ms < 0) {
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE, ms + " ms is outside the valid range"
            + " for parameter \"" + name + "\" (0 .. " + Integer.MAX_VALUE + ")");
      }
      return formatMillis(ms);
    };
  }

  /** As PostgreSQL's SHOW prints a time setting: 5000 is "5s", 90000 "90s", 60000 "1min". */
  static String formatMillis(long ms) {
    if (ms == 0) {
      return "0";
    }
    long[] factors = {86_400_000, 3_600_000, 60_000, 1000};
    String[] units = {"d", "h", "min", "s"};
    for (int i = 0; i < factors.length; i++) {
      if (ms % factors[i] == 0) {
        return ms / factors[i] + units[i];
      }
    }
    return ms + "ms";
  }
}
