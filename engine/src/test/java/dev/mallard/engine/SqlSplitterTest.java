package dev.mallard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SqlSplitter splits where PostgreSQL's lexer sees a top-level semicolon, and nowhere else. */
class SqlSplitterTest {

  @Test
  void plainStatements() {
    assertEquals(List.of("SELECT 1", "SELECT 2"), SqlSplitter.split("SELECT 1; SELECT 2"));
    assertEquals(List.of("SELECT 1", "SELECT 2"), SqlSplitter.split("  SELECT 1  ;\n\tSELECT 2\n"));
  }

  @Test
  void singleStatementWithoutSemicolon() {
    assertEquals(List.of("SELECT 1"), SqlSplitter.split("SELECT 1"));
  }

  @Test
  void semicolonInStringLiteral() {
    assertEquals(List.of("SELECT 'a;b'", "SELECT 2"), SqlSplitter.split("SELECT 'a;b'; SELECT 2"));
    assertEquals(List.of("SELECT 'it''s; here'", "SELECT 2"),
        SqlSplitter.split("SELECT 'it''s; here'; SELECT 2"));
  }

  @Test
  void backslashIsLiteralInStandardStrings() {
    // standard_conforming_strings = on: 'a\' is a complete string.
    assertEquals(List.of("SELECT 'a\\'", "SELECT 2"), SqlSplitter.split("SELECT 'a\\'; SELECT 2"));
    // "type" ends in e, but it is an identifier, not the E prefix of an escape string.
    assertEquals(List.of("SELECT * FROM t WHERE type='a\\'", "SELECT 2"),
        SqlSplitter.split("SELECT * FROM t WHERE type='a\\'; SELECT 2"));
  }

  @Test
  void escapeStringsHonourBackslashes() {
    assertEquals(List.of("SELECT E'a\\';b'", "SELECT 2"),
        SqlSplitter.split("SELECT E'a\\';b'; SELECT 2"));
    assertEquals(List.of("SELECT e'it\\'s;'", "SELECT 2"),
        SqlSplitter.split("SELECT e'it\\'s;'; SELECT 2"));
    assertEquals(List.of("SELECT E'a'';b'", "SELECT 2"), SqlSplitter.split("SELECT E'a'';b'; SELECT 2"));
    // E'a\\' ends after the escaped backslash.
    assertEquals(List.of("SELECT E'a\\\\'", "SELECT 2"),
        SqlSplitter.split("SELECT E'a\\\\'; SELECT 2"));
    assertEquals(List.of("SELECT (E'x\\';y')", "SELECT 2"),
        SqlSplitter.split("SELECT (E'x\\';y'); SELECT 2"));
  }

  @Test
  void semicolonInQuotedIdentifier() {
    assertEquals(List.of("SELECT 1 AS \"a;b\"", "SELECT 2"),
        SqlSplitter.split("SELECT 1 AS \"a;b\"; SELECT 2"));
    assertEquals(List.of("SELECT 1 AS \"a\"\";b\"", "SELECT 2"),
        SqlSplitter.split("SELECT 1 AS \"a\"\";b\"; SELECT 2"));
    // A single quote inside a quoted identifier does not open a string.
    assertEquals(List.of("SELECT 1 AS \"it's\"", "SELECT 2"),
        SqlSplitter.split("SELECT 1 AS \"it's\"; SELECT 2"));
  }

  @Test
  void dollarQuotes() {
    assertEquals(List.of("SELECT $$a;b$$", "SELECT 2"), SqlSplitter.split("SELECT $$a;b$$; SELECT 2"));
    assertEquals(List.of("SELECT $tag$ a; $$; 'b $tag$", "SELECT 2"),
        SqlSplitter.split("SELECT $tag$ a; $$; 'b $tag$; SELECT 2"));
    String function = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN; RETURN 1; END $body$"
        + " LANGUAGE plpgsql";
    assertEquals(List.of(function, "SELECT 2"), SqlSplitter.split(function + "; SELECT 2"));
  }

