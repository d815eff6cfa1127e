package dev.mallard.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokensTest {
  /** The index of the first token with this text, from {@code from} on. */
  private static int indexOf(Tokens tokens, String text, int from) {
    for (int i = from; i < tokens.size(); i++) {
      if (tokens.get(i).text().equals(text)) {
        return i;
      }
    }
    throw new AssertionError(text + " not found");
  }

  @Test
  void topLevelEndStopsOutsideNestedBracketsOrAtABracketOpenedBefore() {
    Tokens tokens = Tokens.of("x WHERE f(a, b) = c[1] AND (d, e) GROUP BY x");
    int from = indexOf(tokens, "f", 0);
    int comma = indexOf(tokens, ",", 0);
    int group = indexOf(tokens, "GROUP", 0);
    assertEquals(group, tokens.topLevelEnd(from,
        j -> tokens.get(j).is(",") || tokens.get(j).isWord("group")),
        "the commas inside f(...) and (d, e) are nested");
    assertEquals(comma, tokens.topLevelEnd(indexOf(tokens, "a", 0), j -> tokens.get(j).is(",")));
    int close = indexOf(tokens, ")", 0);
    assertEquals(close, tokens.topLevelEnd(indexOf(tokens, "b", 0), j -> false),
        "the bracket f( opened before b ends it");
    assertEquals(tokens.size(), tokens.topLevelEnd(group, j -> false));
  }
}
