package dev.mallard.wire.types;

import static dev.mallard.wire.types.TestSupport.ALLOCATOR;
import static dev.mallard.wire.types.TestSupport.binary;
import static dev.mallard.wire.types.TestSupport.text;
import static dev.mallard.wire.types.Vectors.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.Types.MinorType;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;

/** Arrays, json for nested values, and dictionary-encoded ENUMs. */
class NestedEncodingTest {

  private static List<String> list(String... values) {
    return Arrays.asList(values);
  }

  @FunctionalInterface
  interface Setter {
    void set(FieldVector child, int index, Object value);
  }

  private static final Setter INT = (v, i, o) -> ((IntVector) v).setSafe(i, (Integer) o);
  private static final Setter STRING =
      (v, i, o) -> ((VarCharVector) v).setSafe(i, ((String) o).getBytes(StandardCharsets.UTF_8));

  /** A ListVector of rows; a null row is a NULL list, a null element a NULL element. */
  static ListVector listOf(ArrowType childType, Setter setter, Object[]... rows) {
    ListVector list = ListVector.empty("l", ALLOCATOR);
    FieldVector child =
        (FieldVector) list.addOrGetVector(FieldType.nullable(childType)).getVector();
    fill(list, child, setter, rows);
    return list;
  }

  private static void fill(ListVector list, FieldVector child, Setter setter, Object[][] rows) {
    int k = 0;
    for (int r = 0; r < rows.length; r++) {
      list.startNewValue(r);
      if (rows[r] == null) {
        list.endValue(r, 0);
        list.setNull(r);
        continue;
      }
      for (Object value : rows[r]) {
        if (value == null) {
          child.setNull(k);
        } else {
          setter.set(child, k, value);
        }
        k++;
      }
      list.endValue(r, rows[r].length);
    }
    child.setValueCount(k);
    list.setValueCount(rows.length);
  }

  @Test
  void intArrays() {
    ListVector ints =
        listOf(
            MinorType.INT.getType(),
            INT,
            new Object[] {1, 2, null},
            new Object[] {},
            null,
            new Object[] {-5});
    assertEquals(list("{1,2,NULL}", "{}", null, "{-5}"), text(ints, PgTypes.INT4_ARRAY));
    assertEquals(
        list(
            "00000001000000010000001700000003000000010000000400000001000000040000" + "0002ffffffff",
            "000000000000000000000017",
            null,
            "0000000100000000000000170000000100000001" + "00000004fffffffb"),
        binary(ints, PgTypes.INT4_ARRAY));
  }

  @Test
  void textArraysQuoteLikeArrayOut() {
    ListVector strings =
        listOf(
            MinorType.VARCHAR.getType(),
            STRING,
            new Object[] {
              "a b", "x\"y", null, "", "NULL", "null", "back\\slash", "{x}", "a,b", "tab\there", "é"
            });
    assertEquals(
        list(
            "{\"a b\",\"x\\\"y\",NULL,\"\",\"NULL\",\"null\",\"back\\\\slash\",\"{x}\",\"a,b\","
                + "\"tab\there\",é}"),
        text(strings, PgTypes.TEXT_ARRAY));
    ListVector small = listOf(MinorType.VARCHAR.getType(), STRING, new Object[] {"a b", null, ""});
    // array_send(array['a b',NULL,'']::text[])
    assertEquals(
        list("000000010000000100000019000000030000000100000003612062ffffffff00000000"),
        binary(small, PgTypes.TEXT_ARRAY));
  }

