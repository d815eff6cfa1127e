package dev.mallard.wire.types;

import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * DuckDB's ENUM arrives as an integer index vector plus a dictionary of labels (a Utf8 vector from
 * the reader's DictionaryProvider). The labels' UTF-8 bytes are cached as they are first used, so
 * each row costs one index read and one copy.
 */
final class DictionaryLabels {
  private final IntegerReader indexes;
  private final VarWidth labelBytes;
  private final byte[][] cache;

  private DictionaryLabels(IntegerReader indexes, VarWidth labelBytes, int size) {
    this.indexes = indexes;
    this.labelBytes = labelBytes;
    this.cache = new byte[size][];
  }

  static DictionaryLabels of(FieldVector indexVector, DictionaryProvider dictionaries) {
    DictionaryEncoding encoding = indexVector.getField().getDictionary();
    if (dictionaries == null) {
      throw new IllegalArgumentException(
          "column " + indexVector.getName() + " is dictionary-encoded but no provider was given");
    }
    Dictionary dictionary = dictionaries.lookup(encoding.getId());
    if (dictionary == null) {
      throw new IllegalArgumentException("no dictionary with id " + encoding.getId());
    }
    FieldVector labels = dictionary.getVector();
    IntegerReader indexes = IntegerReader.of(indexVector);
    VarWidth bytes = VarWidth.of(labels);
    if (indexes == null || bytes == null) {
      throw new IllegalArgumentException(
          "unsupported dictionary " + labels.getField() + " for " + indexVector.getField());
    }
    return new DictionaryLabels(indexes, bytes, labels.getValueCount());
  }

  /** The label's UTF-8 bytes for row {@code index}. */
  byte[] label(int index) {
    int key = (int) indexes.get(index);
    byte[] label = cache[key];
    if (label == null) {
      int length = labelBytes.load(key);
      label = Arrays.copyOf(labelBytes.scratch(), length);
      cache[key] = label;
    }
    return label;
  }

  void write(MessageBuffer out, int index) {
    out.writeBytes(label(index));
  }
}
