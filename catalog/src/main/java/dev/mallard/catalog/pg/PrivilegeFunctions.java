package dev.mallard.catalog.pg;

import dev.mallard.catalog.Role;
import dev.mallard.catalog.system.Grants;
import dev.mallard.catalog.system.Privilege;
import dev.mallard.catalog.system.PrivilegeObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;

/**
 * The system catalog's grants as SQL functions, so that has_*_privilege, pg_class.relacl (and
 * nspacl, datacl), information_schema.table_privileges and enforcement read one truth:
 * <ul>
 *   <li>{@code mallard_has_privilege(role, kind, database, schema, name, privileges)}: whether the
 *       role (a name or an OID) holds any of the comma-separated privileges ("SELECT", "USAGE WITH
 *       GRANT OPTION"); kind is TABLE, SCHEMA or DATABASE.
 *   <li>{@code mallard_acl(kind, database, schema, name)}: the explicit ACL's aclitems joined by
 *       commas, or NULL while the object has its default privileges (as relacl is NULL).
 *   <li>{@code mallard_owner(kind, database, schema, name)}: the owner's OID as text (relowner,
 *       nspowner), NULL without a system catalog.
 *   <li>{@code mallard_acl_privileges(kind, database, schema, name)}: one "grantor|grantee|PRIVILEGE|YES"
 *       text per privilege held (the default ACL included), comma-separated.
 *   <li>{@code mallard_uses_privileges_of(role, other)}: pg_has_role(role, other, 'USAGE'), with
 *       other 'PUBLIC' standing for everyone; it filters information_schema.table_privileges.
 * </ul>
 * Without a system catalog (fixed roles, nothing enforced) every privilege is held and ACLs are NULL.
 */
final class PrivilegeFunctions {
  private PrivilegeFunctions() {}

  static void register(Connection root, Grants grants, RolesByOid roles) throws SQLException {
    DuckDBConnection duck = root.unwrap(DuckDBConnection.class);
    registerTest(duck, "mallard_has_privilege", 6,
        (v, r) -> grants == null || has(grants, roles, v, r));
    registerTest(duck, "mallard_uses_privileges_of", 2, (v, r) -> grants == null
        || grants.usesPrivilegesOf(v.get(0).getString(r), v.get(1).getString(r)));
    registerObjectText(duck, "mallard_acl", grants == null ? o -> null
        : o -> grants.explicitAcl(o).map(acl -> String.join(",", grants.aclItems(acl))).orElse(null));
    registerObjectText(duck, "mallard_owner",
        grants == null ? o -> null : o -> Integer.toString(grants.owner(o)));
    registerObjectText(duck, "mallard_acl_privileges",
        grants == null ? o -> null : o -> privilegeRows(grants, o));
  }

  /** A boolean function of {@code arity} text arguments; NULL when any argument is. */
  private static void registerTest(DuckDBConnection duck, String name, int arity,
      BiPredicate<List<DuckDBReadableVector>, Long> test) throws SQLException {
    Class<?>[] parameters = new Class<?>[arity];
    Arrays.fill(parameters, String.class);
    DuckDBFunctions.scalarFunction()
        .withName(name)
        .withParameters(parameters)
        .withReturnType(Boolean.class)
        .withVolatile()
        .withVectorizedFunction((in, out) -> {
          List<DuckDBReadableVector> v = vectors(in, arity);
          for (long r = 0; r < in.rowCount(); r++) {
            if (anyNull(v, r)) {
              out.setNull(r);
            } else {
              out.setBoolean(r, test.test(v, r));
            }
          }
        })
        .register(duck);
  }

  /** A function of (kind, database, schema, name) giving text about that object, or NULL. */
  private static void registerObjectText(DuckDBConnection duck, String name,
      Function<PrivilegeObject, String> text) throws SQLException {
    DuckDBFunctions.scalarFunction()
        .withName(name)
        .withParameters(String.class, String.class, String.class, String.class)
        .withReturnType(String.class)
        .withVolatile()
        .withVectorizedFunction((in, out) -> {
          List<DuckDBReadableVector> v = vectors(in, 4);
          for (long r = 0; r < in.rowCount(); r++) {
            String value = anyNull(v, r) ? null : text.apply(object(v, r));
            if (value == null) {
              out.setNull(r);
            } else {
              out.setString(r, value);
            }
          }
        })
        .register(duck);
  }

  /** Role name lookup by OID, for has_*_privilege(oid, ...). */
  interface RolesByOid {
    Optional<Role> find(int oid);
  }

  private static boolean has(Grants grants, RolesByOid roles, List<DuckDBReadableVector> v, long r) {
    String role = v.get(0).getString(r);
    if (role.chars().allMatch(Character::isDigit) && !role.isEmpty()) {
      role = roles.find(Integer.parseInt(role)).map(Role::name).orElse(role);
    }
    PrivilegeObject object = object(v.subList(1, 5), r);
    for (String wanted : v.get(5).getString(r).split(",")) {
      String w = wanted.strip().toUpperCase(Locale.ROOT);
      boolean grantOption = w.endsWith(" WITH GRANT OPTION");
      String name = grantOption ? w.substring(0, w.length() - 18).strip() : w;
      Optional<Privilege> p = Privilege.named(name);
      if (p.isEmpty()) {
        throw new IllegalArgumentException("[22023] unrecognized privilege type: \"" + wanted.strip() + "\"");
      }
      if (grants.has(role, object, p.get(), grantOption)) {
        return true;
      }
    }
    return false;
  }

  private static String privilegeRows(Grants grants, PrivilegeObject object) {
    List<String> rows = new ArrayList<>();
    for (Grants.AclEntry e : grants.acl(object)) {
      String grantee = e.grantee() == Grants.PUBLIC ? "PUBLIC" : grants.roleName(e.grantee());
      rows.add(grants.roleName(e.grantor()) + "|" + grantee + "|" + e.privilege().name() + "|"
          + (e.grantable() ? "YES" : "NO"));
    }
    return String.join(",", rows);
  }

  private static PrivilegeObject object(List<DuckDBReadableVector> v, long r) {
    return new PrivilegeObject(PrivilegeObject.Kind.valueOf(v.get(0).getString(r).toUpperCase(Locale.ROOT)),
        v.get(1).getString(r), v.get(2).getString(r), v.get(3).getString(r));
  }

  private static List<DuckDBReadableVector> vectors(org.duckdb.DuckDBDataChunkReader in, int n) {
    List<DuckDBReadableVector> v = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      v.add(in.vector(i));
    }
    return v;
  }

  private static boolean anyNull(List<DuckDBReadableVector> v, long r) {
    for (DuckDBReadableVector vector : v) {
      if (vector.isNull(r)) {
        return true;
      }
    }
    return false;
  }
}
