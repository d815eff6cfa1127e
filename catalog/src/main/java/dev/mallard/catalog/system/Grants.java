package dev.mallard.catalog.system;

import dev.mallard.catalog.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Object privileges, owners and default privileges, kept in the system catalog next to the roles
 * (tables {@code acl}, {@code owners}, {@code default_acl}), each change one DuckDB transaction.
 *
 * <p>As in PostgreSQL an object's ACL is "default" until its first GRANT or REVOKE, which
 * materializes the default (the owner's full rights, plus PUBLIC's CONNECT and TEMPORARY on
 * databases and USAGE on schema public) and then changes it. An object without a recorded owner
 * belongs to the bootstrap superuser. Ownership implies every privilege on the object.
 */
public final class Grants {
  /** Grantee OID standing for PUBLIC, as in aclitem. */
  public static final int PUBLIC = 0;

  private final Connection db;
  private final SystemCatalog roles;
  private volatile State state;

  /** One aclitem: {@code grantee} (0 = PUBLIC) holds {@code privilege}, granted by {@code grantor}. */
  public record AclEntry(int grantee, int grantor, Privilege privilege, boolean grantable) {}

  /**
   * ALTER DEFAULT PRIVILEGES: tables {@code owner} creates later (in {@code schema}, or anywhere
   * in the database when it is "") start with this entry.
   */
  public record DefaultAcl(int owner, String database, String schema, int grantee,
      Privilege privilege, boolean grantable) {}

  private record State(Map<PrivilegeObject, List<AclEntry>> acl, Map<PrivilegeObject, Integer> owners,
      List<DefaultAcl> defaults) {}

  Grants(Connection db, SystemCatalog roles) throws SQLException {
    this.db = db;
    this.roles = roles;
    try (Statement s = db.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS acl (kind VARCHAR NOT NULL, db VARCHAR NOT NULL,"
          + " schema VARCHAR NOT NULL, name VARCHAR NOT NULL, grantee INTEGER NOT NULL,"
          + " grantor INTEGER NOT NULL, privilege VARCHAR NOT NULL, grantable BOOLEAN NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS owners (kind VARCHAR NOT NULL, db VARCHAR NOT NULL,"
          + " schema VARCHAR NOT NULL, name VARCHAR NOT NULL, owner INTEGER NOT NULL)");
      s.execute("CREATE TABLE IF NOT EXISTS default_acl (owner INTEGER NOT NULL,"
          + " db VARCHAR NOT NULL, schema VARCHAR NOT NULL, grantee INTEGER NOT NULL,"
          + " privilege VARCHAR NOT NULL, grantable BOOLEAN NOT NULL)");
    }
    reload();
  }

