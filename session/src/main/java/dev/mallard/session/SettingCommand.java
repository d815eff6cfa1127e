package dev.mallard.session;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SET, SHOW and RESET as PostgreSQL's grammar reads them (the VariableSetStmt family), parsed into
 * a small value: which setting, the new value (null = DEFAULT), and whether it is SET LOCAL.
 */
record SettingCommand(Verb verb, String name, String value, boolean local) {

  enum Verb {
    SET,
    SHOW,
    RESET,
    /** Accepted and without effect, e.g. SET SESSION CHARACTERISTICS. */
    NO_OP,
    /** A SHOW that DuckDB answers itself (SHOW TABLES, SHOW DATABASES). */
    ENGINE
  }

  static final String ALL = "all";

  /** The result columns of a SHOW: one named after the setting, or SHOW ALL's three. */
  List<String> showColumns() {
    return name.equals(ALL)
        ? List.of("name", "setting", "description")
        : List.of(SessionSettings.displayName(name));
  }

  static SettingCommand parse(String sql) {
    List<String> t = tokens(sql);
    String verb = upper(t, 0);
    switch (verb) {
      case "SET":
        return parseSet(t);
      case "SHOW":
        return parseShow(t);
      case "RESET":
        if (t.size() < 2) {
          throw syntax(sql);
        }
        return new SettingCommand(Verb.RESET, upper(t, 1).equals("ALL") ? ALL : dotted(t, 1), null, false);
      default:
        throw syntax(sql);
    }
  }

  private static SettingCommand parseShow(List<String> t) {
    String first = upper(t, 1);
    if (first.equals("TABLES") || first.equals("DATABASES")
        || (first.equals("ALL") && upper(t, 2).equals("TABLES"))) {
      return new SettingCommand(Verb.ENGINE, null, null, false);
    }
    if (first.equals("ALL")) {
      return new SettingCommand(Verb.SHOW, ALL, null, false);
    }
    if (first.isEmpty()) {
      throw syntax("SHOW");
    }
    return new SettingCommand(Verb.SHOW, dotted(t, 1), null, false);
  }

