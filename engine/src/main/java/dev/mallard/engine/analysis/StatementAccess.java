package dev.mallard.engine.analysis;

import java.util.List;
import java.util.Set;

/**
 * What a fully parsed statement does to which objects, for authorization and the sandbox.
 *
 * @param action what the statement is
 * @param reads relations whose rows it reads (SELECT privilege)
 * @param targets the relations it writes, creates, alters or drops
 * @param functions every function it calls, lower case, without schema
 * @param tableFunctions the functions among them called as a table (in FROM)
 * @param writableCte a WITH item is INSERT, UPDATE or DELETE
 * @param temporary CREATE TEMP TABLE / VIEW
 * @param upsert INSERT ... ON CONFLICT ... DO UPDATE (needs UPDATE too)
 * @param objectType for DROP, what is dropped (TABLE, VIEW, SCHEMA, ...); else null
 * @param schemaName for CREATE SCHEMA, the schema; else null
 * @param authorization for CREATE SCHEMA ... AUTHORIZATION r, the role; else null
 * @param renamedTo for ALTER TABLE ... RENAME TO n, the new name (lower case, unquoted); else null
 */
public record StatementAccess(Action action, List<RelationRef> reads, List<RelationRef> targets,
    Set<String> functions, Set<String> tableFunctions, boolean writableCte, boolean temporary,
    boolean upsert, String objectType, String schemaName, String authorization,
    String renamedTo) {

  public enum Action {
    SELECT, INSERT, UPDATE, DELETE, TRUNCATE, CREATE_TABLE, CREATE_VIEW, CREATE_INDEX,
    CREATE_SCHEMA, DROP, ALTER, OTHER
  }
}
