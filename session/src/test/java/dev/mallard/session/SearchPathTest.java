package dev.mallard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** search_path values as SHOW prints them, back into schema names. */
class SearchPathTest {

  @Test
  void defaultPath() {
    assertEquals(List.of("$user", "public"), SearchPath.parse("\"$user\", public"));
  }

  @Test
  void unquotedNamesFoldToLowerCaseQuotedOnesKeepTheirCase() {
    assertEquals(List.of("a", "B", "public"), SearchPath.parse("A, \"B\", public"));
  }

  @Test
  void doubledQuotesInsideQuotedNames() {
    assertEquals(List.of("we\"ird"), SearchPath.parse("\"we\"\"ird\""));
  }

  @Test
  void emptyEntriesAreDropped() {
    assertEquals(List.of("a", "b"), SearchPath.parse("a,,b, "));
    assertEquals(List.of(), SearchPath.parse(""));
  }
}
