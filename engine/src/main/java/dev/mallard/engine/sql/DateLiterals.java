package dev.mallard.engine.sql;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date constants ({@code date '..'}, {@code '..'::date}, {@code CAST('..' AS date)}) in the
 * spellings PostgreSQL's date input reads and DuckDB's does not: {@code 20240305}, month names
 * ({@code March 5, 2024}, {@code 5 Mar 2024}) and, with PostgreSQL's default DateStyle (MDY),
 * {@code 3/5/2024}. They are rewritten as ISO dates; other text is left to DuckDB.
 */
final class DateLiterals implements RewriteRule {
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
  private static final List<DateTimeFormatter> NAMED = List.of(
      formatter("MMMM d[,] uuuu"), formatter("MMM d[,] uuuu"), formatter("d MMMM uuuu"),
      formatter("d MMM uuuu"), formatter("uuuu MMMM d"), formatter("uuuu MMM d"));

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }

  @Override
  public String name() {
    return "date-literals";
  }

  @Override
  public void apply(Tokens tokens, RewriteContext context) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != Token.Kind.STRING || !isDate(tokens, i)) {
        continue;
      }
      String text = Literals.stringValue(t);
      LocalDate date = text == null ? null : read(text.strip());
      if (date != null) {
        tokens.set(i, Literals.string(date.toString()));
      }
    }
  }

  private static boolean isDate(Tokens tokens, int i) {
    if ("date".equals(CastTarget.of(tokens, i))) {
      return true;
    }
    int prev = tokens.prev(i);
    Token p = tokens.at(prev);
    return p != null && p.isWord("date") && !tokens.prevIs(prev, "::") && !tokens.prevIs(prev, ".");
  }

  /** The date of one of the spellings above, or null. */
  static LocalDate read(String text) {
    try {
      Matcher m = COMPACT.matcher(text);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      }
      m = SLASHED.matcher(text);
      if (m.matches()) {
        return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)));
      }
    } catch (java.time.DateTimeException e) {
      return null;
    }
    String spaced = text.replaceAll("\\s+", " ");
    for (DateTimeFormatter f : NAMED) {
      try {
        return LocalDate.parse(spaced, f);
      } catch (DateTimeParseException e) {
        // try the next spelling
      }
    }
    return null;
  }
}
