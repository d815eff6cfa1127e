package dev.mallard.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mallard.conformance.Difference.Kind;
import dev.mallard.conformance.Outcome.Column;
import dev.mallard.conformance.Outcome.Count;
import dev.mallard.conformance.Outcome.Failure;
import dev.mallard.conformance.Outcome.Rows;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final int INT8 = 20;
  private static final int TEXT = 25;
  private static final int VARCHAR = 1043;
  private static final int FLOAT8 = 701;
  private static final int NUMERIC = 1700;

  private static Rows rows(boolean ordered, List<Column> columns, String[]... values) {
    return new Rows(columns, Arrays.stream(values).map(Arrays::asList).toList(), ordered);
  }

  private static List<Column> cols(Object... nameAndOid) {
    Column[] out = new Column[nameAndOid.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Column((String) nameAndOid[2 * i], (Integer) nameAndOid[2 * i + 1], 0);
    }
    return List.of(out);
  }

  private static Difference compare(Outcome expected, Outcome actual) {
    return Comparison.compare(List.of(expected), List.of(actual));
  }

  @Test
  void unorderedResultsAreAMultiset() {
    Rows pg = rows(false, cols("a", INT8), new String[] {"1"}, new String[] {"2"});
    Rows mallard = rows(false, cols("a", INT8), new String[] {"2"}, new String[] {"1"});
    assertNull(compare(pg, mallard));
  }

  @Test
  void orderedResultsInAnotherOrderDiffer() {
    Rows pg = rows(true, cols("a", INT8), new String[] {"1"}, new String[] {"2"});
    Rows mallard = rows(true, cols("a", INT8), new String[] {"2"}, new String[] {"1"});
    assertEquals(List.of(Kind.ROW_ORDER), compare(pg, mallard).kinds());
  }

  @Test
  void duplicatesCountInAMultiset() {
    Rows pg = rows(false, cols("a", INT8), new String[] {"1"}, new String[] {"1"});
    Rows mallard = rows(false, cols("a", INT8), new String[] {"1"}, new String[] {"2"});
    assertEquals(Kind.VALUES, compare(pg, mallard).kind());
  }

  @Test
  void floatsCompareWithinATolerance() {
    Rows pg = rows(true, cols("f", FLOAT8), new String[] {"0.30000000000000004"});
    Rows close = rows(true, cols("f", FLOAT8), new String[] {"0.3"});
    Rows far = rows(true, cols("f", FLOAT8), new String[] {"0.3001"});
    assertNull(compare(pg, close));
    assertEquals(Kind.VALUES, compare(pg, far).kind());
  }

  @Test
  void numericsCompareAsText() {
    Rows pg = rows(true, cols("n", NUMERIC), new String[] {"2.5"});
    Rows mallard = rows(true, cols("n", NUMERIC), new String[] {"2.50"});
    assertEquals(Kind.VALUES, compare(pg, mallard).kind());
  }

  @Test
  void nullIsNotTheStringNull() {
    Rows pg = rows(true, cols("t", TEXT), new String[] {null});
    Rows mallard = rows(true, cols("t", TEXT), new String[] {"NULL"});
    assertEquals(Kind.VALUES, compare(pg, mallard).kind());
  }

  @Test
  void textAndVarcharAreOneTypeButOtherOidsDiffer() {
    Rows pg = rows(true, cols("t", VARCHAR, "n", INT8), new String[] {"a", "1"});
    Rows mallard = rows(true, cols("t", TEXT, "n", NUMERIC), new String[] {"a", "1"});
    Difference d = compare(pg, mallard);
    assertEquals(List.of(Kind.TYPES), d.kinds());
    assertEquals(1, d.details().size());
  }

  @Test
  void namesTypesAndValuesAreAllReported() {
    Rows pg = rows(true, cols("count", INT8), new String[] {"3"});
    Rows mallard = rows(true, cols("count_star()", NUMERIC), new String[] {"4"});
    assertEquals(List.of(Kind.COLUMNS, Kind.TYPES, Kind.VALUES), compare(pg, mallard).kinds());
  }

  @Test
  void errorsCompareBySqlState() {
    Failure divisionByZero = new Failure("22012", "division by zero");
    assertNull(compare(divisionByZero, new Failure("22012", "Division by zero!")));
    assertEquals(Kind.SQLSTATE, compare(divisionByZero, new Failure("22000", "x")).kind());
    assertEquals(Kind.MISSING_ERROR,
        compare(divisionByZero, rows(false, cols("x", INT8), new String[] {null})).kind());
    assertEquals(Kind.UNEXPECTED_ERROR, compare(new Count(1), divisionByZero).kind());
  }

  @Test
  void rowCountsOfDmlMustMatch() {
    assertNull(compare(new Count(3), new Count(3)));
    assertEquals(Kind.COMMAND_RESULT, compare(new Count(3), new Count(2)).kind());
  }

  @Test
  void theFirstDifferingStatementIsReported() {
    Difference d = Comparison.compare(
        List.of(new Count(1), new Count(2)), List.of(new Count(1), new Count(5)));
    assertEquals(2, d.statement());
  }
}
