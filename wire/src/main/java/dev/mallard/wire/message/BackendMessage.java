package dev.mallard.wire.message;

import java.util.List;
import java.util.Map;

/**
 * Messages the server sends (PostgreSQL protocol 3.0, "Message Formats"). Result rows are not
 * modelled here: they are encoded straight from Arrow vectors by {@code dev.mallard.wire.types}.
 */
public sealed interface BackendMessage {

  /** 'R' code 0: AuthenticationOk. */
  record AuthenticationOk() implements BackendMessage {}

  /** 'R' code 3: AuthenticationCleartextPassword. */
  record AuthenticationCleartextPassword() implements BackendMessage {}

  /** 'R' code 10: AuthenticationSASL with the mechanisms offered. */
  record AuthenticationSasl(List<String> mechanisms) implements BackendMessage {}

  /** 'R' code 11: AuthenticationSASLContinue. */
  record AuthenticationSaslContinue(byte[] data) implements BackendMessage {}

  /** 'R' code 12: AuthenticationSASLFinal. */
  record AuthenticationSaslFinal(byte[] data) implements BackendMessage {}

  /** 'S': ParameterStatus. */
  record ParameterStatus(String name, String value) implements BackendMessage {}

  /** 'K': BackendKeyData. */
  record BackendKeyData(int processId, int secretKey) implements BackendMessage {}

  /** 'Z': ReadyForQuery with the transaction status byte ('I', 'T' or 'E'). */
  record ReadyForQuery(char status) implements BackendMessage {}

  /** 'T': RowDescription. */
  record RowDescription(List<Field> fields) implements BackendMessage {}

  /** One column of a RowDescription. */
  record Field(
      String name,
      int tableOid,
      short columnNumber,
      int typeOid,
      short typeSize,
      int typeModifier,
      short formatCode) {}

  /** 't': ParameterDescription. */
  record ParameterDescription(int[] typeOids) implements BackendMessage {}

  /** 'C': CommandComplete with its tag, e.g. "SELECT 3" or "INSERT 0 1". */
  record CommandComplete(String tag) implements BackendMessage {}

  /** 'I': EmptyQueryResponse. */
  record EmptyQueryResponse() implements BackendMessage {}

  /**
   * 'E': ErrorResponse. Fields are keyed by their protocol code ('S', 'V', 'C', 'M', 'D', 'H',
   * 'P', ...), in insertion order.
   */
  record ErrorResponse(Map<Character, String> fields) implements BackendMessage {}

  /** 'N': NoticeResponse, same layout as ErrorResponse. */
  record NoticeResponse(Map<Character, String> fields) implements BackendMessage {}

  /** '1': ParseComplete. */
  record ParseComplete() implements BackendMessage {}

  /** '2': BindComplete. */
  record BindComplete() implements BackendMessage {}

  /** '3': CloseComplete. */
  record CloseComplete() implements BackendMessage {}

  /** 'n': NoData. */
  record NoData() implements BackendMessage {}

  /** 's': PortalSuspended. */
  record PortalSuspended() implements BackendMessage {}

  /** 'G': CopyInResponse. {@code format} 0 = text, 1 = binary. */
  record CopyInResponse(byte format, short[] columnFormats) implements BackendMessage {}

  /** 'H': CopyOutResponse. */
  record CopyOutResponse(byte format, short[] columnFormats) implements BackendMessage {}

  /** 'd': CopyData. */
  record CopyData(byte[] data) implements BackendMessage {}

  /** 'c': CopyDone. */
  record CopyDone() implements BackendMessage {}

  /** 'D': DataRow with already-encoded values (null = SQL NULL); the hot path bypasses this. */
  record DataRow(List<byte[]> values) implements BackendMessage {}

  /** Single byte 'S' or 'N' answering SSLRequest / GSSENCRequest (no length, no type). */
  record EncryptionResponse(boolean accepted) implements BackendMessage {}
}