  @Test
  void arraysOfOtherElementTypes() {
    ListVector dates =
        listOf(
            MinorType.DATEDAY.getType(),
            (v, i, o) -> ((DateDayVector) v).setSafe(i, (Integer) o),
            new Object[] {Vectors.day(-43, 3, 15), Vectors.day(2024, 1, 1)});
    assertEquals(list("{\"0044-03-15 BC\",2024-01-01}"), text(dates, PgTypes.DATE_ARRAY));
    ListVector stamps =
        listOf(
            MinorType.TIMESTAMPMICRO.getType(),
            (v, i, o) -> ((TimeStampMicroVector) v).setSafe(i, (Long) o),
            new Object[] {micros(2024, 1, 2, 3, 4, 5, 0)});
    assertEquals(list("{\"2024-01-02 03:04:05\"}"), text(stamps, PgTypes.TIMESTAMP_ARRAY));
    ListVector blobs =
        listOf(
            MinorType.VARBINARY.getType(),
            (v, i, o) -> ((VarBinaryVector) v).setSafe(i, (byte[]) o),
            new Object[] {new byte[] {1, 2}});
    assertEquals(list("{\"\\\\x0102\"}"), text(blobs, PgTypes.BYTEA_ARRAY));
    ListVector doubles =
        listOf(
            MinorType.FLOAT8.getType(),
            (v, i, o) -> ((Float8Vector) v).setSafe(i, (Double) o),
            new Object[] {1.5, Double.NaN});
    assertEquals(list("{1.5,NaN}"), text(doubles, PgTypes.FLOAT8_ARRAY));
    ListVector bools =
        listOf(
            MinorType.BIT.getType(),
            (v, i, o) -> ((BitVector) v).setSafe(i, (Boolean) o ? 1 : 0),
            new Object[] {true, false});
    assertEquals(list("{t,f}"), text(bools, PgTypes.BOOL_ARRAY));
    assertEquals(
        list("000000010000000000000010000000020000000100000001010000000100"),
        binary(bools, PgTypes.BOOL_ARRAY));
    assertEquals(
        list("00000001000000000000043a000000020000000100000004fff49d7b000000040000223e"),
        binary(dates, PgTypes.DATE_ARRAY));
  }

  @Test
  void numericArrayBinary() {
    ListVector numbers = ListVector.empty("l", ALLOCATOR);
    DecimalVector child =
        (DecimalVector)
            numbers
                .addOrGetVector(FieldType.nullable(new ArrowType.Decimal(5, 2, 128)))
                .getVector();
    fill(
        numbers,
        child,
        (v, i, o) -> ((DecimalVector) v).setSafe(i, new java.math.BigDecimal((String) o)),
        new Object[][] {{"1.50", null}});
    assertEquals(list("{1.50,NULL}"), text(numbers, PgTypes.NUMERIC_ARRAY));
    // array_send(array[1.50,NULL]::numeric[])
    assertEquals(
        list("0000000100000001000006a400000002000000010000000c000200000000000200011388ffffffff"),
        binary(numbers, PgTypes.NUMERIC_ARRAY));
  }

  @Test
  void fixedSizeListsAreArraysToo() {
    FixedSizeListVector pairs = FixedSizeListVector.empty("a", 2, ALLOCATOR);
    IntVector child =
        (IntVector) pairs.addOrGetVector(FieldType.nullable(MinorType.INT.getType())).getVector();
    pairs.setNotNull(0);
    child.setSafe(0, 1);
    child.setSafe(1, 2);
    pairs.setNull(1);
    child.setValueCount(4);
    pairs.setValueCount(2);
    assertEquals(list("{1,2}", null), text(pairs, PgTypes.INT4_ARRAY));
    assertEquals(
        list("0000000100000000000000170000000200000001000000040000000100000004" + "00000002", null),
        binary(pairs, PgTypes.INT4_ARRAY));
  }

  @Test
  void nestedListsAreJson() {
    ListVector outer = ListVector.empty("ll", ALLOCATOR);
    ListVector inner =
        (ListVector) outer.addOrGetVector(FieldType.nullable(MinorType.LIST.getType())).getVector();
    IntVector ints =
        (IntVector) inner.addOrGetVector(FieldType.nullable(MinorType.INT.getType())).getVector();
    fill(inner, ints, INT, new Object[][] {{1}, {2, 3}, null});
    outer.startNewValue(0);
    outer.endValue(0, 3);
    outer.setValueCount(1);
    assertEquals(list("[[1],[2,3],null]"), text(outer, PgTypes.JSON));
    assertEquals(
        list("[[1],[2,3],null]"),
        binary(outer, PgTypes.JSON).stream()
            .map(h -> new String(TestSupport.hex(h), StandardCharsets.UTF_8))
            .toList());
  }

