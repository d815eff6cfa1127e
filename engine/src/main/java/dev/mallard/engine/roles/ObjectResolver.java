package dev.mallard.engine.roles;

import dev.mallard.catalog.system.PrivilegeObject;
import java.util.List;

/** Where GRANT and REVOKE on objects find what they name: the session's database. */
public interface ObjectResolver {
  /** The session's database. */
  String database();

  /** A table or view as named (1 to 3 parts); 42P01 when it does not exist. */
  PrivilegeObject table(List<String> parts);

  /** Every table and view of a schema; 3F000 when the schema does not exist. */
  List<PrivilegeObject> tablesIn(String schema);

  /** A schema of the session's database; 3F000 when it does not exist. */
  PrivilegeObject schema(String schema);

  /** A database by name; 3D000 when there is no such database. */
  PrivilegeObject database(String name);
}