  private synchronized void reload() throws SQLException {
    Map<PrivilegeObject, List<AclEntry>> acl = new HashMap<>();
    Map<PrivilegeObject, Integer> owners = new HashMap<>();
    List<DefaultAcl> defaults = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT kind, db,"
        + " schema, name, grantee, grantor, privilege, grantable FROM acl ORDER BY rowid")) {
      while (rs.next()) {
        acl.computeIfAbsent(object(rs), k -> new ArrayList<>()).add(new AclEntry(rs.getInt(5),
            rs.getInt(6), Privilege.valueOf(rs.getString(7)), rs.getBoolean(8)));
      }
    }
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT kind, db, schema, name, owner FROM owners")) {
      while (rs.next()) {
        owners.put(object(rs), rs.getInt(5));
      }
    }
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT owner, db,"
        + " schema, grantee, privilege, grantable FROM default_acl ORDER BY rowid")) {
      while (rs.next()) {
        defaults.add(new DefaultAcl(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4),
            Privilege.valueOf(rs.getString(5)), rs.getBoolean(6)));
      }
    }
    acl.replaceAll((k, v) -> List.copyOf(v));
    state = new State(Map.copyOf(acl), Map.copyOf(owners), List.copyOf(defaults));
  }

  private static PrivilegeObject object(ResultSet rs) throws SQLException {
    return new PrivilegeObject(PrivilegeObject.Kind.valueOf(rs.getString(1)), rs.getString(2),
        rs.getString(3), rs.getString(4));
  }

  /** The owner's OID: the recorded creator, else the bootstrap superuser. */
  public int owner(PrivilegeObject object) {
    return state.owners().getOrDefault(object, Role.BOOTSTRAP_OID);
  }

  /** The ACL as set by GRANT/REVOKE; empty while the object has its default privileges. */
  public Optional<List<AclEntry>> explicitAcl(PrivilegeObject object) {
    return Optional.ofNullable(state.acl().get(object));
  }

  /** The objects of {@code database} whose ACL GRANT or REVOKE has set. */
  public Map<PrivilegeObject, List<AclEntry>> explicitAcls(String database) {
    Map<PrivilegeObject, List<AclEntry>> found = new HashMap<>();
    state.acl().forEach((o, entries) -> {
      if (o.database().equalsIgnoreCase(database)) {
        found.put(o, entries);
      }
    });
    return found;
  }

  /** The object's ACL: explicit, or PostgreSQL's default for its kind. */
  public List<AclEntry> acl(PrivilegeObject object) {
    return explicitAcl(object).orElseGet(() -> defaultAcl(object));
  }

  private List<AclEntry> defaultAcl(PrivilegeObject object) {
    int owner = owner(object);
    List<AclEntry> entries = new ArrayList<>();
    for (Privilege p : Privilege.applicableTo(object.kind())) {
      entries.add(new AclEntry(owner, owner, p, false));
    }
    if (object.kind() == PrivilegeObject.Kind.DATABASE) {
      entries.add(new AclEntry(PUBLIC, owner, Privilege.TEMPORARY, false));
      entries.add(new AclEntry(PUBLIC, owner, Privilege.CONNECT, false));
    } else if (object.kind() == PrivilegeObject.Kind.SCHEMA && object.schema().equals("public")) {
      entries.add(new AclEntry(PUBLIC, owner, Privilege.USAGE, false));
    }
    return entries;
  }

  /**
   * Whether {@code roleName} holds {@code privilege} on {@code object}: as a superuser, as owner,
   * or through the ACL entries of itself, the roles it inherits from, and PUBLIC.
   */
  public boolean has(String roleName, PrivilegeObject object, Privilege privilege,
      boolean withGrantOption) {
    Optional<Role> role = roles.find(roleName);
    if (role.isEmpty()) {
      return false;
    }
    if (role.get().superuser()) {
      return true;
    }
    Set<Integer> holders = holders(roleName);
    if (holders.contains(owner(object))) {
      return true;
    }
    for (AclEntry e : acl(object)) {
      if (e.privilege() == privilege && holders.contains(e.grantee())
          && (!withGrantOption || e.grantable())) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code roleName} owns {@code object}, directly or through an inherited role. */
  public boolean owns(String roleName, PrivilegeObject object) {
    return holders(roleName).contains(owner(object));
  }

  /**
   * pg_has_role(role, other, 'USAGE'): whether {@code roleName} is a superuser or uses the
   * privileges of {@code other} (itself or a role it inherits); PUBLIC is everyone's.
   */
  public boolean usesPrivilegesOf(String roleName, String other) {
    if (other.equals("PUBLIC") || roles.find(roleName).map(Role::superuser).orElse(false)) {
      return true;
    }
    Optional<Role> role = roles.find(other);
    return role.isPresent() && holders(roleName).contains(role.get().oid());
  }

  /** OIDs whose privileges the role uses: itself, inherited roles and PUBLIC. */
  private Set<Integer> holders(String roleName) {
    Set<Integer> oids = new HashSet<>();
    oids.add(PUBLIC);
    for (String name : roles.privilegeRoles(roleName)) {
      roles.find(name).ifPresent(r -> oids.add(r.oid()));
    }
    return oids;
  }

  /** GRANT: adds the entries that are missing (a repeated grant changes nothing). */
  public synchronized void grant(Collection<PrivilegeObject> objects, Collection<Integer> grantees,
      Set<Privilege> privileges, int grantor, boolean grantable) {
    change(() -> {
      for (PrivilegeObject o : objects) {
        List<AclEntry> entries = new ArrayList<>(acl(o));
        for (int grantee : grantees) {
          for (Privilege p : privileges) {
            AclEntry entry = new AclEntry(grantee, grantor, p, grantable);
            entries.removeIf(e -> grantable && e.equals(new AclEntry(grantee, grantor, p, false)));
            if (!entries.contains(entry) && !entries.contains(new AclEntry(grantee, grantor, p, true))) {
              entries.add(entry);
            }
          }
        }
        writeAcl(o, entries);
      }
    });
  }

  /**
   * REVOKE: removes the grantees' entries for these privileges given by {@code grantor}, or by
   * anyone when {@code grantor} is null (the owner or a superuser revoking); with {@code
   * grantOptionOnly} the privilege stays and only its grant option goes.
   */
  public synchronized void revoke(Collection<PrivilegeObject> objects,
      Collection<Integer> grantees, Set<Privilege> privileges, Integer grantor,
      boolean grantOptionOnly) {
    change(() -> {
      for (PrivilegeObject o : objects) {
        List<AclEntry> entries = new ArrayList<>();
        for (AclEntry e : acl(o)) {
          boolean hit = grantees.contains(e.grantee()) && privileges.contains(e.privilege())
              && (grantor == null || grantor == e.grantor());
          if (!hit) {
            entries.add(e);
          } else if (grantOptionOnly) {
            entries.add(new AclEntry(e.grantee(), e.grantor(), e.privilege(), false));
          }
        }
        writeAcl(o, entries);
      }
    });
  }

  /**
   * A new object made by {@code owner}: it is recorded as the owner, any ACL left over from an
   * object of the same name is forgotten, and a table gets the owner's default privileges.
   */
  public synchronized void created(PrivilegeObject object, int owner) {
    change(() -> {
      forget(object);
      try (PreparedStatement p = db.prepareStatement("INSERT INTO owners VALUES (?, ?, ?, ?, ?)")) {
        bindObject(p, object);
        p.setInt(5, owner);
        p.executeUpdate();
      }
      if (object.kind() == PrivilegeObject.Kind.TABLE) {
        List<AclEntry> entries = new ArrayList<>();
        for (DefaultAcl d : state.defaults()) {
          if (d.owner() == owner && d.database().equalsIgnoreCase(object.database())
              && (d.schema().isEmpty() || d.schema().equals(object.schema()))) {
            entries.add(new AclEntry(d.grantee(), owner, d.privilege(), d.grantable()));
          }
        }
        if (!entries.isEmpty()) {
          List<AclEntry> owners = new ArrayList<>();
          for (Privilege p : Privilege.applicableTo(object.kind())) {
            owners.add(new AclEntry(owner, owner, p, false)); // the owner's rights come first
          }
          entries.addAll(0, owners);
          writeAclRows(object, entries);
        }
      }
    });
  }

  /** A dropped object: its owner and ACL go (for a schema, its tables' too). */
  public synchronized void dropped(PrivilegeObject object) {
    change(() -> {
      forget(object);
      if (object.kind() == PrivilegeObject.Kind.SCHEMA) {
        for (String table : List.of("acl", "owners")) {
          try (PreparedStatement p = db.prepareStatement("DELETE FROM " + table
              + " WHERE kind = 'TABLE' AND db = ? AND schema = ?")) {
            p.setString(1, object.database());
            p.setString(2, object.schema());
            p.executeUpdate();
          }
        }
      }
    });
  }

  /** A renamed table or view: its owner and ACL follow it to the new name. */
  public synchronized void renamed(PrivilegeObject from, PrivilegeObject to) {
    change(() -> {
      forget(to);
      for (String table : List.of("acl", "owners")) {
        try (PreparedStatement p = db.prepareStatement("UPDATE " + table
            + " SET name = ? WHERE kind = ? AND db = ? AND schema = ? AND name = ?")) {
          p.setString(1, to.name());
          p.setString(2, from.kind().name());
          p.setString(3, from.database());
          p.setString(4, from.schema());
          p.setString(5, from.name());
          p.executeUpdate();
        }
      }
    });
  }

  /**
   * What keeps role {@code oid} from being dropped, in the words of PostgreSQL's DETAIL: objects
   * it owns, ACLs naming it (other than on its own objects) and default privileges naming it.
   */
  public List<String> dependents(int oid) {
    State s = state;
    List<String> lines = new ArrayList<>();
    s.owners().forEach((o, owner) -> {
      if (owner == oid) {
        lines.add("owner of " + describe(o));
      }
    });
    s.acl().forEach((o, entries) -> {
      if (owner(o) != oid && entries.stream().anyMatch(e -> e.grantee() == oid || e.grantor() == oid)) {
        lines.add("privileges for " + describe(o));
      }
    });
    for (DefaultAcl d : s.defaults()) {
      String on = "default privileges on new relations belonging to role " + roleName(d.owner())
          + (d.schema().isEmpty() ? "" : " in schema " + d.schema()) + " in database " + d.database();
      if (d.owner() == oid) {
        lines.add("owner of " + on);
      } else if (d.grantee() == oid) {
        lines.add("privileges for " + on);
      }
    }
    return lines.stream().distinct().sorted().toList();
  }

  /** "table t" (schema-qualified outside public) and, but for databases, where it is. */
  private static String describe(PrivilegeObject o) {
    String name = o.kind() == PrivilegeObject.Kind.TABLE && !o.schema().equals("public")
        ? o.schema() + "." + o.name() : o.displayName();
    return o.kindWord() + " " + name
        + (o.kind() == PrivilegeObject.Kind.DATABASE ? "" : " in database " + o.database());
  }

  /** A dropped database: its grants, owners and default privileges, and all its objects', go. */
  public synchronized void databaseDropped(String database) {
    change(() -> {
      for (String table : List.of("acl", "owners", "default_acl")) {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM " + table + " WHERE db = ?")) {
          p.setString(1, database);
          p.executeUpdate();
        }
      }
    });
  }

  /** A renamed database: everything granted in or on it follows it to its new name. */
  public synchronized void databaseRenamed(String from, String to) {
    change(() -> {
      for (String table : List.of("acl", "owners", "default_acl")) {
        try (PreparedStatement p =
            db.prepareStatement("UPDATE " + table + " SET db = ? WHERE db = ?")) {
          p.setString(1, to);
          p.setString(2, from);
          p.executeUpdate();
        }
      }
    });
  }

  /** ALTER DEFAULT PRIVILEGES ... GRANT (grant = true) or REVOKE ... ON TABLES. */
  public synchronized void alterDefaults(int owner, String database, String schema,
      Collection<Integer> grantees, Set<Privilege> privileges, boolean grant, boolean grantable) {
    String db0 = database.toLowerCase(java.util.Locale.ROOT);
    String schema0 = schema.equalsIgnoreCase("main") ? "public" : schema.toLowerCase(java.util.Locale.ROOT);
    change(() -> {
      for (int grantee : grantees) {
        for (Privilege p : privileges) {
          try (PreparedStatement d = db.prepareStatement("DELETE FROM default_acl WHERE owner = ?"
              + " AND db = ? AND schema = ? AND grantee = ? AND privilege = ?")) {
            d.setInt(1, owner);
            d.setString(2, db0);
            d.setString(3, schema0);
            d.setInt(4, grantee);
            d.setString(5, p.name());
            d.executeUpdate();
          }
          if (grant) {
            try (PreparedStatement i = db.prepareStatement(
                "INSERT INTO default_acl VALUES (?, ?, ?, ?, ?, ?)")) {
              i.setInt(1, owner);
              i.setString(2, db0);
              i.setString(3, schema0);
              i.setInt(4, grantee);
              i.setString(5, p.name());
              i.setBoolean(6, grantable);
              i.executeUpdate();
            }
          }
        }
      }
    });
  }

  public List<DefaultAcl> defaults() {
    return state.defaults();
  }

  /**
   * The ACL as PostgreSQL prints aclitem[]: {@code {alice=arwdDxt/alice,=r/alice}}, a {@code *}
   * after each letter held WITH GRANT OPTION; null while the object has its default ACL.
   */
  public String aclText(PrivilegeObject object) {
    return explicitAcl(object).map(this::aclText).orElse(null);
  }

  /** The aclitems of these entries, one per grantee and grantor, in the order first granted. */
  public List<String> aclItems(List<AclEntry> entries) {
    Map<List<Integer>, StringBuilder> items = new java.util.LinkedHashMap<>();
    Map<List<Integer>, Set<Privilege>> held = new HashMap<>();
    for (AclEntry e : entries) {
      held.computeIfAbsent(List.of(e.grantee(), e.grantor()), k -> EnumSet.noneOf(Privilege.class))
          .add(e.privilege());
      items.putIfAbsent(List.of(e.grantee(), e.grantor()), new StringBuilder());
    }
    List<String> texts = new ArrayList<>();
    items.forEach((key, sb) -> {
      sb.append(key.get(0) == PUBLIC ? "" : roleName(key.get(0))).append('=');
      for (Privilege p : held.get(key)) {
        sb.append(p.letter());
        if (entries.contains(new AclEntry(key.get(0), key.get(1), p, true))) {
          sb.append('*');
        }
      }
      texts.add(sb.append('/').append(roleName(key.get(1))).toString());
    });
    return texts;
  }

  private String aclText(List<AclEntry> entries) {
    return "{" + String.join(",", aclItems(entries)) + "}";
  }

  /** A role's name for display; a dropped role shows as its OID, as PostgreSQL does. */
  public String roleName(int oid) {
    return roles.find(oid).map(Role::name).orElse(Integer.toString(oid));
  }

  private void forget(PrivilegeObject object) throws SQLException {
    for (String table : List.of("acl", "owners")) {
      try (PreparedStatement p = db.prepareStatement("DELETE FROM " + table
          + " WHERE kind = ? AND db = ? AND schema = ? AND name = ?")) {
        bindObject(p, object);
        p.executeUpdate();
      }
    }
  }

  private void writeAcl(PrivilegeObject object, List<AclEntry> entries) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(
        "DELETE FROM acl WHERE kind = ? AND db = ? AND schema = ? AND name = ?")) {
      bindObject(p, object);
      p.executeUpdate();
    }
    writeAclRows(object, entries);
  }

  private void writeAclRows(PrivilegeObject object, List<AclEntry> entries) throws SQLException {
    try (PreparedStatement p =
        db.prepareStatement("INSERT INTO acl VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (AclEntry e : entries) {
        bindObject(p, object);
        p.setInt(5, e.grantee());
        p.setInt(6, e.grantor());
        p.setString(7, e.privilege().name());
        p.setBoolean(8, e.grantable());
        p.executeUpdate();
      }
    }
  }

  private static void bindObject(PreparedStatement p, PrivilegeObject o) throws SQLException {
    p.setString(1, o.kind().name());
    p.setString(2, o.database());
    p.setString(3, o.schema());
    p.setString(4, o.name());
  }

  /** One change as one transaction, then a fresh snapshot. */
  private void change(CatalogTransactions.Change change) {
    CatalogTransactions.run(db, change, this::reload);
  }

  void close() throws SQLException {
    db.close();
  }
}
