package dev.mallard.engine.sql;

/**
 * One named PostgreSQL-to-DuckDB transformation of a statement's tokens. Rules edit the tokens in
 * place; each is small and tested on its own.
 */
public interface RewriteRule {
  /** A short name for logs and metrics. */
  String name();

  void apply(Tokens tokens, RewriteContext context);
}
