package dev.mallard.engine.analysis;

import dev.mallard.engine.analysis.StatementAccess.Action;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.create.view.TemporaryOption;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Finds a parsed statement's {@link StatementAccess}: which relations it reads and writes, which
 * functions it calls. Throws UnsupportedOperationException for statements JSQLParser's
 * TablesNamesFinder does not visit, which the analyzer reports as incomplete.
 */
final class AccessFinder {
  private AccessFinder() {}

  static StatementAccess find(Statement statement) {
    if (statement instanceof ExplainStatement explain && explain.getStatement() != null) {
      return find(explain.getStatement());
    }
    if (statement instanceof CreateSchema cs) {
      if (cs.getStatements() != null && !cs.getStatements().isEmpty()) {
        throw new UnsupportedOperationException("CREATE SCHEMA with statements");
      }
      return new StatementAccess(Action.CREATE_SCHEMA, List.of(), List.of(), Set.of(), Set.of(),
          false, false, false, null, unquote(cs.getSchemaName()), unquote(cs.getAuthorization()),
          null);
    }
    Finder all = Finder.run(statement);
    List<RelationRef> reads = all.relations();
    List<RelationRef> targets = List.of();
    Action action = Action.OTHER;
    boolean temporary = false;
    boolean upsert = false;
    String objectType = null;
    String renamedTo = null;
    if (statement instanceof Select) {
      action = Action.SELECT;
    } else if (statement instanceof Insert i) {
      action = Action.INSERT;
      targets = List.of(RelationRef.of(i.getTable()));
      reads = new ArrayList<>(i.getSelect() == null ? List.of() : Finder.run(i.getSelect()).relations());
      if (i.getWithItemsList() != null) {
        reads = withCtes(reads, i.getWithItemsList());
      }
      if (i.getReturningClause() != null) {
        reads.add(targets.get(0));
      }
      upsert = i.getConflictAction() != null
          && i.getConflictAction().toString().toUpperCase(Locale.ROOT).contains("UPDATE");
    } else if (statement instanceof Update u) {
      action = Action.UPDATE;
      targets = List.of(RelationRef.of(u.getTable()));
      reads = targetAlsoRead(reads, targets.get(0), u.getWhere() != null
          || u.getReturningClause() != null || !constantSets(u.getUpdateSets()));
    } else if (statement instanceof Delete d) {
      action = Action.DELETE;
      targets = List.of(RelationRef.of(d.getTable()));
      reads = targetAlsoRead(reads, targets.get(0),
          d.getWhere() != null || d.getReturningClause() != null);
    } else if (statement instanceof Truncate t) {
      action = Action.TRUNCATE;
      targets = refs(t.getTables() != null && !t.getTables().isEmpty() ? t.getTables() : List.of(t.getTable()));
      reads = List.of();
    } else if (statement instanceof CreateTable ct) {
      action = Action.CREATE_TABLE;
      targets = List.of(RelationRef.of(ct.getTable()));
      reads = without(reads, targets.get(0));
      temporary = ct.getCreateOptionsStrings() != null && ct.getCreateOptionsStrings().stream()
          .anyMatch(o -> o.equalsIgnoreCase("TEMP") || o.equalsIgnoreCase("TEMPORARY"));
    } else if (statement instanceof CreateView cv) {
      action = Action.CREATE_VIEW;
      targets = List.of(RelationRef.of(cv.getView()));
      reads = without(reads, targets.get(0));
      temporary = cv.getTemporary() != null && cv.getTemporary() != TemporaryOption.NONE;
    } else if (statement instanceof CreateIndex ci) {
      action = Action.CREATE_INDEX;
      targets = List.of(RelationRef.of(ci.getTable()));
      reads = List.of();
    } else if (statement instanceof Drop d) {
      action = Action.DROP;
      targets = refs(d.getNames() != null && !d.getNames().isEmpty() ? d.getNames() : List.of(d.getName()));
      reads = List.of();
      objectType = d.getType() == null ? "" : d.getType().toUpperCase(Locale.ROOT);
    } else if (statement instanceof Alter a) {
      action = Action.ALTER;
      targets = List.of(RelationRef.of(a.getTable()));
      reads = without(reads, targets.get(0));
      renamedTo = newName(a);
    }
    return new StatementAccess(action, List.copyOf(reads), targets, all.functions,
        all.tableFunctions, all.writableCte, temporary, upsert, objectType, null, null, renamedTo);
  }

