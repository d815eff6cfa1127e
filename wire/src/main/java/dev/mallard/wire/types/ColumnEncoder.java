package dev.mallard.wire.types;


/**
 * Writes one column of one row of a DataRow message, as the protocol lays it out: Int32 length of
 * the value in bytes (not counting itself), then the bytes; or Int32 -1 for NULL. An encoder is
 * made once per Arrow batch by {@link ColumnEncoders#create} and then called for every row, so it
 * holds the vector and whatever scratch space it needs and allocates nothing per value. Encoders
 * are not thread-safe.
 */
public interface ColumnEncoder {
  void write(MessageBuffer out, int row);
}
