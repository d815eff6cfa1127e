package dev.mallard.wire.types;

import static dev.mallard.wire.types.TestSupport.ALLOCATOR;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/** Small builders for one-column Arrow vectors; a null element becomes a NULL slot. */
final class Vectors {
  private Vectors() {}

  static <V extends FieldVector> V done(V vector, int count) {
    vector.setValueCount(count);
    return vector;
  }

  static BitVector bools(Boolean... values) {
    BitVector v = new BitVector("b", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i] ? 1 : 0);
      }
    }
    return done(v, values.length);
  }

  static IntVector ints(Integer... values) {
    IntVector v = new IntVector("i", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i]);
      }
    }
    return done(v, values.length);
  }

  static BigIntVector longs(Long... values) {
    BigIntVector v = new BigIntVector("l", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i]);
      }
    }
    return done(v, values.length);
  }

  static Float8Vector doubles(Double... values) {
    Float8Vector v = new Float8Vector("d", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i]);
      }
    }
    return done(v, values.length);
  }

  static Float4Vector floats(Float... values) {
    Float4Vector v = new Float4Vector("f", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i]);
      }
    }
    return done(v, values.length);
  }

  static DecimalVector decimals(int precision, int scale, String... values) {
    DecimalVector v = new DecimalVector("n", ALLOCATOR, precision, scale);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, new BigDecimal(values[i]).setScale(scale));
      }
    }
    return done(v, values.length);
  }

  /** A Decimal128 slot set from raw two's complement words, for values beyond 38 digits. */
  static DecimalVector rawDecimal(long lo, long hi) {
    DecimalVector v = new DecimalVector("n", ALLOCATOR, 38, 0);
    v.setSafe(0, BigDecimal.ZERO);
    v.getDataBuffer().setLong(0, lo);
    v.getDataBuffer().setLong(8, hi);
    return done(v, 1);
  }

  static VarCharVector strings(String... values) {
    VarCharVector v = new VarCharVector("s", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
      }
    }
    return done(v, values.length);
  }

  static VarBinaryVector blobs(byte[]... values) {
    VarBinaryVector v = new VarBinaryVector("x", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i]);
      }
    }
    return done(v, values.length);
  }

  /** Dates as DuckDB sends them: days since 1970-01-01, ±Integer.MAX_VALUE for infinity. */
  static DateDayVector days(Integer... values) {
    DateDayVector v = new DateDayVector("d", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, values[i]);
      }
    }
    return done(v, values.length);
  }

  static int day(int isoYear, int month, int day) {
    return (int) LocalDate.of(isoYear, month, day).toEpochDay();
  }

  static TimeMicroVector times(Long... micros) {
    TimeMicroVector v = new TimeMicroVector("t", ALLOCATOR);
    for (int i = 0; i < micros.length; i++) {
      if (micros[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, micros[i]);
      }
    }
    return done(v, micros.length);
  }

  static TimeStampMicroVector timestamps(Long... micros) {
    TimeStampMicroVector v = new TimeStampMicroVector("ts", ALLOCATOR);
    for (int i = 0; i < micros.length; i++) {
      if (micros[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, micros[i]);
      }
    }
    return done(v, micros.length);
  }

  static TimeStampMicroTZVector timestampsTz(Long... micros) {
    TimeStampMicroTZVector v = new TimeStampMicroTZVector("tz", ALLOCATOR, "UTC");
    for (int i = 0; i < micros.length; i++) {
      if (micros[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, micros[i]);
      }
    }
    return done(v, micros.length);
  }

  /** Microseconds since the Unix epoch of a UTC date-time with optional microseconds. */
  static long micros(int isoYear, int month, int day, int h, int m, int s, int micro) {
    LocalDateTime t = LocalDateTime.of(isoYear, month, day, h, m, s, micro * 1000);
    return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000 + micro;
  }

  static IntervalMonthDayNanoVector intervals(long[]... values) {
    IntervalMonthDayNanoVector v = new IntervalMonthDayNanoVector("iv", ALLOCATOR);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        v.setNull(i);
      } else {
        v.setSafe(i, (int) values[i][0], (int) values[i][1], values[i][2] * 1000);
      }
    }
    return done(v, values.length);
  }
}
