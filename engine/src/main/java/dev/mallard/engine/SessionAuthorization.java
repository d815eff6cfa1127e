package dev.mallard.engine;

import dev.mallard.catalog.system.PrivilegeObject;
import dev.mallard.engine.analysis.RelationRef;
import dev.mallard.engine.analysis.StatementAnalysis;
import dev.mallard.engine.analysis.StatementAnalyzer;
import dev.mallard.engine.authz.Authorization;
import dev.mallard.engine.authz.Authorizer;
import dev.mallard.engine.copy.CopyStatement;
import dev.mallard.engine.sql.SqlLexer;
import dev.mallard.engine.sql.Token;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * The engine session's side of authorization: decides which checks a statement kind needs, runs
 * them through the {@link Authorizer}, and after a statement succeeds records the ownership it
 * changed. Without a system catalog (fixed roles) every statement is allowed, as before.
 */
final class SessionAuthorization {
  private final Authorizer authorizer;
  private final StatementAnalyzer analyzer;
  private final DuckDBConnection connection;

  SessionAuthorization(Authorizer authorizer, StatementAnalyzer analyzer,
      DuckDBConnection connection) {
    this.authorizer = authorizer;
    this.analyzer = analyzer;
    this.connection = connection;
  }

  /**
   * Checks one statement as classified (before any rewriting); returns what to record when it
   * succeeds. Throws 42501 when the session's role may not run it.
   */
  Authorization check(Statement statement) {
    return check(statement, true);
  }

  /** @param counted whether the analysis counts in the metrics (not when checked again) */
  Authorization check(Statement statement, boolean counted) {
    if (authorizer == null) {
      return Authorization.NONE;
    }
    StatementKind kind = statement.kind();
    if (kind == StatementKind.SET) {
      settingName(statement.sql()).ifPresent(name -> authorizer.authorizeSet(name, this::duckDbSettings));
      return Authorization.NONE;
    }
    if (kind == StatementKind.COPY) {
      checkCopy(statement.sql());
      return Authorization.NONE;
    }
    if (EngineSession.isSessionCommand(kind)) {
      return Authorization.NONE; // DECLARE's query is prepared, and so checked, on its own
    }
    String sql = statement.sql();
    return authorizer.authorize(sql, counted ? analyzer.analyze(sql) : analyzer.lookup(sql));
  }

  private void checkCopy(String sql) {
    Optional<CopyStatement> copy = CopyStatement.parseStdio(sql);
    if (copy.isEmpty()) {
      authorizer.requireSuperuser("COPY to or from a file");
      return;
    }
    CopyStatement c = copy.get();
    if (c.query() != null) {
      authorizer.authorize(c.query(), analyzer.analyze(c.query()));
      return;
    }
    StatementAnalysis table = analyzer.analyze("SELECT * FROM " + c.table());
    if (!table.complete() || table.access().reads().size() != 1) {
      authorizer.requireSuperuser("COPY of " + c.table());
      return;
    }
    RelationRef ref = table.access().reads().get(0);
    authorizer.authorizeCopy(ref, c.from());
  }

  /** Objects the statement will create that do not exist yet, found just before it runs. */
  List<PrivilegeObject> beforeExecute(Authorization authorization) {
    if (authorizer == null || authorization.creates().isEmpty()) {
      return List.of();
    }
    return authorizer.fresh(authorization);
  }

  /**
   * After a statement ran: statements other than queries and DML, and transaction ends, may have
   * changed what names resolve to, for every session of the tenant.
   */
  static void ran(Object tenant, StatementKind kind) {
    switch (kind) {
      case QUERY: case INSERT: case UPDATE: case DELETE: case MERGE: case TRUNCATE:
        return;
      default:
        dev.mallard.engine.authz.CatalogVersions.changed(tenant);
    }
  }

  void afterExecute(List<PrivilegeObject> created, Authorization authorization) {
    if (authorizer != null) {
      authorizer.succeeded(created, authorization);
    }
  }

  Authorizer authorizer() {
    return authorizer;
  }

  /** The setting SET names: the word after SET [SESSION | LOCAL | GLOBAL]. */
  private static Optional<String> settingName(String sql) {
    List<Token> words = SqlLexer.lex(sql).stream()
        .filter(t -> t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.QUOTED_IDENT).toList();
    int i = 1;
    while (i < words.size() && (words.get(i).isWord("SESSION") || words.get(i).isWord("LOCAL")
        || words.get(i).isWord("GLOBAL"))) {
      i++;
    }
    return i < words.size() ? Optional.of(words.get(i).identifier()) : Optional.empty();
  }

  /** DuckDB's setting names, read on a connection of its own so that no open cursor ends. */
  private Set<String> duckDbSettings() {
    Set<String> names = new HashSet<>();
    try (java.sql.Connection own = connection.duplicate();
        java.sql.Statement s = own.createStatement();
        ResultSet rs = s.executeQuery("SELECT lower(name) FROM duckdb_settings()")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, null);
    }
    return names;
  }
}
