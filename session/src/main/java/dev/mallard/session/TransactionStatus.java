package dev.mallard.session;

/** A session's transaction state, which is exactly ReadyForQuery's status byte. */
public enum TransactionStatus {
  IDLE('I'),
  IN_TRANSACTION('T'),
  FAILED('E');

  private final char indicator;

  TransactionStatus(char indicator) {
    this.indicator = indicator;
  }

  public char indicator() {
    return indicator;
  }
}
