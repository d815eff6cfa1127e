package dev.mallard.engine.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code to_char(timestamp, 'fmt')}, {@code to_date(text, 'fmt')} and {@code to_timestamp(text,
 * 'fmt')}, which DuckDB lacks, become {@code strftime} / {@code strptime} with the template's
 * patterns translated. Patterns strftime has no code for (names blank-padded to 9 characters as
 * PostgreSQL pads Month and Day, upper-case names, Q, WW, J) are computed by expressions joined to
 * strftime's parts with ||, for to_char only. Only constant templates are translated; any other
 * template, a pattern not known here, and to_char of a number are left to DuckDB.
 */
final class DateFormats implements RewriteRule {
  /**
   * Patterns, longest first where one starts another: [PostgreSQL, strftime code]. Checked after
   * {@link #EXPRESSIONS}, whose Month must not be read as Mon.
   */
  private static final String[][] CODES = {
      {"FMMonth", "%B"}, {"FMDay", "%A"}, {"FMDD", "%-d"}, {"FMMM", "%-m"}, {"FMHH24", "%-H"},
      {"FMHH12", "%-I"}, {"IYYY", "%G"}, {"YYYY", "%Y"}, {"HH24", "%H"}, {"HH12", "%I"},
      {"DDD", "%j"}, {"YY", "%y"}, {"MM", "%m"}, {"DD", "%d"}, {"HH", "%I"}, {"MI", "%M"},
      {"SS", "%S"}, {"MS", "%g"}, {"US", "%f"}, {"Mon", "%b"}, {"Dy", "%a"}, {"AM", "%p"},
      {"PM", "%p"}, {"TZ", "%Z"}, {"IW", "%V"}};
  /**
   * Patterns computed by an expression over the value ({@code $}), for to_char: [PostgreSQL,
   * expression, the strftime code that reads the same text back for to_date, or null].
   */
  private static final String[][] EXPRESSIONS = {
      {"FMMONTH", "upper(strftime($, '%B'))", "%B"}, {"FMDAY", "upper(strftime($, '%A'))", "%A"},
      {"MONTH", "upper(rpad(strftime($, '%B'), 9, ' '))", "%B"},
      {"Month", "rpad(strftime($, '%B'), 9, ' ')", "%B"},
      {"DAY", "upper(rpad(strftime($, '%A'), 9, ' '))", "%A"},
      {"Day", "rpad(strftime($, '%A'), 9, ' ')", "%A"},
      {"MON", "upper(strftime($, '%b'))", "%b"}, {"DY", "upper(strftime($, '%a'))", "%a"},
      {"WW", "lpad(CAST((dayofyear($) - 1) // 7 + 1 AS VARCHAR), 2, '0')", null},
      {"Q", "CAST(quarter($) AS VARCHAR)", null},
      {"J", "CAST(CAST(julian(CAST($ AS DATE)) AS BIGINT) AS VARCHAR)", null}};

  /** A part of a to_char template: a strftime format, or an expression over the value ({@code $}). */
  private record Piece(String text, boolean expression) {}

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
      int comma = tokens.prev(template);
      if (format == null || !tokens.prevIs(template, ",")) {
        continue;
      }
      boolean formatting = function.equals("to_char");
      List<Piece> pieces = pieces(format, formatting);
      if (pieces == null) {
        continue;
      }
      int from = tokens.next(tokens.next(i));
      List<Token> value = tokens.copy(from, tokens.prev(comma));
      List<Token> call = formatting
          ? formatCall(value, tokens.text(from, tokens.prev(comma)), pieces)
          : parseCall(value, pieces.get(0).text(), function.equals("to_date") ? "DATE" : "TIMESTAMPTZ");
      tokens.replace(i, close, call);
      i += call.size() - 1;
    }
  }

  /** strftime of each run of codes, joined by || to the expressions between them. */
  private static List<Token> formatCall(List<Token> value, String valueText, List<Piece> pieces) {
    List<Token> out = new ArrayList<>();
    boolean joined = pieces.size() > 1;
    if (joined) {
      out.add(Token.punct("("));
    }
    for (int p = 0; p < pieces.size(); p++) {
      if (p > 0) {
        out.addAll(SqlLexer.lex(" || "));
      }
      Piece piece = pieces.get(p);
      if (piece.expression()) {
        out.add(Token.punct("("));
        out.addAll(SqlLexer.lex(piece.text().replace("$", "(" + valueText + ")")));
        out.add(Token.punct(")"));
      } else {
        out.addAll(SqlLexer.lex("strftime("));
        out.addAll(value);
        out.addAll(SqlLexer.lex(", "));
        out.add(Literals.string(piece.text()));
        out.add(Token.punct(")"));
      }
    }
    if (joined) {
      out.add(Token.punct(")"));
    }
    return out;
  }

  private static List<Token> parseCall(List<Token> value, String format, String type) {
    List<Token> out = new ArrayList<>(SqlLexer.lex("strptime("));
    out.addAll(value);
    out.addAll(SqlLexer.lex(", "));
    out.add(Literals.string(format));
    out.addAll(SqlLexer.lex(")::" + type));
    return out;
  }

  /**
   * The strftime format for a PostgreSQL template when strftime alone can follow it (for parsing,
   * always), or null.
   */
  static String translate(String template, boolean formatting) {
    List<Piece> pieces = pieces(template, formatting);
    return pieces == null || pieces.size() != 1 || pieces.get(0).expression() ? null
        : pieces.get(0).text();
  }

  /**
   * The template as strftime formats and expressions over {@code $}, in order; for parsing one
   * strftime format. Null when it uses a pattern not known here, or none at all.
   */
  private static List<Piece> pieces(String template, boolean formatting) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder format = new StringBuilder();
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
        format.append(template.substring(i + 1, end).replace("%", "%%"));
        i = end + 1;
        continue;
      }
      for (String[] p : EXPRESSIONS) {
        if (template.startsWith(p[0], i)) {
          if (!formatting && p[2] == null) {
            return null;
          }
          if (formatting) {
            flush(format, pieces);
            pieces.add(new Piece(p[1], true));
          } else {
            format.append(p[2]);
          }
          anyPattern = true;
          i += p[0].length();
          continue outer;
        }
      }
      for (String[] p : CODES) {
        if (template.startsWith(p[0], i)) {
          format.append(formatting ? p[1] : p[1].replace("%-", "%"));
          anyPattern = true;
          i += p[0].length();
          continue outer;
        }
      }
      if (Character.isLetter(c) || c == '9' || c == '0' && !anyPattern) {
        return null; // a pattern not translated here (number patterns, ...)
      }
      format.append(c == '%' ? "%%" : String.valueOf(c));
      i++;
    }
    flush(format, pieces);
    return anyPattern ? pieces : null;
  }

  private static void flush(StringBuilder format, List<Piece> pieces) {
    if (format.length() > 0) {
      pieces.add(new Piece(format.toString(), false));
      format.setLength(0);
    }
  }
}
