package dev.mallard.wire.copy;

import java.util.List;

/**
 * COPY's options with PostgreSQL's defaults filled in: text uses tab and {@code \N}; CSV uses
 * comma, the empty unquoted string for NULL, and {@code "} as both quote and escape.
 *
 * @param forceQuote columns always quoted on CSV output; {@code forceQuoteAll} quotes every
 *     non-NULL value
 * @param forceNotNull columns whose empty/NULL-string input is read as an empty string (CSV in)
 * @param forceNull columns whose quoted NULL string is read as NULL (CSV in)
 */
public record CopyOptions(
    CopyFormat format,
    char delimiter,
    String nullString,
    boolean header,
    char quote,
    char escape,
    List<String> forceQuote,
    boolean forceQuoteAll,
    List<String> forceNotNull,
    List<String> forceNull) {

  public static CopyOptions defaults(CopyFormat format) {
    boolean csv = format == CopyFormat.CSV;
    return new CopyOptions(format, csv ? ',' : '\t', csv ? "" : "\\N", false, '"', '"',
        List.of(), false, List.of(), List.of());
  }
}
