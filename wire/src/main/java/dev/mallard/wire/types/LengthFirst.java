package dev.mallard.wire.types;


/**
 * A writer that knows each value's length before writing it, so that a DataRow column can write
 * the Int32 length and then the bytes instead of patching the length in afterwards (see {@link
 * ColumnEncoders}).
 */
interface LengthFirst extends ValueWriter {
  /** Int32 length of the value, then its bytes. */
  void writeWithLength(MessageBuffer out, int index);
}