  private static SettingCommand parseSet(List<String> t) {
    int i = 1;
    boolean local = false;
    if (upper(t, i).equals("LOCAL")) {
      local = true;
      i++;
    } else if (upper(t, i).equals("SESSION")) {
      if (upper(t, i + 1).equals("CHARACTERISTICS")) {
        return new SettingCommand(Verb.NO_OP, null, null, false);
      }
      if (upper(t, i + 1).equals("AUTHORIZATION")) {
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "SET SESSION AUTHORIZATION is not supported");
      }
      i++;
    }
    String word = upper(t, i);
    switch (word) {
      case "TIME":
        if (upper(t, i + 1).equals("ZONE")) {
          if (i + 2 >= t.size()) {
            throw syntax(String.join(" ", t));
          }
          String v = upper(t, i + 2);
          String value = v.equals("DEFAULT") || v.equals("LOCAL") ? null : unquote(t.get(i + 2));
          return new SettingCommand(Verb.SET, "TimeZone", value, local);
        }
        break;
      case "TRANSACTION":
        return isolation(t, i + 1, local, "transaction_isolation");
      case "NAMES":
        return new SettingCommand(Verb.SET, "client_encoding", valueList(t, i + 1), local);
      case "SCHEMA":
        return new SettingCommand(Verb.SET, "search_path", valueList(t, i + 1), local);
      case "ROLE":
        throw new PgException(SqlState.FEATURE_NOT_SUPPORTED, "SET ROLE is not supported yet");
      default:
        break;
    }
    if (i >= t.size()) {
      throw syntax(String.join(" ", t));
    }
    String name = dotted(t, i);
    i += 1 + 2 * (int) name.chars().filter(ch -> ch == '.').count();
    String sep = upper(t, i);
    if (!sep.equals("TO") && !sep.equals("=")) {
      throw syntax(String.join(" ", t));
    }
    String value = valueList(t, i + 1);
    return new SettingCommand(Verb.SET, name, value, local);
  }

  private static SettingCommand isolation(List<String> t, int i, boolean local, String name) {
    if (upper(t, i).equals("ISOLATION") && upper(t, i + 1).equals("LEVEL")) {
      StringBuilder level = new StringBuilder();
      for (int j = i + 2; j < t.size() && !t.get(j).equals(","); j++) {
        if (level.length() > 0) {
          level.append(' ');
        }
        level.append(t.get(j).toLowerCase(Locale.ROOT));
      }
      return new SettingCommand(Verb.SET, name, level.toString(), true);
    }
    if (upper(t, i).equals("READ")) {
      return new SettingCommand(
          Verb.SET, "transaction_read_only", upper(t, i + 1).equals("ONLY") ? "on" : "off", true);
    }
    return new SettingCommand(Verb.NO_OP, null, null, local);
  }

  /** The value after TO/=: DEFAULT (null) or a comma-separated list joined as PostgreSQL shows it. */
  private static String valueList(List<String> t, int i) {
    if (i >= t.size()) {
      throw syntax(String.join(" ", t));
    }
    if (upper(t, i).equals("DEFAULT") && i + 1 == t.size()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int j = i; j < t.size(); j++) {
      String tok = t.get(j);
      if (tok.equals(",")) {
        out.append(", ");
      } else {
        out.append(tok.startsWith("\"") ? tok : unquote(tok));
      }
    }
    return out.toString();
  }

  /** A setting name at {@code i}, joining custom "prefix.name" parts. */
  private static String dotted(List<String> t, int i) {
    String name = alias(t, i);
    for (int j = i + 1; j + 1 < t.size() && t.get(j).equals("."); j += 2) {
      name = name + "." + unquote(t.get(j + 1));
    }
    return name;
  }

  private static String alias(List<String> t, int i) {
    String name = unquote(t.get(i));
    String upper = name.toUpperCase(Locale.ROOT);
    if (upper.equals("TIME") && upper(t, i + 1).equals("ZONE")) {
      return "TimeZone";
    }
    if (upper.equals("TRANSACTION") && upper(t, i + 1).equals("ISOLATION")) {
      return "transaction_isolation";
    }
    if (upper.equals("SESSION") && upper(t, i + 1).equals("AUTHORIZATION")) {
      return "session_authorization";
    }
    return name;
  }

  private static String upper(List<String> t, int i) {
    return i < t.size() ? t.get(i).toUpperCase(Locale.ROOT) : "";
  }

  private static String unquote(String tok) {
    if (tok.length() >= 2 && (tok.startsWith("'") || tok.startsWith("E'") || tok.startsWith("e'"))) {
      String body = tok.substring(tok.indexOf('\'') + 1, tok.length() - 1).replace("''", "'");
      return tok.startsWith("'") ? body : body.replace("\\\\", "\\");
    }
    if (tok.length() >= 2 && tok.startsWith("\"")) {
      return tok.substring(1, tok.length() - 1).replace("\"\"", "\"");
    }
    return tok;
  }

  static List<String> tokens(String sql) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == ';') {
        i++;
      } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
        int start = i;
        i = c == '\'' ? i + 1 : i + 2;
        while (i < n) {
          if (sql.charAt(i) == '\'') {
            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
              i += 2;
              continue;
            }
            break;
          }
          i++;
        }
        out.add(sql.substring(start, Math.min(n, i + 1)));
        i++;
      } else if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        while (end > 0 && end + 1 < n && sql.charAt(end + 1) == '"') {
          end = sql.indexOf('"', end + 2);
        }
        end = end < 0 ? n - 1 : end;
        out.add(sql.substring(i, end + 1));
        i = end + 1;
      } else if (c == '=' || c == ',' || c == '.') {
        out.add(String.valueOf(c));
        i++;
      } else if (sql.startsWith("--", i)) {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol + 1;
      } else {
        int start = i;
        while (i < n && !Character.isWhitespace(sql.charAt(i)) && "=,;'\"".indexOf(sql.charAt(i)) < 0
            && !(sql.charAt(i) == '.' && !isNumberSoFar(sql, start, i))) {
          i++;
        }
        out.add(sql.substring(start, i));
      }
    }
    return out;
  }

  private static boolean isNumberSoFar(String sql, int start, int i) {
    for (int j = start; j < i; j++) {
      char c = sql.charAt(j);
      if (!Character.isDigit(c) && c != '-' && c != '+') {
        return false;
      }
    }
    return i > start;
  }

  private static PgException syntax(String sql) {
    return new PgException(SqlState.SYNTAX_ERROR, "syntax error in \"" + sql.strip() + "\"");
  }
}
