package dev.mallard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.wire.error.PgException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Layered settings. Expected values and messages are what PostgreSQL 15.18 prints for the same
 * SET / SHOW / RESET (a scratch server initialised with --locale=C -E UTF8 and TZ=UTC).
 */
class SessionSettingsTest {
  private final SessionSettings settings = new SessionSettings();

  @Test
  void defaultsMatchPostgres() {
    String[][] expected = {
      {"application_name", ""},
      {"client_encoding", "UTF8"},
      {"DateStyle", "ISO, MDY"},
      {"IntervalStyle", "postgres"},
      {"TimeZone", "UTC"},
      {"standard_conforming_strings", "on"},
      {"default_transaction_read_only", "off"},
      {"integer_datetimes", "on"},
      {"server_encoding", "UTF8"},
      {"in_hot_standby", "off"},
      {"max_identifier_length", "63"},
      {"block_size", "8192"},
      {"max_connections", "100"},
      {"lc_collate", "C"},
      {"lc_ctype", "C"},
      {"search_path", "\"$user\", public"},
      {"statement_timeout", "0"},
      {"lock_timeout", "0"},
      {"idle_in_transaction_session_timeout", "0"},
      {"idle_session_timeout", "0"},
      {"extra_float_digits", "1"},
      {"transaction_isolation", "read committed"},
      {"default_transaction_isolation", "read committed"},
      {"transaction_read_only", "off"},
      {"client_min_messages", "notice"},
      {"bytea_output", "hex"},
      {"lc_messages", "C"},
      {"lc_monetary", "C"},
      {"lc_numeric", "C"},
      {"lc_time", "C"},
      {"timezone_abbreviations", "Default"},
      {"row_security", "on"},
      {"synchronous_commit", "on"},
      {"jit", "on"},
      {"work_mem", "4MB"},
      {"geqo", "on"},
      {"escape_string_warning", "on"},
    };
    List<String> wrong = new ArrayList<>();
    for (String[] e : expected) {
      if (!e[1].equals(settings.get(e[0]))) {
        wrong.add(e[0] + ": expected '" + e[1] + "' but was '" + settings.get(e[0]) + "'");
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void namesAreCaseInsensitive() {
    assertEquals("ISO, MDY", settings.get("datestyle"));
    assertEquals("UTC", settings.get("TIMEZONE"));
    assertEquals("DateStyle", SessionSettings.displayName("datestyle"));
    assertEquals("TimeZone", SessionSettings.displayName("timezone"));
    assertEquals("myapp.key", SessionSettings.displayName("MyApp.Key"));
  }

  @Test
  void reportedSettingsAreThoseOfPostgres15() {
    // The ParameterStatus burst PostgreSQL 15 sends after authentication.
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, String> e : settings.reportedValues()) {
      names.add(e.getKey());
    }
    names.sort(String.CASE_INSENSITIVE_ORDER);
    assertEquals(List.of("application_name", "client_encoding", "DateStyle",
        "default_transaction_read_only", "in_hot_standby", "integer_datetimes", "IntervalStyle",
        "is_superuser", "server_encoding", "server_version", "session_authorization",
        "standard_conforming_strings", "TimeZone"), names);
    assertEquals(true, SessionSettings.isReported("timezone"));
    assertEquals(false, SessionSettings.isReported("search_path"));
  }

  @Test
  void setThenShow() {
    assertEquals("a, \"B\", public", settings.set("search_path", "a, \"B\", public", false, false));
    assertEquals("a, \"B\", public", settings.get("search_path"));
    settings.set("application_name", "it's", false, false);
    assertEquals("it's", settings.get("application_name"));
  }

  @Test
  void valuesAreCanonicalised() {
    assertEquals("Europe/Paris", settings.set("TimeZone", "europe/paris", false, false));
    assertEquals("Europe/Paris", settings.get("timezone"));
    assertEquals("UTC", settings.set("TimeZone", "utc", false, false));
    assertEquals("on", settings.set("jit", "yes", false, false));
    assertEquals("off", settings.set("geqo", "0", false, false));
    assertEquals("serializable", settings.set("transaction_isolation", "SERIALIZABLE", true, false));
    assertEquals("UTF8", settings.set("client_encoding", "utf-8", false, false));
    assertEquals("ISO, DMY", settings.set("DateStyle", "ISO, DMY", false, false));
  }

  @Test
  void unknownSettingIs42704() {
    for (Runnable r : new Runnable[] {
      () -> settings.get("foo"),
      () -> settings.set("foo", "1", false, false),
      () -> settings.reset("foo")}) {
      PgException e = assertThrows(PgException.class, r::run);
      assertEquals("42704", e.sqlState());
      assertEquals("unrecognized configuration parameter \"foo\"", e.getMessage());
    }
    assertNull(settings.getOrNull("foo"));
  }

  @Test
  void placeholderSettings() {
    assertEquals("v", settings.set("myapp.key", "v", false, false));
    assertEquals("v", settings.get("myapp.key"));
    settings.set("MyApp.Key", "w", false, false);
    assertEquals("w", settings.get("myapp.key"));
    PgException e = assertThrows(PgException.class, () -> settings.get("myapp.other"));
    assertEquals("42704", e.sqlState());
  }

  @Test
  void resetPlaceholderLeavesItEmpty() {
    settings.set("myapp.key", "v", false, false);
    settings.reset("myapp.key");
    assertEquals("", settings.get("myapp.key"));
    settings.set("myapp.key", "v", false, false);
    settings.resetAll();
    assertEquals("", settings.get("myapp.key"));
  }

  @Test
  void placeholdersAppearInShowAllSortedByName() {
    settings.set("zz.last", "1", false, false);
    settings.set("aa.first", "2", false, false);
    List<String[]> rows = settings.showAll();
    assertEquals("aa.first", rows.get(0)[0]);
    assertEquals("2", rows.get(0)[1]);
    assertEquals("zz.last", rows.get(rows.size() - 1)[0]);
    for (int i = 1; i < rows.size(); i++) {
      assertEquals(true, rows.get(i - 1)[0].compareToIgnoreCase(rows.get(i)[0]) < 0,
          rows.get(i - 1)[0] + " before " + rows.get(i)[0]);
    }
  }

  @Test
  void setLocalEndsWithTheTransaction() {
    settings.set("statement_timeout", "1h", false, false);
    settings.set("statement_timeout", "7s", true, false);
    assertEquals("7s", settings.get("statement_timeout"));
    settings.endTransaction(true);
    assertEquals("1h", settings.get("statement_timeout"));
  }

  @Test
  void setAfterSetLocalInTheSameTransactionSticks() {
    settings.set("statement_timeout", "7s", true, false);
    settings.set("statement_timeout", "2s", false, false);
    assertEquals("2s", settings.get("statement_timeout"));
    settings.endTransaction(true);
    assertEquals("2s", settings.get("statement_timeout"));
  }

  @Test
  void rollbackUndoesPlainSetsOfTheTransaction() {
    settings.set("statement_timeout", "1h", false, false);
    settings.beginTransaction();
    settings.set("statement_timeout", "2s", false, false);
    settings.set("application_name", "inside", false, false);
    settings.endTransaction(false);
    assertEquals("1h", settings.get("statement_timeout"));
    assertEquals("", settings.get("application_name"));
    settings.beginTransaction();
    settings.set("statement_timeout", "3s", false, false);
    settings.endTransaction(true);
    assertEquals("3s", settings.get("statement_timeout"), "a commit keeps them");
  }

  @Test
  void transactionIsolationIsLocal() {
    settings.set("transaction_isolation", "serializable", true, false);
    assertEquals("serializable", settings.get("transaction_isolation"));
    settings.endTransaction(true);
    assertEquals("read committed", settings.get("transaction_isolation"));
  }

  @Test
  void resetGoesBackToTheDefault() {
    settings.set("extra_float_digits", "3", false, false);
    settings.reset("extra_float_digits");
    assertEquals("1", settings.get("extra_float_digits"));
  }

  @Test
  void resetGoesBackToTheStartupValue() {
    // PGAPPNAME=myapp PGOPTIONS="-c statement_timeout=5s": RESET restores those, not the defaults.
    settings.set("application_name", "myapp", false, true);
    settings.set("statement_timeout", "5s", false, true);
    settings.set("application_name", "other", false, false);
    settings.set("statement_timeout", "1000", false, false);
    settings.reset("application_name");
    assertEquals("myapp", settings.get("application_name"));
    assertEquals("1s", settings.get("statement_timeout"));
    settings.resetAll();
    assertEquals("5s", settings.get("statement_timeout"));
  }

  @Test
  void unknownStartupParameterBecomesAPlaceholder() {
    settings.set("myopt.x", "1", false, true);
    settings.set("myopt.x", "2", false, false);
    settings.resetAll();
    assertEquals("1", settings.get("myopt.x"));
  }

  @Test
  void readOnlySettingsCannotBeChanged() {
    PgException set = assertThrows(PgException.class,
        () -> settings.set("server_version", "1", false, false));
    assertEquals("55P02", set.sqlState());
    assertEquals("parameter \"server_version\" cannot be changed", set.getMessage());
    PgException reset = assertThrows(PgException.class, () -> settings.reset("server_version"));
    assertEquals("55P02", reset.sqlState());
    assertEquals("parameter \"server_version\" cannot be changed", reset.getMessage());
  }

  @Test
  void fixedValuesShadowTheDefault() {
    settings.setFixed("is_superuser", "on");
    settings.setFixed("session_authorization", "alice");
    assertEquals("on", settings.get("is_superuser"));
    assertEquals("alice", settings.get("session_authorization"));
    settings.resetAll();
    assertEquals("alice", settings.get("session_authorization"));
  }

  @Test
  void validationErrorsAre22023WithPostgresMessages() {
    assertInvalid("extra_float_digits", "10",
        "10 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)");
    assertInvalid("extra_float_digits", "many",
        "invalid value for parameter \"extra_float_digits\": \"many\"");
    assertInvalid("default_transaction_read_only", "maybe",
        "parameter \"default_transaction_read_only\" requires a Boolean value");
    assertInvalid("client_min_messages", "bogus",
        "invalid value for parameter \"client_min_messages\": \"bogus\"");
    assertInvalid("TimeZone", "Nowhere/Land", "invalid value for parameter \"TimeZone\": \"Nowhere/Land\"");
    assertInvalid("statement_timeout", "-1",
        "-1 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)");
    assertInvalid("statement_timeout", "abc", "invalid value for parameter \"statement_timeout\": \"abc\"");
    assertInvalid("lock_timeout", "5 parsecs", "invalid value for parameter \"lock_timeout\": \"5 parsecs\"");
    assertInvalid("statement_timeout", "3000000000",
        "invalid value for parameter \"statement_timeout\": \"3000000000\"");
    assertInvalid("statement_timeout", "-1s",
        "-1000 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)");
    assertInvalid("transaction_isolation", "chaos",
        "invalid value for parameter \"transaction_isolation\": \"chaos\"");
  }

  @Test
  void aFailedSetLeavesTheOldValue() {
    settings.set("extra_float_digits", "2", false, false);
    assertThrows(PgException.class, () -> settings.set("extra_float_digits", "10", false, false));
    assertEquals("2", settings.get("extra_float_digits"));
  }

  @Test
  void durationsShowLikePostgres() {
    String[][] cases = {
      {"5000", "5s"}, {"90000", "90s"}, {"60000", "1min"}, {"1001", "1001ms"}, {"0", "0"},
      {"1.5s", "1500ms"}, {"1500us", "2ms"}, {"2h", "2h"}, {"48h", "2d"}, {"1d", "1d"},
      {"3600000", "1h"}, {"5 s", "5s"}, {"5s", "5s"}, {"120s", "2min"}, {"250ms", "250ms"},
    };
    for (String[] c : cases) {
      settings.set("statement_timeout", c[0], false, false);
      assertEquals(c[1], settings.get("statement_timeout"), "SET statement_timeout = " + c[0]);
    }
  }

  private void assertInvalid(String name, String value, String message) {
    PgException e = assertThrows(PgException.class, () -> settings.set(name, value, false, false),
        name + " = " + value);
    assertEquals("22023", e.sqlState(), name + " = " + value);
    assertEquals(message, e.getMessage());
  }
}
