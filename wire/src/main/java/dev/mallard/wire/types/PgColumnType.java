package dev.mallard.wire.types;

/**
 * The PostgreSQL type of a result column or parameter: the type plus its type modifier, as
 * RowDescription carries them (atttypmod; -1 when there is none).
 */
public record PgColumnType(PgType type, int typmod) {

  /** The type without a modifier. */
  public static PgColumnType of(PgType type) {
    return new PgColumnType(type, -1);
  }

  /**
   * numeric(precision, scale). PostgreSQL stores numeric's typmod as ((precision << 16) | scale) +
   * VARHDRSZ (4); see numerictypmodin.
   */
  public static PgColumnType numeric(int precision, int scale) {
    return new PgColumnType(PgTypes.NUMERIC, ((precision << 16) | scale) + 4);
  }

  /** The column type of an array of this type, keeping the element's modifier like PostgreSQL. */
  public PgColumnType arrayOf() {
    return new PgColumnType(type.arrayType(), typmod);
  }
}
