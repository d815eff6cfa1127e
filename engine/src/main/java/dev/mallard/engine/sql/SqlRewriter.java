package dev.mallard.engine.sql;

import java.util.List;

/**
 * Turns a PostgreSQL statement into the DuckDB statement that gives PostgreSQL's answer, by
 * running each {@link RewriteRule} over its tokens. Rules work on tokens rather than on a parse
 * tree so that they also apply to statements no Java SQL parser understands (psql's and drivers'
 * catalog queries, DuckDB-only syntax); text a rule does not touch is passed on exactly.
 */
public final class SqlRewriter {
  private final List<RewriteRule> rules;

  public SqlRewriter(List<RewriteRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules every session applies, in order. */
  public static SqlRewriter standard() {
    // ColumnNames before every rule that changes expressions: names come from the statement as
    // the client wrote it. JsonbResults before PgTypeof, whose argument it may mark as jsonb.
    // JsonOperators before JsonbCasts and TypeNames, which turn jsonb (what tells jsonb's || from
    // text's) into JSON. FormatCalls before CatalogReferences, which sends the
    // quote_ident it writes to the catalog's.
    return new SqlRewriter(List.of(new OperatorSyntax(), new ConditionTypes(), new ColumnNames(),
        new ValuesColumns(),
        new RecursiveSearch(), new UnicodeStrings(), new PrepareTypes(), new FormatCalls(),
        new AlterTableOnView(), new CatalogReferences(), new JsonbResults(), new PgTypeof(),
        new RegCasts(),
        new VectorSubscripts(), new PublicSchema(), new TempSchema(), new BitwiseXor(),
        new Subtraction(), new NullConstants(), new ArrayConcatenation(), new JsonOperators(),
        new JsonbCasts(), new SerialColumns(), new GeneratedColumns(), new VarcharLengths(), new Float4Numeric(),
        new Float4Arithmetic(),
        new TypeNames(), new VarcharCasts(), new BpcharCasts(),
        new IntervalLiterals(), new BooleanLiterals(), new IntegerLiterals(), new DateLiterals(),
        new ArrayTargets(), new ArrayLiterals(), new ByteaLiterals(), new RegexOperators(),
        new LikeEscape(),
        new DivisionByZero(), new LockingClauses(), new OwnerChanges(), new SqlSyntaxCalls(),
        new FunctionNames(), new ByteaLength(),
        new ResultTypes(), new SetReturningFunctions(), new DateFormats(),
        new SimilarTo(), new CreateTableLike(), new FetchWithTies(),
        new MaterializedViews()));
  }

  /**
   * What the SQL front end's analysis runs first: spellings JSQLParser cannot read but that name
   * no object ({@code OPERATOR(pg_catalog.~)} in psql's queries) become plain ones.
   */
  public static SqlRewriter forAnalysis() {
    return new SqlRewriter(List.of(new OperatorSyntax()));
  }

  public String rewrite(String sql, RewriteContext context) {
    Tokens tokens = Tokens.of(sql);
    for (RewriteRule rule : rules) {
      rule.apply(tokens, context);
    }
    return tokens.changed() ? tokens.render() : sql;
  }
}
