package dev.mallard.wire.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class DataRowWriterTest {

  @Test
  void writesWholeDataRowMessages() {
    FieldVector ids = Vectors.ints(1, null);
    FieldVector names = Vectors.strings("ab", "c");
    NullVector nothing = new NullVector("n", 2);
    VectorSchemaRoot batch = new VectorSchemaRoot(List.of(ids, names, nothing));
    ColumnEncoder[] encoders =
        ColumnEncoders.createAll(
            batch,
            List.of(
                PgColumnType.of(PgTypes.INT4),
                PgColumnType.of(PgTypes.TEXT),
                PgColumnType.of(PgTypes.TEXT)),
            new short[] {1, 0, 0},
            EncodingContext.DEFAULT,
            null);
    MessageBuffer out = new MessageBuffer();
    DataRowWriter.writeRows(out, encoders, 0, 2);
    assertEquals(
        // 'D', length 24, 3 columns, int4 1 (binary), "ab", NULL
        "44"
            + "00000018"
            + "0003"
            + "00000004"
            + "00000001"
            + "00000002"
            + "6162"
            + "ffffffff"
            // 'D', length 19, 3 columns, NULL, "c", NULL
            + "44"
            + "00000013"
            + "0003"
            + "ffffffff"
            + "00000001"
            + "63"
            + "ffffffff",
        HexFormat.of().formatHex(out.toByteArray()));
    batch.close();
  }

  @Test
  void formatCodesFollowBindRules() {
    FieldVector a = Vectors.ints(7);
    FieldVector b = Vectors.ints(8);
    VectorSchemaRoot batch = new VectorSchemaRoot(List.of(a, b));
    List<PgColumnType> types =
        List.of(PgColumnType.of(PgTypes.INT4), PgColumnType.of(PgTypes.INT4));
    MessageBuffer allText = new MessageBuffer();
    DataRowWriter.write(
        allText,
        ColumnEncoders.createAll(batch, types, new short[0], EncodingContext.DEFAULT, null),
        0);
    assertEquals("44000000100002000000013700000001" + "38", HexFormat.of().formatHex(allText.toByteArray()));
    MessageBuffer allBinary = new MessageBuffer();
    DataRowWriter.write(
        allBinary,
        ColumnEncoders.createAll(batch, types, new short[] {1}, EncodingContext.DEFAULT, null),
        0);
    assertEquals(
        "44000000160002" + "0000000400000007" + "0000000400000008", HexFormat.of().formatHex(allBinary.toByteArray()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ColumnEncoders.createAll(
                batch, types, new short[] {0, 0, 0}, EncodingContext.DEFAULT, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> ColumnEncoders.create(a, types.get(0), (short) 2, EncodingContext.DEFAULT, null));
    batch.close();
  }

  @Test
  void unsupportedIntervalStyleIsRefused() {
    EncodingContext verbose =
        new EncodingContext(java.time.ZoneOffset.UTC, 1, IntervalStyle.POSTGRES_VERBOSE);
    FieldVector intervals = Vectors.intervals(new long[] {1, 0, 0});
    dev.mallard.wire.error.PgException e =
        assertThrows(
            dev.mallard.wire.error.PgException.class,
            () ->
                ColumnEncoders.create(
                    intervals, PgColumnType.of(PgTypes.INTERVAL), (short) 0, verbose, null));
    assertEquals("0A000", e.sqlState());
    intervals.close();
  }
}
