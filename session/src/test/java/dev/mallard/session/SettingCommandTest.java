package dev.mallard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mallard.session.SettingCommand.Verb;
import dev.mallard.wire.error.PgException;
import org.junit.jupiter.api.Test;

/** SET / SHOW / RESET in the forms PostgreSQL's grammar accepts (VariableSetStmt, VariableShowStmt). */
class SettingCommandTest {

  private static void assertCommand(String sql, Verb verb, String name, String value, boolean local) {
    assertEquals(new SettingCommand(verb, name, value, local), SettingCommand.parse(sql), sql);
  }

  @Test
  void setTo() {
    assertCommand("SET x TO v", Verb.SET, "x", "v", false);
    assertCommand("set statement_timeout to 5000", Verb.SET, "statement_timeout", "5000", false);
  }

  @Test
  void setEqualsQuoted() {
    assertCommand("SET x = 'v'", Verb.SET, "x", "v", false);
    assertCommand("SET application_name = 'it''s'", Verb.SET, "application_name", "it's", false);
    assertCommand("SET application_name = ''", Verb.SET, "application_name", "", false);
    assertCommand("SET x='v';", Verb.SET, "x", "v", false);
    assertCommand("SET extra_float_digits = -1", Verb.SET, "extra_float_digits", "-1", false);
    assertCommand("SET seed = 0.5", Verb.SET, "seed", "0.5", false);
  }

  @Test
  void setLocalAndSetSession() {
    assertCommand("SET LOCAL statement_timeout = '7s'", Verb.SET, "statement_timeout", "7s", true);
    assertCommand("SET SESSION statement_timeout = '7s'", Verb.SET, "statement_timeout", "7s", false);
    assertCommand("set local time zone 'UTC'", Verb.SET, "TimeZone", "UTC", true);
  }

  @Test
  void setTimeZone() {
    assertCommand("SET TIME ZONE 'Europe/Paris'", Verb.SET, "TimeZone", "Europe/Paris", false);
    assertCommand("SET TIME ZONE LOCAL", Verb.SET, "TimeZone", null, false);
    assertCommand("SET TIME ZONE DEFAULT", Verb.SET, "TimeZone", null, false);
    assertCommand("SET timezone = 'UTC'", Verb.SET, "timezone", "UTC", false);
  }

  @Test
  void setTimeZoneWithoutAValueIsASyntaxError() {
    PgException e = assertThrows(PgException.class, () -> SettingCommand.parse("SET TIME ZONE"));
    assertEquals("42601", e.sqlState());
  }

  @Test
  void searchPathListKeepsQuotedNamesQuoted() {
    // PostgreSQL 15: SHOW search_path then prints  a, "B", public
    assertCommand("SET search_path TO a, \"B\", public", Verb.SET, "search_path",
        "a, \"B\", public", false);
    assertCommand("SET search_path = a,b", Verb.SET, "search_path", "a, b", false);
    assertCommand("SET search_path TO \"$user\", public", Verb.SET, "search_path",
        "\"$user\", public", false);
    assertCommand("SET search_path TO 'a', 'b'", Verb.SET, "search_path", "a, b", false);
  }

  @Test
  void setToDefault() {
    assertCommand("SET x TO DEFAULT", Verb.SET, "x", null, false);
    assertCommand("SET search_path = default", Verb.SET, "search_path", null, false);
    // A quoted 'default' is a value, not the keyword.
    assertCommand("SET application_name = 'default'", Verb.SET, "application_name", "default", false);
  }

  @Test
  void setNamesAndSchema() {
    assertCommand("SET NAMES 'UTF8'", Verb.SET, "client_encoding", "UTF8", false);
    assertCommand("SET SCHEMA 'x'", Verb.SET, "search_path", "x", false);
  }

  @Test
  void setTransaction() {
    assertCommand("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE", Verb.SET,
        "transaction_isolation", "serializable", true);
    assertCommand("SET TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY", Verb.SET,
        "transaction_isolation", "read committed", true);
    assertCommand("SET TRANSACTION READ ONLY", Verb.SET, "transaction_read_only", "on", true);
    assertCommand("SET TRANSACTION READ WRITE", Verb.SET, "transaction_read_only", "off", true);
    assertEquals(Verb.NO_OP,
        SettingCommand.parse("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY").verb());
  }

  @Test
  void customPlaceholder() {
    assertCommand("SET myapp.key = 'v'", Verb.SET, "myapp.key", "v", false);
    assertCommand("SET myapp.key TO 42", Verb.SET, "myapp.key", "42", false);
    assertCommand("SET a.b.c = 'v'", Verb.SET, "a.b.c", "v", false);
  }

  @Test
  void show() {
    assertCommand("SHOW ALL", Verb.SHOW, SettingCommand.ALL, null, false);
    assertCommand("SHOW TIME ZONE", Verb.SHOW, "TimeZone", null, false);
    assertCommand("SHOW TRANSACTION ISOLATION LEVEL", Verb.SHOW, "transaction_isolation", null, false);
    assertCommand("SHOW search_path", Verb.SHOW, "search_path", null, false);
    assertCommand("show myapp.key;", Verb.SHOW, "myapp.key", null, false);
    assertCommand("SHOW SESSION AUTHORIZATION", Verb.SHOW, "session_authorization", null, false);
  }

  @Test
  void showTablesIsForTheEngine() {
    assertEquals(Verb.ENGINE, SettingCommand.parse("SHOW TABLES").verb());
    assertEquals(Verb.ENGINE, SettingCommand.parse("SHOW ALL TABLES").verb());
    assertEquals(Verb.ENGINE, SettingCommand.parse("show databases").verb());
  }

  @Test
  void reset() {
    assertCommand("RESET ALL", Verb.RESET, SettingCommand.ALL, null, false);
    assertCommand("RESET x", Verb.RESET, "x", null, false);
    assertCommand("RESET TIME ZONE", Verb.RESET, "TimeZone", null, false);
    assertCommand("reset myapp.key", Verb.RESET, "myapp.key", null, false);
  }

  @Test
  void unsupportedForms() {
    assertEquals("0A000",
        assertThrows(PgException.class, () -> SettingCommand.parse("SET ROLE admin")).sqlState());
    assertEquals("0A000", assertThrows(PgException.class,
        () -> SettingCommand.parse("SET SESSION AUTHORIZATION bob")).sqlState());
  }

  @Test
  void malformedStatementsAreSyntaxErrors() {
    for (String sql : new String[] {"SET", "SET x", "SET x TO", "SET x v", "SHOW", "RESET", "GRANT x"}) {
      PgException e = assertThrows(PgException.class, () -> SettingCommand.parse(sql), sql);
      assertEquals("42601", e.sqlState(), sql);
    }
  }
}
