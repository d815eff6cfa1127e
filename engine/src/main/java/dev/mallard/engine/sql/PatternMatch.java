package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's POSIX regular-expression operators {@code ~ ~* !~ !~*} match anywhere in the
 * string; DuckDB's {@code ~} is a full match. They become {@code regexp_matches(a, b[, 'i'])},
 * negated for the {@code !} forms. Catalog queries (psql's {@code nspname !~ '^pg_'}) rely on them.
 */
final class PatternMatch implements RewriteRule {
  @Override
  public String name() {
    return "pattern-match";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token op = tokens.get(i);
      boolean negate = op.is("!~") || op.is("!~*");
      boolean insensitive = op.is("~*") || op.is("!~*");
      if (!negate && !insensitive && !op.is("~")) {
        continue;
      }
      int leftEnd = tokens.prev(i);
      int left = Operands.start(tokens, leftEnd);
      int right = tokens.next(i);
      int rightEnd = Operands.end(tokens, right);
      if (left < 0 || rightEnd < 0) {
        continue;
      }
      List<Token> call = new ArrayList<>();
      if (negate) {
        call.add(Token.punct("("));
        call.add(Token.word("NOT"));
        call.add(new Token(Token.Kind.SPACE, " "));
      }
      call.add(Token.word("regexp_matches"));
      call.add(Token.punct("("));
      for (int j = left; j <= leftEnd; j++) {
        call.add(tokens.get(j));
      }
      call.add(Token.punct(","));
      for (int j = right; j <= rightEnd; j++) {
        call.add(tokens.get(j));
      }
      if (insensitive) {
        call.add(Token.punct(","));
        call.add(new Token(Token.Kind.STRING, "'i'"));
      }
      call.add(Token.punct(")"));
      if (negate) {
        call.add(Token.punct(")"));
      }
      tokens.replace(left, rightEnd, call);
      i = left;
    }
  }
}
