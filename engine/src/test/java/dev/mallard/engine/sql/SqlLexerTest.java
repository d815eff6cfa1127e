package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mallard.engine.sql.Token.Kind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {
  private static String kinds(String sql) {
    return SqlLexer.lex(sql).stream()
        .filter(t -> t.kind() != Kind.SPACE)
        .map(t -> t.kind() + ":" + t.text())
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "select 'a''b', E'\\'x', $$a;b$$, $tag$ $x$ $tag$, \"Q\"\"q\" from t -- c\n/* a /* b */ c */",
      "select a::int4[] , x->>'$browser', 1.5e-3, .5, $1 || $22",
      "unterminated 'string",
      ""})
  void concatenationGivesBackTheInput(String sql) {
    assertEquals(sql, SqlLexer.lex(sql).stream().map(Token::text).collect(Collectors.joining()));
  }

  @Test
  void stringsIdentifiersAndParameters() {
    assertEquals("WORD:select STRING:E'it\\'s' PUNCT:, QUOTED_IDENT:\"A b\" PUNCT:, PARAM:$1"
        + " PUNCT:, STRING:$q$x$q$", kinds("select E'it\\'s', \"A b\", $1, $q$x$q$"));
  }

  @Test
  void operatorsFollowPostgresRules() {
    assertEquals("WORD:a OPERATOR:* OPERATOR:- NUMBER:1", kinds("a*-1"));
    assertEquals("WORD:a OPERATOR:->> STRING:'k'", kinds("a->>'k'"));
    assertEquals("WORD:a OPERATOR::: WORD:text", kinds("a::text"));
    assertEquals("WORD:a OPERATOR:@- NUMBER:1", kinds("a@-1"));
  }

  @Test
  void commentStartEndsAnOperator() {
    assertEquals(List.of("a", "+", "-- c"),
        SqlLexer.lex("a+-- c").stream().map(Token::text).filter(s -> !s.isBlank()).toList());
  }
}
