package dev.mallard.engine.copy;

import dev.mallard.wire.copy.CopyFormat;
import dev.mallard.wire.copy.CopyOptions;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A COPY statement that moves data over the connection (FROM STDIN / TO STDOUT), parsed with both
 * of PostgreSQL's option syntaxes: {@code WITH (FORMAT csv, HEADER)} and the older {@code WITH
 * CSV HEADER DELIMITER ','}. COPY to or from a file is DuckDB's own business and not parsed here.
 *
 * @param table the relation as written (qualified, quoted as in the SQL), or null for a query
 * @param columns the column list, empty for all columns
 * @param query the SQL of {@code COPY (query) TO}, or null
 */
public record CopyStatement(
    String table, List<String> columns, String query, boolean from, CopyOptions options) {

  /** The statement when it reads STDIN or writes STDOUT; empty for COPY to/from files. */
  public static java.util.Optional<CopyStatement> parseStdio(String sql) {
    CopyTokens t = new CopyTokens(sql);
    t.expectWord("COPY");
    String table = null;
    String query = null;
    List<String> columns = new ArrayList<>();
    if (t.peekIs("(")) {
      query = t.parenthesized();
    } else {
      table = t.qualifiedName();
      if (t.peekIs("(")) {
        t.next();
        do {
          columns.add(t.identifier());
        } while (t.accept(","));
        t.expect(")");
      }
    }
    String direction = t.nextWord();
    boolean from;
    if (direction.equals("FROM")) {
      from = true;
    } else if (direction.equals("TO")) {
      from = false;
    } else {
      throw syntax(direction);
    }
    String target = t.nextWord();
    if (!(from ? target.equals("STDIN") : target.equals("STDOUT"))) {
      return java.util.Optional.empty();
    }
    if (from && query != null) {
      throw syntax("(");
    }
    CopyOptions options = parseOptions(t);
    if (t.peekIs("WHERE")) {
      throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY FROM ... WHERE is not supported");
    }
    if (!t.atEnd()) {
      throw syntax(t.next());
    }
    return java.util.Optional.of(new CopyStatement(table, List.copyOf(columns), query, from, options));
  }

  private static CopyOptions parseOptions(CopyTokens t) {
    OptionsBuilder b = new OptionsBuilder();
    t.acceptWord("WITH");
    if (t.peekIs("(")) {
      t.next();
      do {
        String name = t.nextWord();
        b.set(name, t.peekIs(",") || t.peekIs(")") ? null : t.optionValue());
      } while (t.accept(","));
      t.expect(")");
      return b.build();
    }
    // Pre-9.0 syntax: BINARY, DELIMITER [AS] 'x', NULL [AS] 'x', CSV, HEADER, QUOTE, ESCAPE, FORCE ...
    while (!t.atEnd() && !t.peekIs("WHERE")) {
      String word = t.nextWord();
      switch (word) {
        case "BINARY":
          b.set("FORMAT", "binary");
          break;
        case "CSV":
          b.set("FORMAT", "csv");
          break;
        case "HEADER":
          b.set("HEADER", null);
          break;
        case "DELIMITER": case "NULL": case "QUOTE": case "ESCAPE": case "ENCODING":
          t.acceptWord("AS");
          b.set(word, t.optionValue());
          break;
        case "FORCE":
          String what = t.nextWord();
          if (what.equals("QUOTE")) {
            b.forceQuote(t);
          } else if (what.equals("NOT") && t.acceptWord("NULL")) {
            b.forceNotNull = t.identifierList();
          } else if (what.equals("NULL")) {
            b.forceNull = t.identifierList();
          } else {
            throw syntax(what);
          }
          break;
        default:
          throw syntax(word);
      }
    }
    return b.build();
  }

  static PgException syntax(String near) {
    return new PgException(SqlState.SYNTAX_ERROR, "syntax error at or near \"" + near + "\"");
  }

  /** Collects options, then applies PostgreSQL's defaults and checks. */
  private static final class OptionsBuilder {
    CopyFormat format = CopyFormat.TEXT;
    Character delimiter;
    String nullString;
    boolean header;
    Character quote;
    Character escape;
    List<String> forceQuote = List.of();
    boolean forceQuoteAll;
    List<String> forceNotNull = List.of();
    List<String> forceNull = List.of();

    void set(String name, String value) {
      switch (name.toUpperCase(Locale.ROOT)) {
        case "FORMAT":
          format = switch (value == null ? "" : value.toLowerCase(Locale.ROOT)) {
            case "text" -> CopyFormat.TEXT;
            case "csv" -> CopyFormat.CSV;
            case "binary" -> CopyFormat.BINARY;
            default -> throw new PgException(
                SqlState.INVALID_PARAMETER_VALUE, "COPY format \"" + value + "\" not recognized");
          };
          break;
        case "DELIMITER":
          delimiter = singleChar("delimiter", value);
          break;
        case "NULL":
          nullString = value;
          break;
        case "HEADER":
          header = value == null || isTrue(value);
          break;
        case "QUOTE":
          quote = singleChar("quote", value);
          break;
        case "ESCAPE":
          escape = singleChar("escape", value);
          break;
        case "ENCODING":
          String enc = value == null ? "" : value.toUpperCase(Locale.ROOT).replace("-", "");
          if (!enc.equals("UTF8") && !enc.equals("SQL_ASCII")) {
            throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY encoding " + value + " is not supported");
          }
          break;
        case "FREEZE":
          break; // a hint PostgreSQL may ignore too
        case "FORCE_QUOTE":
          if ("*".equals(value)) {
            forceQuoteAll = true;
          } else {
            forceQuote = splitList(value);
          }
          break;
        case "FORCE_NOT_NULL":
          forceNotNull = splitList(value);
          break;
        case "FORCE_NULL":
          forceNull = splitList(value);
          break;
        default:
          throw new PgException(SqlState.SYNTAX_ERROR, "option \"" + name.toLowerCase(Locale.ROOT) + "\" not recognized");
      }
    }

    void forceQuote(CopyTokens t) {
      if (t.accept("*")) {
        forceQuoteAll = true;
      } else {
        forceQuote = t.identifierList();
      }
    }

    private static List<String> splitList(String value) {
      List<String> out = new ArrayList<>();
      if (value != null) {
        for (String s : value.split(",")) {
          out.add(s.strip());
        }
      }
      return out;
    }

    private static boolean isTrue(String v) {
      switch (v.toLowerCase(Locale.ROOT)) {
        case "true": case "on": case "1": case "yes": return true;
        case "false": case "off": case "0": case "no": return false;
        case "match": return true;
        default:
          throw new PgException(SqlState.INVALID_PARAMETER_VALUE, "header requires a Boolean value or \"match\"");
      }
    }

    private static char singleChar(String what, String value) {
      if (value == null || value.length() != 1) {
        throw new PgException(SqlState.INVALID_PARAMETER_VALUE,
            "COPY " + what + " must be a single one-byte character");
      }
      return value.charAt(0);
    }

    CopyOptions build() {
      CopyOptions d = CopyOptions.defaults(format);
      boolean csv = format == CopyFormat.CSV;
      if (!csv && (quote != null || escape != null || !forceQuote.isEmpty() || forceQuoteAll
          || !forceNotNull.isEmpty() || !forceNull.isEmpty())) {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote, escape and force options are available only in CSV mode");
      }
      if (format == CopyFormat.BINARY && (delimiter != null || nullString != null || header)) {
        throw new PgException(SqlState.SYNTAX_ERROR, "cannot specify DELIMITER, NULL or HEADER in BINARY mode");
      }
      char q = quote == null ? d.quote() : quote;
      return new CopyOptions(format,
          delimiter == null ? d.delimiter() : delimiter,
          nullString == null ? d.nullString() : nullString,
          header,
          q,
          escape == null ? q : escape,
          forceQuote, forceQuoteAll, forceNotNull, forceNull);
    }
  }
}
