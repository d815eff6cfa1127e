package dev.mallard.engine.authz;

import dev.mallard.catalog.system.PrivilegeObject;
import java.util.List;

/**
 * What a permitted statement changes in the system catalog once it succeeds: the objects it
 * creates (recorded as owned by the session's role, when they did not exist before), the ones
 * it drops (their owner and grants are forgotten) and the one it renames (owner and grants follow
 * it to the new name); {@code renamed} is null when nothing is renamed.
 */
public record Authorization(List<PrivilegeObject> creates, List<PrivilegeObject> drops,
    Rename renamed) {
  public static final Authorization NONE = new Authorization(List.of(), List.of());

  /** ALTER TABLE ... RENAME TO: the table's old and new names. */
  public record Rename(PrivilegeObject from, PrivilegeObject to) {}

  public Authorization(List<PrivilegeObject> creates, List<PrivilegeObject> drops) {
    this(creates, drops, null);
  }
}