  private static StructVector struct() {
    StructVector struct = StructVector.empty("s", ALLOCATOR);
    IntVector x =
        struct.addOrGet("x", FieldType.nullable(MinorType.INT.getType()), IntVector.class);
    VarCharVector y =
        struct.addOrGet("y", FieldType.nullable(MinorType.VARCHAR.getType()), VarCharVector.class);
    Float8Vector z =
        struct.addOrGet("z", FieldType.nullable(MinorType.FLOAT8.getType()), Float8Vector.class);
    struct.setIndexDefined(0);
    x.setSafe(0, 1);
    y.setSafe(0, "q\"\\/\n\u0001é".getBytes(StandardCharsets.UTF_8));
    z.setSafe(0, Double.NaN);
    struct.setIndexDefined(1);
    x.setNull(1);
    y.setSafe(1, "a b".getBytes(StandardCharsets.UTF_8));
    z.setSafe(1, 1e100);
    struct.setNull(2);
    x.setValueCount(3);
    y.setValueCount(3);
    z.setValueCount(3);
    struct.setValueCount(3);
    return struct;
  }

  @Test
  void structsAreJsonObjects() {
    assertEquals(
        list(
            "{\"x\":1,\"y\":\"q\\\"\\\\/\\n\\u0001é\",\"z\":\"NaN\"}",
            "{\"x\":null,\"y\":\"a b\",\"z\":1e+100}",
            null),
        text(struct(), PgTypes.JSON));
  }

