package dev.mallard.engine.sql;

import java.util.List;

/** {@code OPERATOR(pg_catalog.~)} (psql writes operators this way) becomes the bare operator. */
final class OperatorSyntax implements RewriteRule {
  @Override
  public String name() {
    return "operator-syntax";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("operator") || !tokens.nextIs(i, "(")) {
        continue;
      }
      int open = tokens.next(i);
      int close = tokens.closing(open);
      if (close < 0) {
        continue;
      }
      int op = tokens.prev(close);
      Token operator = tokens.at(op);
      if (operator == null || operator.kind() != Token.Kind.OPERATOR) {
        continue;
      }
      tokens.replace(i, close, List.of(new Token(Token.Kind.SPACE, " "), operator,
          new Token(Token.Kind.SPACE, " ")));
    }
  }
}
