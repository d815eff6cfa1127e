package dev.mallard.wire.types;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeNanoVector;

/** Microseconds since midnight from any Arrow Time vector (PostgreSQL's time resolution). */
final class TimeReader {
  private final RawBuffer data;
  private final int width;
  private final long multiplier;
  private final long divisor;

  TimeReader(FieldVector vector) {
    this.data = new RawBuffer(vector.getDataBuffer());
    if (vector instanceof TimeMicroVector) {
      width = 8;
      multiplier = 1;
      divisor = 1;
    } else if (vector instanceof TimeNanoVector) {
      width = 8;
      multiplier = 1;
      divisor = 1000;
    } else if (vector instanceof TimeMilliVector) {
      width = 4;
      multiplier = 1000;
      divisor = 1;
    } else {
      width = 4;
      multiplier = 1_000_000;
      divisor = 1;
    }
  }

  long micros(int index) {
    long raw = width == 8 ? data.getLong((long) index * 8) : data.getInt((long) index * 4);
    return raw * multiplier / divisor;
  }
}
