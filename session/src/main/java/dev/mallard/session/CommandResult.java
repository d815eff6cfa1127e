package dev.mallard.session;

import java.util.List;

/**
 * What a statement the session answers itself produced: an optional small text result (SHOW) and
 * the command tag. Notices are sent before the result.
 */
record CommandResult(List<String> columnNames, List<String[]> rows, String tag, List<Warning> warnings) {

  /** A WARNING notice to send before the result. */
  record Warning(String sqlState, String message) {}

  static CommandResult tag(String tag) {
    return new CommandResult(List.of(), List.of(), tag, List.of());
  }

  static CommandResult warning(String tag, String sqlState, String message) {
    return new CommandResult(List.of(), List.of(), tag, List.of(new Warning(sqlState, message)));
  }

  boolean hasRows() {
    return !columnNames.isEmpty();
  }
}
