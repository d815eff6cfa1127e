package dev.mallard.wire.types;

/**
 * One PostgreSQL data type as pg_type describes it. The fields carry pg_type's own values (checked
 * against PostgreSQL 15's pg_type.dat) so that the catalog emulation's pg_type can be generated
 * from {@link PgTypes#all()} and never disagree with what the wire layer sends.
 *
 * @param oid pg_type.oid, sent in RowDescription and ParameterDescription
 * @param name pg_type.typname, e.g. "int4" or "_int4"
 * @param typlen pg_type.typlen: a fixed size in bytes, -1 for varlena, -2 for C strings
 * @param typtype pg_type.typtype: 'b' base, 'p' pseudo-type
 * @param category pg_type.typcategory, e.g. 'N' numeric, 'S' string, 'A' array
 * @param elementOid pg_type.typelem: the element type of an array type (also set for name, which
 *     PostgreSQL makes subscriptable by char), else 0
 * @param arrayTypeOid pg_type.typarray: the type of arrays of this type, or 0 if there is none
 * @param binarySupported whether Mallard can send and receive this type in binary format (format
 *     code 1); clients asking for binary on other types must be answered in text
 */
public record PgType(
    int oid,
    String name,
    int typlen,
    char typtype,
    char category,
    int elementOid,
    int arrayTypeOid,
    boolean binarySupported) {

  /**
   * The delimiter between array elements in text form (pg_type.typdelim); ',' for every type here.
   */
  public static final char DELIMITER = ',';

  /**
   * True for the "_name" array types (not for int2vector and oidvector, whose text form differs).
   */
  public boolean isArray() {
    return category == 'A' && elementOid != 0 && name.startsWith("_");
  }

  /** The element type of an array type. */
  public PgType elementType() {
    if (!isArray()) {
      throw new IllegalStateException(name + " is not an array type");
    }
    return PgTypes.byOid(elementOid);
  }

  /** The array type whose elements are this type. */
  public PgType arrayType() {
    if (arrayTypeOid == 0) {
      throw new IllegalStateException(name + " has no array type");
    }
    return PgTypes.byOid(arrayTypeOid);
  }

  @Override
  public String toString() {
    return name + "(" + oid + ")";
  }
}
