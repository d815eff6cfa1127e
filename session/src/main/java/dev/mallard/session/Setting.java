package dev.mallard.session;

import dev.mallard.wire.error.PgException;
import dev.mallard.wire.error.SqlState;
import java.util.function.UnaryOperator;

/**
 * One PostgreSQL configuration parameter Mallard knows: its canonical name, default, whether
 * clients may change it, whether changes are reported with ParameterStatus (GUC_REPORT), and a
 * validator that returns the canonical form of a new value or throws.
 */
record Setting(
    String name,
    String defaultValue,
    boolean readOnly,
    boolean reported,
    String description,
    UnaryOperator<String> validator) {

  String validate(String value) {
    if (readOnly) {
      throw new PgException(
          "55P02", "parameter \"" + name + "\" cannot be changed");
    }
    return validator.apply(value);
  }

  static UnaryOperator<String> any() {
    return v -> v;
  }

  static UnaryOperator<String> oneOf(String name, String... allowed) {
    return v -> {
      for (String a : allowed) {
        if (a.equalsIgnoreCase(v.strip())) {
          return a;
        }
      }
      throw invalidValue(name, v);
    };
  }

  static UnaryOperator<String> bool(String name) {
    return v -> {
      switch (v.strip().toLowerCase()) {
        case "on": case "true": case "yes": case "1": case "t": case "y":
          return "on";
        case "off": case "false": case "no": case "0": case "f": case "n":
          return "off";
        default:
          throw new PgException(
              SqlState.INVALID_PARAMETER_VALUE,
              "parameter \"" + name + "\" requires a Boolean value");
      }
    };
  }

  static UnaryOperator<String> integer(String name, int min, int max) {
    return v -> {
      try {
        int i = Integer.parseInt(v.strip());
        if (i < min || i > max) {
          throw new PgException(
              SqlState.INVALID_PARAMETER_VALUE,
              i + " is outside the valid range for parameter \"" + name + "\" (" + min + " .. "
                  + max + ")");
        }
        return Integer.toString(i);
      } catch (NumberFormatException e) {
        throw new PgException(
            SqlState.INVALID_PARAMETER_VALUE,
            "invalid value for parameter \"" + name + "\": \"" + v + "\"");
      }
    };
  }

  static PgException invalidValue(String name, String value) {
    return new PgException(
        SqlState.INVALID_PARAMETER_VALUE,
        "invalid value for parameter \"" + name + "\": \"" + value + "\"");
  }
}
