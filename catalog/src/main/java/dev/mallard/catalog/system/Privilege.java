package dev.mallard.catalog.system;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's object privileges, in the order aclitem text lists their letters
 * ({@code arwdDxt} for tables, {@code UC} for schemas, {@code CTc} for databases).
 */
public enum Privilege {
  INSERT('a'),
  SELECT('r'),
  UPDATE('w'),
  DELETE('d'),
  TRUNCATE('D'),
  REFERENCES('x'),
  TRIGGER('t'),
  USAGE('U'),
  CREATE('C'),
  TEMPORARY('T'),
  CONNECT('c');

  private final char letter;

  Privilege(char letter) {
    this.letter = letter;
  }

  public char letter() {
    return letter;
  }

  /** The privileges an object of this kind can have: what ALL PRIVILEGES means for it. */
  public static Set<Privilege> applicableTo(PrivilegeObject.Kind kind) {
    return switch (kind) {
      case TABLE -> EnumSet.of(INSERT, SELECT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER);
      case SCHEMA -> EnumSet.of(USAGE, CREATE);
      case DATABASE -> EnumSet.of(CREATE, TEMPORARY, CONNECT);
    };
  }

  /** A privilege by its SQL name (TEMP is TEMPORARY), case-insensitive. */
  public static Optional<Privilege> named(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (n.equals("TEMP")) {
      return Optional.of(TEMPORARY);
    }
    for (Privilege p : values()) {
      if (p.name().equals(n)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
