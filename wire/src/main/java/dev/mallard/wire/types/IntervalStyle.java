package dev.mallard.wire.types;

import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL's IntervalStyle setting, which decides interval text output. Mallard writes {@link
 * #POSTGRES} (the default) and {@link #ISO_8601}; creating an encoder for the other two throws
 * FEATURE_NOT_SUPPORTED, so the session should refuse to set them.
 */
public enum IntervalStyle {
  /** "1 year 2 mons 3 days 04:05:06.7", "-1 days +02:00:00". */
  POSTGRES("postgres", true),
  /** "@ 1 year 2 mons ago". Not implemented. */
  POSTGRES_VERBOSE("postgres_verbose", false),
  /** "1-2 3 4:05:06.7". Not implemented. */
  SQL_STANDARD("sql_standard", false),
  /** "P1Y2M3DT4H5M6.7S". */
  ISO_8601("iso_8601", true);

  private final String settingValue;
  private final boolean supported;

  IntervalStyle(String settingValue, boolean supported) {
    this.settingValue = settingValue;
    this.supported = supported;
  }

  /** The value as SHOW IntervalStyle prints it. */
  public String settingValue() {
    return settingValue;
  }

  /** Whether Mallard can produce this style. */
  public boolean isSupported() {
    return supported;
  }

  /** Parses a SET IntervalStyle value, case-insensitively. */
  public static Optional<IntervalStyle> fromSetting(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (IntervalStyle style : values()) {
      if (style.settingValue.equals(v)) {
        return Optional.of(style);
      }
    }
    return Optional.empty();
  }
}
