package dev.mallard.wire.copy;

/** The COPY data formats PostgreSQL defines (COPY "File Formats"). */
public enum CopyFormat {
  TEXT,
  CSV,
  BINARY;

  /** The format byte of CopyInResponse / CopyOutResponse: 0 textual, 1 binary. */
  public byte protocolCode() {
    return (byte) (this == BINARY ? 1 : 0);
  }
}