  @Test
  void temporalMembersUseToJsonForms() {
    StructVector struct = StructVector.empty("s", ALLOCATOR);
    DateDayVector d =
        struct.addOrGet("d", FieldType.nullable(MinorType.DATEDAY.getType()), DateDayVector.class);
    TimeStampMicroVector t =
        struct.addOrGet(
            "t",
            FieldType.nullable(MinorType.TIMESTAMPMICRO.getType()),
            TimeStampMicroVector.class);
    TimeStampMicroTZVector tz =
        struct.addOrGet(
            "tz",
            FieldType.nullable(
                new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.MICROSECOND, "UTC")),
            TimeStampMicroTZVector.class);
    VarBinaryVector b =
        struct.addOrGet(
            "b", FieldType.nullable(MinorType.VARBINARY.getType()), VarBinaryVector.class);
    struct.setIndexDefined(0);
    d.setSafe(0, Vectors.day(-43, 3, 15));
    t.setSafe(0, micros(2024, 1, 2, 3, 4, 5, 500_000));
    tz.setSafe(0, micros(2024, 1, 2, 3, 4, 5, 500_000));
    b.setSafe(0, new byte[] {1, 2});
    struct.setValueCount(1);
    d.setValueCount(1);
    t.setValueCount(1);
    tz.setValueCount(1);
    b.setValueCount(1);
    EncodingContext kolkata =
        new EncodingContext(ZoneId.of("Asia/Kolkata"), 1, IntervalStyle.POSTGRES);
    assertEquals(
        list(
            "{\"d\":\"0044-03-15 BC\",\"t\":\"2024-01-02T03:04:05.5\","
                + "\"tz\":\"2024-01-02T08:34:05.5+05:30\",\"b\":\"\\\\x0102\"}"),
        text(struct, PgColumnType.of(PgTypes.JSON), kolkata, null));
  }

  @Test
  void mapsAreJsonObjectsKeyedByText() {
    MapVector map = MapVector.empty("m", ALLOCATOR, false);
    var writer = map.getWriter();
    writer.setPosition(0);
    writer.startMap();
    writer.startEntry();
    writer.key().integer().writeInt(1);
    writer.value().integer().writeInt(10);
    writer.endEntry();
    writer.startEntry();
    writer.key().integer().writeInt(-2);
    writer.value().integer().writeNull();
    writer.endEntry();
    writer.endMap();
    writer.setValueCount(1);
    map.setValueCount(1);
    assertEquals(list("{\"1\":10,\"-2\":null}"), text(map, PgTypes.JSON));
  }

  @Test
  void unionsAreTheirCurrentMember() {
    UnionVector union = UnionVector.empty("u", ALLOCATOR);
    union.setType(0, MinorType.INT);
    union.getIntVector().setSafe(0, 5);
    union.setType(1, MinorType.VARCHAR);
    union.getVarCharVector().setSafe(1, "hi".getBytes(StandardCharsets.UTF_8));
    union.setType(2, MinorType.INT);
    union.getIntVector().setNull(2);
    union.getIntVector().setValueCount(3);
    union.getVarCharVector().setValueCount(3);
    union.setValueCount(3);
    assertEquals(list("5", "\"hi\"", null), text(union, PgTypes.JSON));
  }

  /** UNION(regtype VARCHAR), the SQL rewriting's spelling of a regtype shown by name. */
  @Test
  void oneMemberUnionsAnnouncedAsTheirOwnTypeAreTheMembersText() {
    UnionVector union = UnionVector.empty("u", ALLOCATOR);
    union.setType(0, MinorType.VARCHAR);
    union.getVarCharVector().setSafe(0, "integer".getBytes(StandardCharsets.UTF_8));
    union.setType(1, MinorType.VARCHAR);
    union.getVarCharVector().setNull(1);
    union.getVarCharVector().setValueCount(2);
    union.setValueCount(2);
    assertEquals(list("integer", null), text(union, PgTypes.REGTYPE));
    assertEquals(list("\"integer\"", null), text(union, PgTypes.JSON));
  }

  /**
   * UNION(jsonb JSON), the SQL rewriting's mark of a jsonb value: its text as it is; in binary,
   * jsonb's version byte 1 before it.
   */
  @Test
  void jsonbMarkedUnionsAreTheJsonText() {
    UnionVector union = UnionVector.empty("u", ALLOCATOR);
    union.setType(0, MinorType.VARCHAR);
    union.getVarCharVector().setSafe(0, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
    union.setType(1, MinorType.VARCHAR);
    union.getVarCharVector().setNull(1);
    union.getVarCharVector().setValueCount(2);
    union.setValueCount(2);
    assertEquals(list("{\"a\": 1}", null), text(union, PgTypes.JSONB));
    assertEquals(list("017b2261223a20317d", null), binary(union, PgTypes.JSONB));
  }

  /** ENUM('sad', 'ok', 'happy') with rows 'ok', NULL, 'happy'. */
  @Test
  void enumsAreTheirLabels() {
    VarCharVector labels = Vectors.strings("sad", "ok", "happy");
    DictionaryEncoding encoding = new DictionaryEncoding(7, false, new ArrowType.Int(8, false));
    DictionaryProvider provider =
        new DictionaryProvider.MapDictionaryProvider(new Dictionary(labels, encoding));
    UInt1Vector indexes =
        new UInt1Vector(
            new Field("m", new FieldType(true, new ArrowType.Int(8, false), encoding), null),
            ALLOCATOR);
    indexes.setSafe(0, 1);
    indexes.setNull(1);
    indexes.setSafe(2, 2);
    indexes.setSafe(3, 1);
    indexes.setValueCount(4);
    assertEquals(
        list("ok", null, "happy", "ok"),
        text(indexes, PgColumnType.of(PgTypes.TEXT), EncodingContext.DEFAULT, provider));
    assertEquals(list("6f6b", null, "6861707079", "6f6b"), binary(indexes, PgTypes.TEXT, provider));

    ListVector moods = ListVector.empty("ml", ALLOCATOR);
    UInt1Vector child =
        (UInt1Vector)
            moods
                .addOrGetVector(new FieldType(true, new ArrowType.Int(8, false), encoding))
                .getVector();
    fill(
        moods,
        child,
        (v, i, o) -> ((UInt1Vector) v).setSafe(i, (Integer) o),
        new Object[][] {{0, 2, null}});
    assertEquals(
        list("{sad,happy,NULL}"),
        text(moods, PgColumnType.of(PgTypes.TEXT_ARRAY), EncodingContext.DEFAULT, provider));
    assertEquals(
        list("[\"sad\",\"happy\",null]"),
        text(moods, PgColumnType.of(PgTypes.JSON), EncodingContext.DEFAULT, provider));
  }
}
