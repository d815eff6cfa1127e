package dev.mallard.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The measured passes of one reader against one system. */
final class Measurement {
  final String system;
  final String reader;
  final List<Pass> passes = new ArrayList<>();
  String formats = "";

  Measurement(String system, String reader) {
    this.system = system;
    this.reader = reader;
  }

  /** Median rows per second (the mean of the middle two for an even count). */
  double medianRowsPerSecond() {
    return median(passes.stream().mapToDouble(Pass::rowsPerSecond).toArray());
  }

  /** Median CPU microseconds per row of the reading thread. */
  double medianClientMicrosPerRow() {
    return median(passes.stream()
        .mapToDouble(p -> p.clientCpuNanos() / 1e3 / p.rows()).toArray());
  }

  /** Median CPU microseconds per row of the server; NaN when it was not observed. */
  double medianServerMicrosPerRow() {
    return median(passes.stream()
        .mapToDouble(p -> p.serverCpuNanos() < 0 ? Double.NaN : p.serverCpuNanos() / 1e3 / p.rows())
        .toArray());
  }

  private static double median(double[] values) {
    int n = values.length;
    if (n == 0) {
      return Double.NaN;
    }
    Arrays.sort(values);
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  String name() {
    return system + " " + reader;
  }
}
