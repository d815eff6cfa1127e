package dev.mallard.engine.authz;

import dev.mallard.catalog.system.PrivilegeObject;
import java.util.List;

/**
 * What a permitted statement changes in the system catalog once it succeeds: the objects it
 * creates (recorded as owned by the session's role, when they did not exist before) and the ones
 * it drops (their owner and grants are forgotten).
 */
public record Authorization(List<PrivilegeObject> creates, List<PrivilegeObject> drops) {
  public static final Authorization NONE = new Authorization(List.of(), List.of());
}
