package dev.mallard.conformance;

import dev.mallard.conformance.Difference.Kind;
import dev.mallard.conformance.Outcome.Column;
import dev.mallard.conformance.Outcome.Count;
import dev.mallard.conformance.Outcome.Failure;
import dev.mallard.conformance.Outcome.Rows;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Compares Mallard's outcomes for an entry with PostgreSQL's, statement by statement.
 *
 * <p>What counts: whether each statement failed and with which SQLSTATE (messages are not
 * compared: they are prose); the row count of DML; the number, names and type OIDs of result
 * columns (text, varchar, name and "char" count as one type: DuckDB keeps no declared length and
 * has no name or "char" type, and clients read all four as strings); the number of rows; every value as the text the client got for it. Rows are compared in order only under a
 * top-level ORDER BY, otherwise as a multiset. Values of float4/float8 columns (on either side) are
 * compared as numbers with a relative tolerance, since summation order legitimately changes the
 * last digits; every other value must match its text exactly.
 */
final class Comparison {
  private static final int CHAR = 18;
  private static final int NAME = 19;
  private static final int TEXT = 25;
  private static final int VARCHAR = 1043;
  private static final int FLOAT4 = 700;
  private static final int FLOAT8 = 701;

  private Comparison() {}

  /** Null when the outcomes agree. */
  static Difference compare(List<Outcome> expected, List<Outcome> actual) {
    for (int i = 0; i < expected.size(); i++) {
      Difference d = compare(i + 1, expected.get(i), actual.get(i));
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  private static Difference compare(int statement, Outcome expected, Outcome actual) {
    if (expected instanceof Failure e) {
      if (actual instanceof Failure a) {
        return e.sqlState().equals(a.sqlState())
            ? null
            : diff(Kind.SQLSTATE, statement, "error " + describe(e) + " vs " + describe(a));
      }
      return diff(Kind.MISSING_ERROR, statement,
          "PostgreSQL: " + describe(e) + "; Mallard: " + summary(actual));
    }
    if (actual instanceof Failure a) {
      return diff(Kind.UNEXPECTED_ERROR, statement,
          "PostgreSQL: " + summary(expected) + "; Mallard: " + describe(a));
    }
    if (expected instanceof Count e) {
      if (actual instanceof Count a && a.count() == e.count()) {
        return null;
      }
      return diff(Kind.COMMAND_RESULT, statement, summary(expected) + " vs " + summary(actual));
    }
    if (!(actual instanceof Rows a)) {
      return diff(Kind.COMMAND_RESULT, statement, summary(expected) + " vs " + summary(actual));
    }
    return compareRows(statement, (Rows) expected, a);
  }

  /**
   * Column names, types, row count and values are each checked (as far as the shapes allow), so
   * that a report can tell a query that differs only in a column's name from one that also returns
   * other values.
   */
  private static Difference compareRows(int statement, Rows e, Rows a) {
    List<String> details = new ArrayList<>();
    List<Kind> kinds = new ArrayList<>();
    if (!names(e.columns()).equals(names(a.columns()))) {
      kinds.add(Kind.COLUMNS);
      details.add("columns " + names(e.columns()) + " vs " + names(a.columns()));
      if (e.columns().size() != a.columns().size()) {
        return new Difference(kinds, statement, details);
      }
    }
    for (int c = 0; c < e.columns().size(); c++) {
      int eo = e.columns().get(c).oid();
      int ao = a.columns().get(c).oid();
      if (!sameType(eo, ao)) {
        if (!kinds.contains(Kind.TYPES)) {
          kinds.add(Kind.TYPES);
        }
        details.add("column " + (c + 1) + " " + e.columns().get(c).name() + ": type "
            + PgTypeNames.of(eo) + " vs " + PgTypeNames.of(ao));
      }
    }
    if (e.rows().size() != a.rows().size()) {
      kinds.add(Kind.ROW_COUNT);
      details.add(e.rows().size() + " rows vs " + a.rows().size()
          + firstRows(e.rows(), a.rows()));
      return new Difference(kinds, statement, details);
    }
    boolean[] floats = floatColumns(e.columns(), a.columns());
    String valueDiff = firstValueDifference(floats, e.rows(), a.rows(), e.ordered());
    if (valueDiff != null) {
      boolean reordered = e.ordered()
          && firstValueDifference(floats, e.rows(), a.rows(), false) == null;
      kinds.add(reordered ? Kind.ROW_ORDER : Kind.VALUES);
      details.add(reordered ? "same rows, different order: " + valueDiff : valueDiff);
    }
    return kinds.isEmpty() ? null : new Difference(kinds, statement, details);
  }

  private static String firstValueDifference(
      boolean[] floats, List<List<String>> e, List<List<String>> a, boolean ordered) {
    if (!ordered) {
      e = sorted(e);
      a = sorted(a);
    }
    for (int r = 0; r < e.size(); r++) {
      for (int c = 0; c < floats.length; c++) {
        String ev = e.get(r).get(c);
        String av = a.get(r).get(c);
        if (!sameValue(floats[c], ev, av)) {
          return (ordered ? "row " : "sorted row ") + (r + 1) + " column " + (c + 1) + ": "
              + quote(ev) + " vs " + quote(av) + "; rows " + clip(e.get(r).toString()) + " vs "
              + clip(a.get(r).toString());
        }
      }
    }
    return null;
  }

  static boolean sameValue(boolean floating, String e, String a) {
    if (Objects.equals(e, a)) {
      return true;
    }
    if (!floating || e == null || a == null) {
      return false;
    }
    try {
      double x = Double.parseDouble(e);
      double y = Double.parseDouble(a);
      if (Double.isNaN(x) || Double.isInfinite(x) || Double.isNaN(y) || Double.isInfinite(y)) {
        return Double.compare(x, y) == 0;
      }
      return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12;
    } catch (NumberFormatException ex) {
      return false;
    }
  }

  private static boolean[] floatColumns(List<Column> e, List<Column> a) {
    boolean[] floats = new boolean[e.size()];
    for (int c = 0; c < floats.length; c++) {
      floats[c] = isFloat(e.get(c).oid()) || isFloat(a.get(c).oid());
    }
    return floats;
  }

  private static boolean isFloat(int oid) {
    return oid == FLOAT4 || oid == FLOAT8;
  }

  private static boolean sameType(int e, int a) {
    return e == a || (isString(e) && isString(a));
  }

  private static boolean isString(int oid) {
    return oid == TEXT || oid == VARCHAR || oid == NAME || oid == CHAR;
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    Comparator<List<String>> byText = Comparator.comparing(Comparison::sortKey);
    return rows.stream().sorted(byText).toList();
  }

  private static String sortKey(List<String> row) {
    StringBuilder key = new StringBuilder();
    for (String v : row) {
      key.append(v == null ? "\u0000N" : "\u0001" + v).append('\u0002');
    }
    return key.toString();
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }

  private static String firstRows(List<List<String>> e, List<List<String>> a) {
    return "; first rows " + clip(e.stream().limit(3).toList().toString()) + " vs "
        + clip(a.stream().limit(3).toList().toString());
  }

  private static Difference diff(Kind kind, int statement, String detail) {
    return new Difference(List.of(kind), statement, List.of(detail));
  }

  private static String describe(Failure f) {
    return f.sqlState() + " (" + clip(f.message()) + ")";
  }

  private static String summary(Outcome o) {
    if (o instanceof Rows r) {
      return r.rows().size() + " rows " + names(r.columns());
    }
    if (o instanceof Count c) {
      return "row count " + c.count();
    }
    return describe((Failure) o);
  }

  private static String quote(String v) {
    return v == null ? "NULL" : "'" + clip(v) + "'";
  }

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    String one = s.replace('\n', ' ');
    return one.length() <= 160 ? one : one.substring(0, 157) + "...";
  }
}
