package dev.mallard.engine.sql;

/**
 * Row locking clauses ({@code FOR UPDATE}, {@code FOR NO KEY UPDATE}, {@code FOR SHARE}, {@code FOR
 * KEY SHARE}, with {@code OF tables} and {@code NOWAIT} / {@code SKIP LOCKED}) are removed: DuckDB
 * rejects them, and its optimistic concurrency control already makes a conflicting write fail at
 * commit (40001) instead of waiting, so there is no lock to take.
 */
final class LockingClauses implements RewriteRule {
  @Override
  public String name() {
    return "locking-clauses";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isWord("for")) {
        continue;
      }
      int end = strength(tokens, tokens.next(i));
      if (end < 0) {
        continue;
      }
      if (isWord(tokens, tokens.next(end), "of")) {
        end = tokens.next(tokens.next(end));
        while (end >= 0 && tokens.get(end).isIdentifier()) {
          if (tokens.nextIs(end, ".") || tokens.nextIs(end, ",")) {
            end = tokens.next(tokens.next(end));
          } else {
            break;
          }
        }
        if (end < 0 || !tokens.get(end).isIdentifier()) {
          continue;
        }
      }
      if (isWord(tokens, tokens.next(end), "nowait")) {
        end = tokens.next(end);
      } else if (isWord(tokens, tokens.next(end), "skip")
          && isWord(tokens, tokens.next(tokens.next(end)), "locked")) {
        end = tokens.next(tokens.next(end));
      }
      tokens.replace(i, end, java.util.List.of());
      i--;
    }
  }

  /** The last token of UPDATE / NO KEY UPDATE / SHARE / KEY SHARE starting at i, or -1. */
  private static int strength(Tokens tokens, int i) {
    if (isWord(tokens, i, "update") || isWord(tokens, i, "share")) {
      return i;
    }
    int second = tokens.next(i);
    if (isWord(tokens, i, "key") && isWord(tokens, second, "share")) {
      return second;
    }
    if (isWord(tokens, i, "no") && isWord(tokens, second, "key")
        && isWord(tokens, tokens.next(second), "update")) {
      return tokens.next(second);
    }
    return -1;
  }

  private static boolean isWord(Tokens tokens, int i, String word) {
    Token t = tokens.at(i);
    return t != null && t.isWord(word);
  }
}
