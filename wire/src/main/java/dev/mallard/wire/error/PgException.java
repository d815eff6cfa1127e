package dev.mallard.wire.error;

/**
 * An error destined for the client as an ErrorResponse: SQLSTATE, message, and the optional fields
 * PostgreSQL sends (detail, hint, 1-based character position in the query).
 */
public class PgException extends RuntimeException {
  private final String sqlState;
  private final String detail;
  private final String hint;
  private final int position;
  private final Severity severity;
  private String where;

  /** ErrorResponse severities used by Mallard. */
  public enum Severity {
    ERROR,
    FATAL
  }

  public PgException(String sqlState, String message) {
    this(Severity.ERROR, sqlState, message, null, null, 0, null);
  }

  public PgException(String sqlState, String message, Throwable cause) {
    this(Severity.ERROR, sqlState, message, null, null, 0, cause);
  }

  public PgException(
      Severity severity,
      String sqlState,
      String message,
      String detail,
      String hint,
      int position,
      Throwable cause) {
    super(message, cause);
    this.severity = severity;
    this.sqlState = sqlState;
    this.detail = detail;
    this.hint = hint;
    this.position = position;
  }

  public static PgException fatal(String sqlState, String message) {
    return new PgException(Severity.FATAL, sqlState, message, null, null, 0, null);
  }

  public String sqlState() {
    return sqlState;
  }

  public String detail() {
    return detail;
  }

  public String hint() {
    return hint;
  }

  /** 1-based character position in the query text, or 0 when unknown. */
  public int position() {
    return position;
  }

  public Severity severity() {
    return severity;
  }

  /** The CONTEXT line PostgreSQL sends in the 'W' field, e.g. "COPY t, line 3". */
  public String where() {
    return where;
  }

  public PgException withWhere(String context) {
    this.where = context;
    return this;
  }

  public PgException withPosition(int newPosition) {
    return new PgException(severity, sqlState, getMessage(), detail, hint, newPosition, getCause());
  }
}