  @Test
  void dollarTagsAreCaseSensitive() {
    assertEquals(List.of("SELECT $A$ x; $a$; y $A$", "SELECT 2"),
        SqlSplitter.split("SELECT $A$ x; $a$; y $A$; SELECT 2"));
  }

  @Test
  void dollarInsideIdentifierIsNotAQuote() {
    assertEquals(List.of("SELECT a$b$c FROM t", "SELECT 2"),
        SqlSplitter.split("SELECT a$b$c FROM t; SELECT 2"));
  }

  @Test
  void positionalParametersAreNotDollarQuotes() {
    assertEquals(List.of("SELECT $1", "SELECT $2"), SqlSplitter.split("SELECT $1; SELECT $2"));
    assertEquals(List.of("INSERT INTO t VALUES ($1, $2)", "SELECT $10"),
        SqlSplitter.split("INSERT INTO t VALUES ($1, $2); SELECT $10"));
  }

  @Test
  void lineComments() {
    assertEquals(List.of("SELECT 1 -- not here; nor here", "SELECT 2"),
        SqlSplitter.split("SELECT 1 -- not here; nor here\n; SELECT 2"));
    assertEquals(List.of("SELECT 1"), SqlSplitter.split("SELECT 1; -- done;"));
  }

  @Test
  void nestedBlockComments() {
    assertEquals(List.of("SELECT /* a /* b; */ c; */ 1", "SELECT 2"),
        SqlSplitter.split("SELECT /* a /* b; */ c; */ 1; SELECT 2"));
  }

  @Test
  void commentMarkersInsideStringsAreText() {
    assertEquals(List.of("SELECT '--'", "SELECT '/*'", "SELECT 3"),
        SqlSplitter.split("SELECT '--'; SELECT '/*'; SELECT 3"));
  }

  @Test
  void leadingCommentStaysWithItsStatement() {
    assertEquals(List.of("/* c */ SELECT 1", "SELECT 2"),
        SqlSplitter.split("/* c */ SELECT 1; SELECT 2"));
  }

  @Test
  void emptyAndCommentOnlyInputYieldsNothing() {
    for (String sql : new String[] {"", "   ", ";", " ; ;; ", "-- only a comment", "/* c */",
        "/* a /* nested */ b */ ;", "-- a\n/* b */ ;\n-- c"}) {
      assertEquals(List.of(), SqlSplitter.split(sql), sql);
    }
  }

  @Test
  void trailingSemicolons() {
    assertEquals(List.of("SELECT 1"), SqlSplitter.split("SELECT 1;"));
    assertEquals(List.of("SELECT 1"), SqlSplitter.split("SELECT 1;;;  \n"));
    assertEquals(List.of("SELECT 1", "SELECT 2"), SqlSplitter.split("SELECT 1;;SELECT 2;"));
  }

  @Test
  void parenthesisedRuleActionsStayTogether() {
    String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); "
        + "INSERT INTO b VALUES (2))";
    assertEquals(List.of(rule, "SELECT 1"), SqlSplitter.split(rule + "; SELECT 1"));
  }

  @Test
  void unterminatedQuoteSwallowsTheRest() {
    // PostgreSQL reports the unterminated literal; splitting inside it would run half a statement.
    assertEquals(List.of("SELECT 'abc; SELECT 2"), SqlSplitter.split("SELECT 'abc; SELECT 2"));
    assertEquals(List.of("SELECT $$abc; SELECT 2"), SqlSplitter.split("SELECT $$abc; SELECT 2"));
    assertEquals(List.of("SELECT /* abc; SELECT 2"), SqlSplitter.split("SELECT /* abc; SELECT 2"));
  }

  @Test
  void isBlank() {
    assertTrue(SqlSplitter.isBlank(""));
    assertTrue(SqlSplitter.isBlank(" \n\t"));
    assertTrue(SqlSplitter.isBlank("-- x\n/* y /* z */ */"));
    assertFalse(SqlSplitter.isBlank("-- x\nSELECT 1"));
    assertFalse(SqlSplitter.isBlank(";"));
  }
}
