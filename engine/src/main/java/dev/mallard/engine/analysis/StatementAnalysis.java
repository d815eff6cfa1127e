package dev.mallard.engine.analysis;

import java.util.List;

/**
 * What the SQL front end understood of one statement: the relations it names (as written:
 * {@code t}, {@code s.t}, {@code db.s.t}) and whether the analysis is complete. A statement the
 * parser could not read is incomplete; it still runs in DuckDB unchanged, but nothing that needs
 * certainty (such as authorization) may treat "incomplete" as "nothing referenced".
 *
 * @param complete whether JSQLParser parsed the whole statement
 * @param relations relations the statement reads or writes, when complete; empty otherwise
 * @param fallbackReason why the analysis is incomplete, or null when complete
 * @param access what the statement does to which objects, when complete; null otherwise
 */
public record StatementAnalysis(boolean complete, List<String> relations, String fallbackReason,
    StatementAccess access) {

  public static StatementAnalysis incomplete(String reason) {
    return new StatementAnalysis(false, List.of(), reason, null);
  }
}