  /** ALTER TABLE t RENAME TO n: n, which PostgreSQL keeps in t's schema; else null. */
  private static String newName(Alter alter) {
    if (alter.getAlterExpressions() == null) {
      return null;
    }
    for (AlterExpression e : alter.getAlterExpressions()) {
      if (e.getOperation() == AlterOperation.RENAME_TABLE && e.getNewTableName() != null) {
        String[] parts = e.getNewTableName().split("\\.");
        return unquote(parts[parts.length - 1]);
      }
    }
    return null;
  }

  /** UPDATE/DELETE read their target when a condition, RETURNING or SET expression does. */
  private static List<RelationRef> targetAlsoRead(List<RelationRef> all, RelationRef target,
      boolean readsTarget) {
    List<RelationRef> reads = without(all, target);
    if (readsTarget) {
      reads.add(target);
    }
    return reads;
  }

  private static boolean constantSets(List<UpdateSet> sets) {
    for (UpdateSet set : sets) {
      for (Expression e : set.getValues()) {
        if (!(e instanceof LongValue || e instanceof StringValue || e instanceof NullValue
            || e instanceof JdbcParameter)) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<RelationRef> without(List<RelationRef> all, RelationRef target) {
    List<RelationRef> rest = new ArrayList<>(all);
    rest.remove(target);
    return rest;
  }

  private static List<RelationRef> refs(List<Table> tables) {
    return tables.stream().map(RelationRef::of).toList();
  }

  private static String unquote(String name) {
    return name == null ? null : RelationRef.of(new Table(name)).name();
  }

  /**
   * WITH ... INSERT: the CTEs' names are not relations, and what their bodies read is read (the
   * INSERT's own query is analyzed apart from its WITH clause).
   */
  private static List<RelationRef> withCtes(List<RelationRef> reads, List<WithItem<?>> items) {
    Set<String> names = new HashSet<>();
    List<RelationRef> all = new ArrayList<>(reads);
    for (WithItem<?> item : items) {
      names.add(RelationRef.of(new Table(item.getAliasName())).name());
      Object body = item.getStatement();
      if (body instanceof Statement statement) {
        all.addAll(Finder.run(statement).relations());
      }
    }
    List<RelationRef> relations = new ArrayList<>();
    for (RelationRef ref : all) {
      if ((ref.schema() != null || !names.contains(ref.name())) && !relations.contains(ref)) {
        relations.add(ref);
      }
    }
    return relations;
  }

  /** TablesNamesFinder that also keeps the Table objects, the functions and CTE kinds it meets. */
  private static final class Finder extends TablesNamesFinder<Void> {
    private final Map<String, Table> tables = new HashMap<>();
    private final Set<String> functions = new LinkedHashSet<>();
    private final Set<String> tableFunctions = new LinkedHashSet<>();
    private Set<String> names = Set.of();
    private boolean writableCte;

    static Finder run(Statement statement) {
      Finder f = new Finder();
      f.names = f.getTables(statement);
      return f;
    }

    List<RelationRef> relations() {
      List<RelationRef> refs = new ArrayList<>();
      for (String name : names) {
        Table t = tables.get(name);
        if (t != null) {
          refs.add(RelationRef.of(t));
        } else {
          refs.add(new RelationRef(null, null, name)); // unknown shape: matches no grant
        }
      }
      return refs;
    }

    @Override
    protected String extractTableName(Table table) {
      String name = super.extractTableName(table);
      tables.putIfAbsent(name, table);
      return name;
    }

    @Override
    public <S> Void visit(Function function, S context) {
      List<String> parts = function.getMultipartName();
      if (parts != null && !parts.isEmpty()) {
        functions.add(unquote(parts.get(parts.size() - 1)));
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(TableFunction function, S context) {
      if (function.getFunction() != null) {
        List<String> parts = function.getFunction().getMultipartName();
        tableFunctions.add(unquote(parts.get(parts.size() - 1)));
      }
      return super.visit(function, context);
    }

    @Override
    public <S> Void visit(WithItem<?> item, S context) {
      if (!(item.getStatement() instanceof ParenthesedSelect)) {
        writableCte = true;
      }
      return super.visit(item, context);
    }
  }
}
