package dev.mallard.session;

import dev.mallard.engine.Column;
import dev.mallard.wire.message.BackendMessage;
import dev.mallard.wire.types.PgColumnType;
import dev.mallard.wire.types.PgTypes;
import java.util.ArrayList;
import java.util.List;

/** Builds RowDescription messages from result columns. */
final class RowDescriptions {
  private RowDescriptions() {}

  static BackendMessage.RowDescription of(List<Column> columns, short[] formats) {
    List<BackendMessage.Field> fields = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      PgColumnType t = c.type();
      fields.add(new BackendMessage.Field(
          c.name(), 0, (short) 0, t.type().oid(), (short) t.type().typlen(), t.typmod(), formats[i]));
    }
    return new BackendMessage.RowDescription(fields);
  }

  /** All-text columns, as SHOW returns. */
  static BackendMessage.RowDescription text(List<String> names) {
    List<BackendMessage.Field> fields = new ArrayList<>(names.size());
    for (String name : names) {
      fields.add(new BackendMessage.Field(
          name, 0, (short) 0, PgTypes.TEXT.oid(), (short) -1, -1, (short) 0));
    }
    return new BackendMessage.RowDescription(fields);
  }
}
