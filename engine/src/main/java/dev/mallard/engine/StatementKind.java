package dev.mallard.engine;

/** What a statement does, as far as the session and the command tag need to know. */
public enum StatementKind {
  QUERY,
  INSERT,
  UPDATE,
  DELETE,
  MERGE,
  DDL,
  TRUNCATE,
  BEGIN,
  COMMIT,
  ROLLBACK,
  SAVEPOINT,
  RELEASE_SAVEPOINT,
  ROLLBACK_TO_SAVEPOINT,
  SET,
  SHOW,
  RESET,
  COPY,
  DISCARD,
  DEALLOCATE,
  PREPARE_TRANSACTION,
  DECLARE_CURSOR,
  FETCH,
  MOVE,
  CLOSE_CURSOR,
  /** LISTEN, UNLISTEN and NOTIFY. */
  LISTEN,
  /** CREATE/ALTER/DROP ROLE (USER, GROUP) and GRANT/REVOKE of roles: the system catalog's. */
  ROLE,
  /** CREATE/ALTER/DROP DATABASE: the server's tenants. */
  DATABASE,
  OTHER
}
