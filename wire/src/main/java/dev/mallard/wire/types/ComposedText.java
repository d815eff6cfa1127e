package dev.mallard.wire.types;


/**
 * A text writer that composes each value in an {@link AsciiBuffer} before copying it out, so that a
 * DataRow column can copy the value's length and bytes together instead of patching the length in
 * afterwards (see {@link ColumnEncoders}).
 */
@FunctionalInterface
interface ComposedText extends ValueWriter {
  /** The value's text, in a buffer the writer reuses: valid until its next call. */
  AsciiBuffer compose(int index);

  @Override
  default void write(MessageBuffer out, int index) {
    compose(index).writeTo(out);
  }
}
