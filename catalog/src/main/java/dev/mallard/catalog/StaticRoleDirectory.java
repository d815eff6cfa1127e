package dev.mallard.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable set of roles fixed at start-up (configuration users and the bootstrap superuser). */
public final class StaticRoleDirectory implements RoleDirectory {
  private final Map<String, Role> roles = new LinkedHashMap<>();

  public StaticRoleDirectory(List<Role> roles) {
    for (Role role : roles) {
      this.roles.put(role.name(), role);
    }
  }

  @Override
  public Optional<Role> find(String name) {
    return Optional.ofNullable(roles.get(name));
  }

  @Override
  public Collection<Role> all() {
    return Collections.unmodifiableCollection(roles.values());
  }
}
