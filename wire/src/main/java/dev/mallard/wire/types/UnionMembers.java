package dev.mallard.wire.types;

import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.UnionVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Which member of a sparse union holds each row. Arrow Java is unreliable here: a UnionVector
 * reports type ids made from its children's minor types (DuckDB's UNION(num INTEGER, str VARCHAR)
 * shows [4, 24], UNION(a INTEGER, b INTEGER) shows [4, 4]) while an imported type buffer keeps
 * DuckDB's ids, the member positions 0, 1, ...; and its getObject picks the wrong member when two
 * share a type. So the row's type id is tried as a reported id, then as a member position, and the
 * member taken is the one that is not NULL at that row (in a sparse union only the selected member
 * is set). A row where every member is NULL is a NULL union.
 */
final class UnionMembers {
  private final ArrowBuf typeIds;
  private final List<FieldVector> children;
  private final int[][] membersById = new int[128][];

  UnionMembers(UnionVector union) {
    this.typeIds = union.getTypeBuffer();
    this.children = union.getChildrenFromFields();
    int[] ids = ((ArrowType.Union) union.getField().getType()).getTypeIds();
    for (int k = 0; k < children.size(); k++) {
      int id = (ids == null ? k : ids[k]) & 0x7F;
      int[] existing = membersById[id];
      int[] grown = existing == null ? new int[1] : Arrays.copyOf(existing, existing.length + 1);
      grown[grown.length - 1] = k;
      membersById[id] = grown;
    }
  }

  /** The index of the child holding row {@code index}, or -1 if the value is NULL. */
  int member(int index) {
    int id = typeIds.getByte(index) & 0x7F;
    int[] candidates = membersById[id];
    if (candidates != null) {
      for (int k : candidates) {
        if (!children.get(k).isNull(index)) {
          return k;
        }
      }
    }
    if (id < children.size() && !children.get(id).isNull(index)) {
      return id;
    }
    for (int k = 0; k < children.size(); k++) {
      if (!children.get(k).isNull(index)) {
        return k;
      }
    }
    return -1;
  }

  boolean isNull(int index) {
    return member(index) < 0;
  }
}
