package dev.mallard.wire.types;


/**
 * Writes the bytes of one non-null value (no length prefix) in one format: the piece shared by
 * DataRow columns, array elements and JSON members. Chosen once per vector, called per value.
 */
@FunctionalInterface
interface ValueWriter {
  void write(MessageBuffer out, int index);
}
