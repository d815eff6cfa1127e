package dev.mallard.engine.sql;

import java.util.List;

/**
 * In PostgreSQL a backslash in a LIKE pattern escapes the next character unless ESCAPE says
 * otherwise; DuckDB has no default escape. Each LIKE / ILIKE (and NOT LIKE / NOT ILIKE) without
 * an ESCAPE clause gets {@code ESCAPE '\'}. A pattern that is a string constant without a
 * backslash means the same either way and is left as written.
 */
final class LikeEscape implements RewriteRule {
  @Override
  public String name() {
    return "like-escape";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!(t.isWord("like") || t.isWord("ilike")) || isSimilarTo(tokens, i)) {
        continue;
      }
      int start = tokens.next(i);
      Token first = tokens.at(start);
      if (first == null || first.isWord("any") || first.isWord("all") || first.isWord("some")) {
        continue;
      }
      int end = Operands.rightEnd(tokens, i, Operands.LIKE);
      if (end < 0 || tokens.at(tokens.next(end)) != null && tokens.at(tokens.next(end)).isWord("escape")) {
        continue;
      }
      if (start == end && first.kind() == Token.Kind.STRING && first.text().indexOf('\\') < 0) {
        continue;
      }
      tokens.insert(end + 1, List.of(new Token(Token.Kind.SPACE, " "), Token.word("ESCAPE"),
          new Token(Token.Kind.SPACE, " "), new Token(Token.Kind.STRING, "'\\'")));
    }
  }

  /** LIKE inside CREATE TABLE (LIKE other) is not the operator. */
  private static boolean isSimilarTo(Tokens tokens, int i) {
    return tokens.prevIs(i, "(");
  }
}
