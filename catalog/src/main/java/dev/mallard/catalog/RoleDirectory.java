package dev.mallard.catalog;

import java.util.Collection;
import java.util.Optional;

/**
 * Where roles are looked up at login. For now the roles come from the configuration plus the
 * bootstrap superuser; the durable system catalog of a later stage implements the same interface.
 */
public interface RoleDirectory {
  Optional<Role> find(String name);

  Collection<Role> all();
}
