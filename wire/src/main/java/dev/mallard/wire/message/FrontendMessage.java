package dev.mallard.wire.message;

import java.util.List;
import java.util.Map;

/**
 * Messages a client sends (PostgreSQL protocol 3.0, "Message Formats"). The startup-phase packets
 * (SSLRequest, GSSENCRequest, CancelRequest, StartupMessage) have no type byte; every other
 * message starts with one.
 */
public sealed interface FrontendMessage {

  /** StartupMessage: protocol version 3.0 followed by name/value pairs. */
  record Startup(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {}

  /** SSLRequest: request code 80877103. */
  record SslRequest() implements FrontendMessage {}

  /** GSSENCRequest: request code 80877104. */
  record GssEncRequest() implements FrontendMessage {}

  /** CancelRequest: request code 80877102, backend process id and secret key. */
  record CancelRequest(int processId, int secretKey) implements FrontendMessage {}

  /**
   * 'p': PasswordMessage, SASLInitialResponse or SASLResponse. Which one it is depends on the
   * authentication exchange in progress, so the raw body is kept and the authenticator parses it.
   */
  record PasswordMessage(byte[] body) implements FrontendMessage {}

  /** 'Q': simple query, possibly several statements. */
  record Query(String sql) implements FrontendMessage {}

  /** 'P': Parse. A zero OID in {@code parameterTypes} leaves that parameter's type unspecified. */
  record Parse(String statementName, String sql, int[] parameterTypes) implements FrontendMessage {}

  /**
   * 'B': Bind. Format-code lists follow the protocol: empty means all text, one entry applies to
   * all, otherwise one per parameter or column. A null parameter value is SQL NULL.
   */
  record Bind(
      String portalName,
      String statementName,
      short[] parameterFormats,
      List<byte[]> parameterValues,
      short[] resultFormats)
      implements FrontendMessage {}

  /** 'D': Describe a prepared statement ('S') or portal ('P'). */
  record Describe(char kind, String name) implements FrontendMessage {}

  /** 'E': Execute a portal, returning at most {@code maxRows} rows (0 = no limit). */
  record Execute(String portalName, int maxRows) implements FrontendMessage {}

  /** 'C': Close a prepared statement ('S') or portal ('P'). */
  record Close(char kind, String name) implements FrontendMessage {}

  /** 'S': Sync. */
  record Sync() implements FrontendMessage {}

  /** 'H': Flush. */
  record Flush() implements FrontendMessage {}

  /** 'X': Terminate. */
  record Terminate() implements FrontendMessage {}

  /** 'd': CopyData during COPY FROM STDIN. */
  record CopyData(byte[] data) implements FrontendMessage {}

  /** 'c': CopyDone. */
  record CopyDone() implements FrontendMessage {}

  /** 'f': CopyFail with the client's reason. */
  record CopyFail(String message) implements FrontendMessage {}

  /** 'F': FunctionCall (fast-path), which Mallard rejects. */
  record FunctionCall(int functionOid) implements FrontendMessage {}
}
