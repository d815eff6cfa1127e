package dev.mallard.engine.roles;

import dev.mallard.engine.roles.RoleStatement.ObjectPrivileges;
import dev.mallard.engine.roles.RoleStatement.ObjectType;
import dev.mallard.engine.roles.RoleStatement.RoleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL 15's grammar for GRANT/REVOKE of object privileges (tables and views, ALL TABLES IN
 * SCHEMA, schemas, databases) and ALTER DEFAULT PRIVILEGES ... ON TABLES, read with the role
 * statement parser's tokens. Other object kinds (sequences, functions, column lists) are 0A000.
 */
final class ObjectPrivilegeGrammar {
  private static final Set<String> PRIVILEGES = Set.of("SELECT", "INSERT", "UPDATE", "DELETE",
      "TRUNCATE", "REFERENCES", "TRIGGER", "USAGE", "CREATE", "CONNECT", "TEMPORARY", "TEMP");

  private ObjectPrivilegeGrammar() {}

  /** After GRANT or REVOKE. */
  static RoleStatement grantOrRevoke(RoleStatementParser p, boolean grant) {
    return body(p, grant, false);
  }

  /** After ALTER DEFAULT. */
  static RoleStatement alterDefaultPrivileges(RoleStatementParser p) {
    p.expectWord("PRIVILEGES");
    List<String> roles = new ArrayList<>();
    List<String> schemas = new ArrayList<>();
    while (true) {
      if (p.acceptWord("FOR")) {
        p.expectOneOf("ROLE", "USER");
        do {
          roles.add(p.identifier());
        } while (p.acceptPunct(","));
      } else if (p.acceptWord("IN")) {
        p.expectWord("SCHEMA");
        do {
          schemas.add(p.identifier());
        } while (p.acceptPunct(","));
      } else {
        break;
      }
    }
    boolean grant = p.expectOneOf("GRANT", "REVOKE").equals("GRANT");
    return new RoleStatement.DefaultPrivileges(roles, schemas, (ObjectPrivileges) body(p, grant, true));
  }

  private static RoleStatement body(RoleStatementParser p, boolean grant, boolean defaults) {
    boolean grantOption = false;
    if (!grant && p.peekWord("GRANT") && p.wordAt(p.i + 1, "OPTION")) {
      p.i += 2;
      p.expectWord("FOR");
      grantOption = true;
    }
    List<String> privileges = privileges(p);
    p.expectWord("ON");
    ObjectType type;
    List<List<String>> objects = new ArrayList<>();
    if (defaults) {
      if (!p.acceptWord("TABLES")) {
        throw RoleStatementParser.unsupported("ALTER DEFAULT PRIVILEGES other than ON TABLES");
      }
      type = ObjectType.TABLE;
    } else {
      type = objectType(p);
      do {
        objects.add(qualifiedName(p));
      } while (p.acceptPunct(","));
    }
    p.expectWord(grant ? "TO" : "FROM");
    List<RoleSpec> grantees = grantees(p);
    if (grant && p.acceptWord("WITH")) {
      p.expectWord("GRANT");
      p.expectWord("OPTION");
      grantOption = true;
    }
    RoleSpec grantedBy = p.grantedBy();
    if (!grant && !p.acceptWord("CASCADE")) {
      p.acceptWord("RESTRICT");
    }
    return new ObjectPrivileges(grant, privileges, type, objects, grantees, grantOption, grantedBy);
  }

  /** The privilege list; empty for ALL [PRIVILEGES]. */
  private static List<String> privileges(RoleStatementParser p) {
    if (p.acceptWord("ALL")) {
      p.acceptWord("PRIVILEGES");
      return List.of();
    }
    List<String> names = new ArrayList<>();
    do {
      String name = p.keyword();
      if (!PRIVILEGES.contains(name)) {
        throw RoleStatementParser.unsupported("privilege " + name);
      }
      if (p.peekPunct("(")) {
        throw RoleStatementParser.unsupported("column privileges");
      }
      names.add(name.equals("TEMP") ? "TEMPORARY" : name);
    } while (p.acceptPunct(","));
    return names;
  }

  private static ObjectType objectType(RoleStatementParser p) {
    if (p.acceptWord("ALL")) {
      p.expectWord("TABLES");
      p.expectWord("IN");
      p.expectWord("SCHEMA");
      return ObjectType.ALL_TABLES_IN_SCHEMA;
    }
    if (p.acceptWord("SCHEMA")) {
      return ObjectType.SCHEMA;
    }
    if (p.acceptWord("DATABASE")) {
      return ObjectType.DATABASE;
    }
    for (String other : List.of("SEQUENCE", "FUNCTION", "PROCEDURE", "ROUTINE", "LANGUAGE",
        "TYPE", "DOMAIN", "FOREIGN", "TABLESPACE", "LARGE", "PARAMETER")) {
      if (p.peekWord(other)) {
        throw RoleStatementParser.unsupported("privileges on " + other.toLowerCase(Locale.ROOT)
            + " objects");
      }
    }
    p.acceptWord("TABLE");
    return ObjectType.TABLE;
  }

  private static List<String> qualifiedName(RoleStatementParser p) {
    List<String> parts = new ArrayList<>();
    do {
      parts.add(p.identifier());
    } while (p.acceptPunct("."));
    return parts;
  }

  /** Grantees: PUBLIC, role names, CURRENT_USER and friends, each optionally after GROUP. */
  private static List<RoleSpec> grantees(RoleStatementParser p) {
    List<RoleSpec> specs = new ArrayList<>();
    do {
      p.acceptWord("GROUP");
      if (p.acceptWord("PUBLIC")) {
        specs.add(new RoleSpec("public", false));
      } else {
        specs.add(p.roleSpec());
      }
    } while (p.acceptPunct(","));
    return specs;
  }
}
