package dev.mallard.session;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import dev.mallard.wire.message.BackendMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds ErrorResponse and NoticeResponse messages with the fields PostgreSQL sends. */
final class ErrorResponses {
  private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

  private ErrorResponses() {}

  /** Any failure as a PgException; unexpected ones become XX000 and are logged with their stack. */
  static PgException toPgException(Throwable t) {
    if (t instanceof PgException pg) {
      return pg;
    }
    log.error("internal error", t);
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return new PgException(SqlState.INTERNAL_ERROR, message, t);
  }

  static BackendMessage.ErrorResponse error(PgException e) {
    Map<Character, String> f = new LinkedHashMap<>();
    String severity = e.severity().name();
    f.put('S', severity);
    f.put('V', severity);
    f.put('C', e.sqlState());
    f.put('M', e.getMessage() == null ? "" : e.getMessage());
    if (e.detail() != null) {
      f.put('D', e.detail());
    }
    if (e.hint() != null) {
      f.put('H', e.hint());
    }
    if (e.where() != null) {
      f.put('W', e.where());
    }
    if (e.position() > 0) {
      f.put('P', Integer.toString(e.position()));
    }
    return new BackendMessage.ErrorResponse(f);
  }

  static BackendMessage.NoticeResponse notice(String severity, String sqlState, String message) {
    Map<Character, String> f = new LinkedHashMap<>();
    f.put('S', severity);
    f.put('V', severity);
    f.put('C', sqlState);
    f.put('M', message);
    return new BackendMessage.NoticeResponse(f);
  }
}
