package dev.mallard.engine.sql;

import java.util.Locale;

/**
 * {@code to_char(timestamp, 'fmt')}, {@code to_date(text, 'fmt')} and {@code to_timestamp(text,
 * 'fmt')}, which DuckDB lacks, become {@code strftime} / {@code strptime} with the template's
 * patterns translated. Only constant templates made of the common date/time patterns are
 * translated (YYYY YY MM DD DDD HH24 HH12 HH MI SS MS US Mon Dy AM PM TZ IW, FM with Month/Day,
 * quoted text); any other template, and to_char of a number, is left to DuckDB.
 */
final class DateFormats implements RewriteRule {
  private static final String[][] PATTERNS = {
      {"FMMonth", "%B"}, {"FMDay", "%A"}, {"FMDD", "%-d"}, {"FMMM", "%-m"}, {"FMHH24", "%-H"},
      {"FMHH12", "%-I"}, {"YYYY", "%Y"}, {"HH24", "%H"}, {"HH12", "%I"}, {"DDD", "%j"}, {"YY", "%y"},
      {"MM", "%m"}, {"DD", "%d"}, {"HH", "%I"}, {"MI", "%M"}, {"SS", "%S"}, {"MS", "%g"},
      {"US", "%f"}, {"Mon", "%b"}, {"Dy", "%a"}, {"AM", "%p"}, {"PM", "%p"}, {"TZ", "%Z"},
      {"IW", "%V"}};

  @Override
  public String name() {
    return "date-formats";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord() || !tokens.nextIs(i, "(") || tokens.prevIs(i, ".")) {
        continue;
      }
      String function = t.text().toLowerCase(Locale.ROOT);
      if (!(function.equals("to_char") || function.equals("to_date")
          || function.equals("to_timestamp"))) {
        continue;
      }
      int close = tokens.closing(tokens.next(i));
      int template = tokens.prev(close);
      String format = close < 0 ? null : Literals.stringValue(tokens.at(template));
      if (format == null || !tokens.prevIs(template, ",")) {
        continue;
      }
      String duck = translate(format, function.equals("to_char"));
      if (duck == null) {
        continue;
      }
      tokens.set(template, Literals.string(duck));
      if (function.equals("to_char")) {
        tokens.set(i, Token.word("strftime"));
      } else {
        tokens.set(i, Token.word("strptime"));
        tokens.insert(close + 1, SqlLexer.lex(function.equals("to_date") ? "::DATE" : "::TIMESTAMPTZ"));
      }
    }
  }

  /** The strftime format for a PostgreSQL template, or null when it uses other patterns. */
  static String translate(String template, boolean formatting) {
    StringBuilder out = new StringBuilder();
    boolean anyPattern = false;
    int i = 0;
    outer:
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '"') {
        int end = template.indexOf('"', i + 1);
        if (end < 0) {
          return null;
        }
        out.append(template.substring(i + 1, end).replace("%", "%%"));
        i = end + 1;
        continue;
      }
      for (String[] p : PATTERNS) {
        if (template.startsWith(p[0], i)) {
          String code = formatting ? p[1] : p[1].replace("%-", "%");
          out.append(code);
          anyPattern = true;
          i += p[0].length();
          continue outer;
        }
      }
      if (Character.isLetter(c) || c == '9' || c == '0' && !anyPattern) {
        return null; // a pattern not translated here (Month, Q, WW, number patterns, ...)
      }
      out.append(c == '%' ? "%%" : String.valueOf(c));
      i++;
    }
    return anyPattern ? out.toString() : null;
  }
}
