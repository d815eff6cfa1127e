package dev.mallard.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human-friendly value forms in the configuration: durations such as {@code 30s}, {@code 500ms},
 * {@code 5min}, {@code 1h} (or ISO-8601 {@code PT30S}; a bare {@code 0} means zero), and byte sizes
 * as plain numbers or with a unit such as {@code 64MiB}, {@code 4GB}.
 */
final class ConfigValues {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|sec|m|min|h|d)", Pattern.CASE_INSENSITIVE);
  private static final Pattern BYTES =
      Pattern.compile("(\\d+)\\s*(|b|kb|kib|k|mb|mib|m|gb|gib|g|tb|tib|t)", Pattern.CASE_INSENSITIVE);

  private ConfigValues() {}

  static Duration parseDuration(String text) {
    String s = text.trim();
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(s);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "ms" -> Duration.ofMillis(n);
        case "s", "sec" -> Duration.ofSeconds(n);
        case "m", "min" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a duration: \"" + text + "\" (use e.g. 500ms, 30s, 5min, 1h or 0)");
    }
  }

  /** Decimal units (kB, MB, GB, TB) are powers of 1000, binary ones (KiB, MiB, K, M...) of 1024. */
  static long parseBytes(String text) {
    Matcher m = BYTES.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a byte size: \"" + text + "\" (use e.g. 1048576, 64MiB or 4GiB)");
    }
    long n = Long.parseLong(m.group(1));
    long unit =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "", "b" -> 1L;
          case "kb" -> 1000L;
          case "mb" -> 1000L * 1000;
          case "gb" -> 1000L * 1000 * 1000;
          case "tb" -> 1000L * 1000 * 1000 * 1000;
          case "k", "kib" -> 1L << 10;
          case "m", "mib" -> 1L << 20;
          case "g", "gib" -> 1L << 30;
          default -> 1L << 40;
        };
    return Math.multiplyExact(n, unit);
  }

  /** Durations, byte sizes and paths as the YAML mapper reads and writes them. */
  static SimpleModule jacksonModule() {
    SimpleModule module = new SimpleModule("mallard-config");
    module.addDeserializer(Duration.class, new DurationDeserializer());
    module.addSerializer(Duration.class, new ToStringSerializer<>());
    module.addDeserializer(Path.class, new PathDeserializer());
    module.addSerializer(Path.class, new ToStringSerializer<>());
    return module;
  }

  /** For {@code long} byte-size properties: a number, or a string with a unit. */
  static final class ByteSizeDeserializer extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return p.getLongValue();
      }
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        return parseBytes(p.getText());
      }
      throw new IllegalArgumentException("not a byte size: " + p.getText());
    }
  }

  private static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getLongValue() == 0) {
        return Duration.ZERO;
      }
      return parseDuration(p.getText());
    }
  }

  private static final class PathDeserializer extends JsonDeserializer<Path> {
    @Override
    public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return Path.of(p.getText());
    }
  }

  private static final class ToStringSerializer<T> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(value.toString());
    }
  }
}
