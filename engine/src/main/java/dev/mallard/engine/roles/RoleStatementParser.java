package dev.mallard.engine.roles;

import dev.mallard.catalog.system.RoleAttributes;
import dev.mallard.engine.roles.RoleStatement.Options;
import dev.mallard.engine.roles.RoleStatement.Password;
import dev.mallard.engine.roles.RoleStatement.RoleSpec;
import dev.mallard.engine.sql.SqlLexer;
import dev.mallard.engine.sql.Token;
import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses role statements with PostgreSQL 15's grammar (CREATE ROLE, ALTER ROLE, DROP ROLE, their
 * USER and GROUP synonyms, GRANT and REVOKE of role membership) from the SQL lexer's tokens.
 * Errors are PostgreSQL's: 42601 with the position of the offending token, 42939 for names
 * that cannot be roles, 0A000 for forms Mallard does not support.
 */
public final class RoleStatementParser {
  private final List<Token> tokens = new ArrayList<>();
  private final List<Integer> offsets = new ArrayList<>();
  int i;

  private RoleStatementParser(String sql) {
    int offset = 0;
    for (Token t : SqlLexer.lex(sql)) {
      if (t.kind() != Token.Kind.SPACE) {
        tokens.add(t);
        offsets.add(offset);
      }
      offset += t.text().length();
    }
    if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).is(";")) {
      tokens.remove(tokens.size() - 1);
    }
  }

  /**
   * Whether a statement with these leading words (upper case) and top-level words is a role
   * statement: GRANT and REVOKE are, unless they name privileges ON an object.
   */
  public static boolean isRoleStatement(List<String> leading, List<String> topLevel) {
    String verb = leading.isEmpty() ? "" : leading.get(0);
    String object = leading.size() > 1 ? leading.get(1) : "";
    if (verb.equals("ALTER") && object.equals("DEFAULT")) {
      verb = "ALTER DEFAULT";
    }
    switch (verb) {
      case "CREATE": case "ALTER": case "DROP":
        boolean userMapping = object.equals("USER") && leading.size() > 2
            && leading.get(2).equals("MAPPING");
        return (object.equals("ROLE") || object.equals("USER") || object.equals("GROUP"))
            && !userMapping;
      case "GRANT": case "REVOKE":
        return true; // of roles, or of privileges ON objects
      case "ALTER DEFAULT":
        return true;
      default:
        return false;
    }
  }

  public static RoleStatement parse(String sql) {
    RoleStatementParser p = new RoleStatementParser(sql);
    RoleStatement statement = p.statement();
    if (p.i < p.tokens.size()) {
      throw p.syntaxError();
    }
    return statement;
  }

  private RoleStatement statement() {
    String verb = keyword();
    switch (verb) {
      case "CREATE": {
        String kind = expectOneOf("ROLE", "USER", "GROUP");
        String name = newRoleName();
        return new RoleStatement.Create(name, kind.equals("USER"), options(true));
      }
      case "ALTER":
        if (acceptWord("DEFAULT")) {
          return ObjectPrivilegeGrammar.alterDefaultPrivileges(this);
        }
        return alter(expectOneOf("ROLE", "USER", "GROUP"));
      case "DROP": {
        expectOneOf("ROLE", "USER", "GROUP");
        boolean ifExists = acceptWord("IF");
        if (ifExists) {
          expectWord("EXISTS");
        }
        return new RoleStatement.Drop(ifExists, nameList());
      }
      case "GRANT":
        return namesObjects() ? ObjectPrivilegeGrammar.grantOrRevoke(this, true) : grant();
      case "REVOKE":
        return namesObjects() ? ObjectPrivilegeGrammar.grantOrRevoke(this, false) : revoke();
      default:
        i--;
        throw syntaxError();
    }
  }

  private RoleStatement alter(String kind) {
    if (peekWord("ALL") || kind.equals("GROUP") && peekRoleSpecKeyword()) {
      throw unsupported("ALTER ROLE ALL");
    }
    RoleSpec role = roleSpec();
    if (acceptWord("RENAME")) {
      expectWord("TO");
      if (role.current()) {
        throw syntaxError(i - 2);
      }
      return new RoleStatement.Rename(role.name(), newRoleName());
    }
    if (kind.equals("GROUP")) {
      String action = expectOneOf("ADD", "DROP");
      expectWord("USER");
      List<RoleSpec> users = nameList().stream().map(RoleSpec::named).toList();
      return action.equals("ADD")
          ? new RoleStatement.Grant(List.of(role.name()), users, false, null, "ALTER ROLE")
          : new RoleStatement.Revoke(List.of(role.name()), users, false, null, "ALTER ROLE");
    }
    if (peekWord("SET") || peekWord("RESET") || peekWord("IN")) {
      throw unsupported("per-role settings (ALTER ROLE ... SET)");
    }
    return new RoleStatement.Alter(role, options(false));
  }

  /** GRANT/REVOKE of privileges names ON (a reserved word, so never a role name). */
  private boolean namesObjects() {
    return tokens.stream().anyMatch(t -> t.isWord("ON"));
  }

  /** The next token, which must be an identifier; its PostgreSQL-folded name. */
  String identifier() {
    Token t = next();
    if (!t.isIdentifier()) {
      throw syntaxError(i - 1);
    }
    return t.identifier();
  }

  boolean atEnd() {
    return i >= tokens.size();
  }

  private RoleStatement grant() {
    List<String> roles = nameList();
    expectWord("TO");
    List<RoleSpec> members = granteeList();
    boolean admin = false;
    if (acceptWord("WITH")) {
      expectWord("ADMIN");
      String value = expectOneOf("OPTION", "TRUE", "FALSE");
      admin = !value.equals("FALSE");
    }
    return new RoleStatement.Grant(roles, members, admin, grantedBy(), "GRANT ROLE");
  }

  private RoleStatement revoke() {
    boolean adminOnly = false;
    if (peekWord("ADMIN") && wordAt(i + 1, "OPTION")) {
      i += 2;
      expectWord("FOR");
      adminOnly = true;
    }
    List<String> roles = nameList();
    expectWord("FROM");
    List<RoleSpec> members = granteeList();
    RoleSpec grantedBy = grantedBy();
    if (!acceptWord("CASCADE")) {
      acceptWord("RESTRICT");
    }
    return new RoleStatement.Revoke(roles, members, adminOnly, grantedBy, "REVOKE ROLE");
  }

  /** The GRANTED BY role (pg_dumpall writes it), or null. */
  RoleSpec grantedBy() {
    if (!acceptWord("GRANTED")) {
      return null;
    }
    expectWord("BY");
    return roleSpec();
  }

  private Options options(boolean create) {
    acceptWord("WITH");
    RoleAttributes a = RoleAttributes.none();
    Password password = null;
    String validUntil = null;
    Boolean replication = null;
    Boolean bypassRls = null;
    List<String> inRoles = new ArrayList<>();
    List<String> members = new ArrayList<>();
    List<String> admins = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (i < tokens.size()) {
      int start = i;
      String word = keyword();
      String option = word.startsWith("NO") && !word.equals("NONE") ? word.substring(2) : word;
      boolean on = option.equals(word);
      switch (option) {
        case "SUPERUSER" -> a = a.withSuperuser(on);
        case "CREATEDB" -> a = a.withCreateDb(on);
        case "CREATEROLE" -> a = a.withCreateRole(on);
        case "INHERIT" -> a = a.withInherit(on);
        case "LOGIN" -> a = a.withLogin(on);
        case "REPLICATION" -> replication = on;
        case "BYPASSRLS" -> bypassRls = on;
        case "CONNECTION" -> {
          expectWord("LIMIT");
          a = a.withConnectionLimit(signedInteger());
        }
        case "ENCRYPTED", "PASSWORD", "UNENCRYPTED" -> {
          if (!on) {
            throw syntaxError(start);
          }
          if (!option.equals("PASSWORD")) {
            if (option.equals("UNENCRYPTED")) {
              throw new PgException(PgException.Severity.ERROR, SqlState.FEATURE_NOT_SUPPORTED,
                  "UNENCRYPTED PASSWORD is no longer supported", null,
                  "Remove UNENCRYPTED to store the password in encrypted form instead.", 0, null);
            }
            expectWord("PASSWORD");
          }
          option = "PASSWORD";
          password = new Password(acceptWord("NULL") ? null : string());
        }
        case "VALID" -> {
          expectWord("UNTIL");
          validUntil = string();
        }
        case "IN" -> {
          expectOneOf("ROLE", "GROUP");
          inRoles.addAll(nameList());
        }
        case "ROLE", "USER" -> {
          option = "ROLE";
          members.addAll(nameList());
        }
        case "ADMIN" -> admins.addAll(nameList());
        case "SYSID" -> signedInteger(); // ignored by PostgreSQL too
        default -> throw new PgException(PgException.Severity.ERROR, SqlState.SYNTAX_ERROR,
            "unrecognized role option \"" + word.toLowerCase(Locale.ROOT) + "\"", null, null,
            position(start), null);
      }
      boolean createOnly = List.of("IN", "ROLE", "ADMIN", "SYSID").contains(option);
      if (!on && (createOnly || option.equals("CONNECTION") || option.equals("VALID"))
          || createOnly && !create) {
        throw syntaxError(start);
      }
      if (!seen.add(option)) {
        throw new PgException(PgException.Severity.ERROR, SqlState.SYNTAX_ERROR,
            "conflicting or redundant options", null, null, position(start), null);
      }
    }
    return new Options(a, password, validUntil, replication, bypassRls, List.copyOf(inRoles),
        List.copyOf(members), List.copyOf(admins));
  }

  private int signedInteger() {
    boolean negative = tokens.size() > i && tokens.get(i).is("-");
    if (negative) {
      i++;
    }
    Token t = next();
    if (t.kind() != Token.Kind.NUMBER || !t.text().chars().allMatch(Character::isDigit)) {
      throw syntaxError(i - 1);
    }
    try {
      int value = Integer.parseInt(t.text());
      return negative ? -value : value;
    } catch (NumberFormatException e) {
      throw syntaxError(i - 1);
    }
  }

  private String string() {
    Token t = next();
    if (t.kind() != Token.Kind.STRING) {
      throw syntaxError(i - 1);
    }
    return StringConstants.value(t);
  }

  /** A role name being created: not PUBLIC, NONE or a CURRENT_USER-like keyword. */
  private String newRoleName() {
    if (peekRoleSpecKeyword()) {
      throw new PgException(PgException.Severity.ERROR, SqlState.RESERVED_NAME,
          tokens.get(i).text().toUpperCase(Locale.ROOT) + " cannot be used as a role name here",
          null, null, position(i), null);
    }
    return name();
  }

  /** A role name: an identifier, where PUBLIC and NONE are reserved (42939). */
  private String name() {
    Token t = next();
    if (!t.isIdentifier()) {
      throw syntaxError(i - 1);
    }
    String name = t.identifier();
    if (name.equals("public") || name.equals("none")) {
      throw new PgException(PgException.Severity.ERROR, SqlState.RESERVED_NAME,
          "role name \"" + name + "\" is reserved", null, null, position(i - 1), null);
    }
    return name;
  }

  RoleSpec roleSpec() {
    if (peekRoleSpecKeyword()) {
      i++;
      return new RoleSpec(null, true);
    }
    return RoleSpec.named(name());
  }

  private boolean peekRoleSpecKeyword() {
    return peekWord("CURRENT_USER") || peekWord("CURRENT_ROLE") || peekWord("SESSION_USER");
  }

  private List<String> nameList() {
    List<String> names = new ArrayList<>();
    do {
      names.add(name());
    } while (acceptPunct(","));
    return names;
  }

  /** GRANT's grantees: role specifications, each optionally preceded by GROUP. */
  private List<RoleSpec> granteeList() {
    List<RoleSpec> specs = new ArrayList<>();
    do {
      acceptWord("GROUP");
      specs.add(roleSpec());
    } while (acceptPunct(","));
    return specs;
  }

  Token next() {
    if (i >= tokens.size()) {
      throw syntaxError();
    }
    return tokens.get(i++);
  }

  String keyword() {
    Token t = next();
    if (!t.isWord()) {
      throw syntaxError(i - 1);
    }
    return t.text().toUpperCase(Locale.ROOT);
  }

  String expectOneOf(String... words) {
    String w = keyword();
    if (!List.of(words).contains(w)) {
      throw syntaxError(i - 1);
    }
    return w;
  }

  void expectWord(String word) {
    expectOneOf(word);
  }

  boolean peekWord(String word) {
    return wordAt(i, word);
  }

  boolean wordAt(int index, String word) {
    return index < tokens.size() && tokens.get(index).isWord(word);
  }

  boolean acceptWord(String word) {
    if (peekWord(word)) {
      i++;
      return true;
    }
    return false;
  }

  boolean peekPunct(String punct) {
    return i < tokens.size() && tokens.get(i).is(punct);
  }

  boolean acceptPunct(String punct) {
    if (i < tokens.size() && tokens.get(i).is(punct)) {
      i++;
      return true;
    }
    return false;
  }

  private int position(int index) {
    return index < offsets.size() ? offsets.get(index) + 1 : 0;
  }

  PgException syntaxError() {
    return syntaxError(i);
  }

  PgException syntaxError(int index) {
    if (index >= tokens.size()) {
      return new PgException(SqlState.SYNTAX_ERROR, "syntax error at end of input");
    }
    return new PgException(PgException.Severity.ERROR, SqlState.SYNTAX_ERROR,
        "syntax error at or near \"" + tokens.get(index).text() + "\"", null, null,
        position(index), null);
  }

  static PgException unsupported(String what) {
    return new PgException(SqlState.FEATURE_NOT_SUPPORTED, what + " is not supported");
  }
}
