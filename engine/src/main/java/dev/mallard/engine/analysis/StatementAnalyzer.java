package dev.mallard.engine.analysis;

import dev.mallard.engine.sql.SqlRewriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses statements with JSQLParser to find what they reference. Statements it cannot parse
 * (DuckDB-only syntax such as PIVOT or FROM-first, or PostgreSQL syntax JSQLParser lacks) fall
 * back: they run in DuckDB unchanged, are counted in the {@code mallard.statements} metric with
 * {@code analysis=fallback}, and are logged at DEBUG by the logger {@code
 * dev.mallard.engine.analysis} with the parser's reason.
 */
public final class StatementAnalyzer {
  private static final Logger log = LoggerFactory.getLogger(StatementAnalyzer.class);
  /** Longer statements (bulk INSERT ... VALUES) are not parsed: the parse would cost more than the statement. */
  static final int MAX_ANALYZED_LENGTH = 64 * 1024;
  /** JSQLParser can backtrack for a long time on some inputs; a parse gets this long. */
  private static final int PARSE_TIMEOUT_MILLIS = 2000;
  private static final ExecutorService PARSER_THREADS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "mallard-sql-parser");
    t.setDaemon(true);
    return t;
  });

  /** Statements repeat (drivers' and ORMs' queries, prepared statements): parse each once. */
  private static final int CACHED_STATEMENTS = 2048;

  private static final SqlRewriter NORMALIZER = SqlRewriter.forAnalysis();

  private final Counter parsed;
  private final Counter fallback;
  private final Map<String, StatementAnalysis> cache =
      new LinkedHashMap<>(CACHED_STATEMENTS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StatementAnalysis> eldest) {
          return size() > CACHED_STATEMENTS;
        }
      };

  public StatementAnalyzer(MeterRegistry metrics) {
    this.parsed = Counter.builder("mallard.statements").tag("analysis", "parsed")
        .description("Statements analyzed by the SQL front end").register(metrics);
    this.fallback = Counter.builder("mallard.statements").tag("analysis", "fallback")
        .description("Statements the SQL front end could not parse; they run in DuckDB unchanged")
        .register(metrics);
  }

  /** Analyzes a statement and counts it in the metrics (once per statement prepared). */
  public StatementAnalysis analyze(String sql) {
    StatementAnalysis analysis = lookup(sql);
    if (analysis.complete()) {
      parsed.increment();
    } else {
      fallback.increment();
      if (log.isDebugEnabled()) {
        log.debug("not parsed ({}), running in DuckDB as written: {}", analysis.fallbackReason(),
            sql.length() > 200 ? sql.substring(0, 200) + "..." : sql);
      }
    }
    return analysis;
  }

  /** The analysis of a statement without counting it (a check repeated at execution). */
  public StatementAnalysis lookup(String sql) {
    StatementAnalysis analysis;
    synchronized (cache) {
      analysis = cache.get(sql);
    }
    if (analysis == null) {
      analysis = parse(sql);
      synchronized (cache) {
        cache.put(sql, analysis);
      }
    }
    return analysis;
  }

  private static StatementAnalysis parse(String sql) {
    if (sql.length() > MAX_ANALYZED_LENGTH) {
      return StatementAnalysis.incomplete("longer than " + MAX_ANALYZED_LENGTH + " characters");
    }
    Statement statement;
    try {
      statement = CCJSqlParserUtil.parse(NORMALIZER.rewrite(sql, null), PARSER_THREADS,
          parser -> parser.withTimeOut(PARSE_TIMEOUT_MILLIS));
    } catch (JSQLParserException | RuntimeException e) {
      return StatementAnalysis.incomplete(firstLine(e));
    }
    try {
      StatementAccess access = AccessFinder.find(statement);
      List<String> relations = new java.util.ArrayList<>();
      access.reads().forEach(r -> relations.add(r.toString()));
      access.targets().forEach(r -> relations.add(r.toString()));
      return new StatementAnalysis(true, List.copyOf(relations), null, access);
    } catch (UnsupportedOperationException | NullPointerException | ClassCastException e) {
      // TablesNamesFinder does not visit every statement type (e.g. some DDL).
      return StatementAnalysis.incomplete("relations of " + statement.getClass().getSimpleName()
          + " not analyzed");
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() != null ? e.getMessage()
        : e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
        : e.getClass().getSimpleName();
    int eol = message.indexOf('\n');
    return eol < 0 ? message : message.substring(0, eol);
  }
}
