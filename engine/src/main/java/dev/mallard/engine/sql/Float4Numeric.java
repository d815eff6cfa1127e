package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real (float4) cast to numeric goes through float4's text in PostgreSQL, 6 significant digits
 * ({@code 2.5::real::numeric} is 2.5, {@code 0.1::real::numeric} 0.1); DuckDB converts the binary
 * value (2.4999999488, 0.1000000015). In {@code x::real::numeric} the real becomes {@code
 * printf('%.6g', x::real)}, the text PostgreSQL's float4 conversion reads. Only a cast to real
 * followed by a cast to numeric is recognised: a column's type is not known here.
 */
final class Float4Numeric implements RewriteRule {
  private static final Set<String> FLOAT4 = Set.of("real", "float4");
  private static final Set<String> NUMERIC = Set.of("numeric", "decimal");

  @Override
  public String name() {
    return "float4-numeric";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = tokens.size() - 1; i >= 0; i--) {
      if (!tokens.get(i).is("::") || !isWord(tokens, tokens.next(i), FLOAT4)) {
        continue;
      }
      int real = tokens.next(i);
      int cast = tokens.next(real);
      if (cast < 0 || !tokens.get(cast).is("::") || !isWord(tokens, tokens.next(cast), NUMERIC)) {
        continue;
      }
      int start = PrimaryOperands.start(tokens, tokens.prev(i));
      if (start < 0) {
        continue;
      }
      List<Token> out = new ArrayList<>(SqlLexer.lex("(printf('%.6g', "));
      out.addAll(tokens.copy(start, real));
      out.add(Token.punct(")"));
      out.add(Token.punct(")"));
      tokens.replace(start, real, out);
    }
  }

  private static boolean isWord(Tokens tokens, int i, Set<String> words) {
    Token t = tokens.at(i);
    return t != null && t.isWord() && words.contains(t.identifier());
  }
}
