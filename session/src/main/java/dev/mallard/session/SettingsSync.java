package dev.mallard.session;

import dev.mallard.engine.EngineSession;
import dev.mallard.engine.Identifiers;
import dev.mallard.engine.SessionFunctions;
import dev.mallard.wire.message.BackendMessage;
import dev.mallard.wire.types.EncodingContext;
import dev.mallard.wire.types.IntervalStyle;
import dev.mallard.wire.types.ParameterDecoder;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Keeps everything that follows from a session's settings in step with them: DuckDB's own
 * TimeZone and search_path, the encoding context for results and parameters, the ParameterStatus
 * messages clients track (GUC_REPORT), and current_setting() / set_config() inside SQL.
 */
final class SettingsSync {
  private final SessionSettings settings;
  private final EngineSession engine;
  private final Consumer<BackendMessage> send;
  private final BooleanSupplier inTransaction;
  private final Map<String, String> reported = new HashMap<>();
  private String appliedTimeZone;
  private String appliedSearchPath;
  private EncodingContext encoding;
  private ParameterDecoder parameterDecoder;
  /** Set by set_config() during a statement; its effects on DuckDB follow the statement. */
  private volatile boolean changedBySql;

  SettingsSync(SessionSettings settings, EngineSession engine, Consumer<BackendMessage> send,
      BooleanSupplier inTransaction) {
    this.settings = settings;
    this.engine = engine;
    this.send = send;
    this.inTransaction = inTransaction;
  }

  /** At session start: applies everything and reports every GUC_REPORT setting. */
  void start() {
    engine.bindSessionFunctions(new Functions());
    changed();
  }

  /** After SET / RESET / transaction end: applies and reports what changed. */
  void changed() {
    apply();
    for (Map.Entry<String, String> e : settings.reportedValues()) {
      if (!e.getValue().equals(reported.get(e.getKey()))) {
        reported.put(e.getKey(), e.getValue());
        send.accept(new BackendMessage.ParameterStatus(e.getKey(), e.getValue()));
      }
    }
  }

  /** After each statement: catches up with set_config() calls the statement made. */
  void afterStatement() {
    if (changedBySql) {
      changedBySql = false;
      changed();
    }
  }

  EncodingContext encoding() {
    return encoding;
  }

  ParameterDecoder parameterDecoder() {
    return parameterDecoder;
  }

  private void apply() {
    String tz = settings.get("TimeZone");
    if (!tz.equals(appliedTimeZone)) {
      engine.executeUtility("SET TimeZone = " + Identifiers.literal(tz));
      appliedTimeZone = tz;
    }
    String path = settings.get("search_path");
    if (!path.equals(appliedSearchPath)) {
      engine.setSearchPath(SearchPath.parse(path));
      appliedSearchPath = path;
    }
    encoding = new EncodingContext(
        ZoneId.of(tz), Integer.parseInt(settings.get("extra_float_digits")),
        IntervalStyle.fromSetting(settings.get("IntervalStyle")).orElse(IntervalStyle.POSTGRES));
    parameterDecoder = new ParameterDecoder(encoding.timeZone());
  }

  /** current_setting() and set_config(), called from DuckDB's threads during a statement. */
  private final class Functions implements SessionFunctions {
    @Override
    public String currentSetting(String name, boolean missingOk) {
      synchronized (settings) {
        return missingOk ? settings.getOrNull(name) : settings.get(name);
      }
    }

    @Override
    public String setConfig(String name, String value, boolean isLocal) {
      synchronized (settings) {
        if (isLocal && !inTransaction.getAsBoolean()) {
          return value == null ? "" : value; // like SET LOCAL outside a transaction: no effect
        }
        String canonical;
        if (value == null) {
          settings.reset(name);
          canonical = settings.get(name);
        } else {
          canonical = settings.set(name, value, isLocal, false);
        }
        changedBySql = true;
        return canonical;
      }
    }
  }
}
