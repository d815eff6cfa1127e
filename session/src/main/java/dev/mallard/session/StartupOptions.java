package dev.mallard.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the startup packet's {@code options} parameter as libpq passes it: command-line style
 * switches {@code -c name=value} or {@code --name=value}, separated by spaces, with backslash
 * escaping a space or backslash.
 */
final class StartupOptions {
  private StartupOptions() {}

  static Map<String, String> parse(String options) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] args = splitArgs(options);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String assignment = null;
      if (a.equals("-c") && i + 1 < args.length) {
        assignment = args[++i];
      } else if (a.startsWith("-c") && a.length() > 2) {
        assignment = a.substring(2);
      } else if (a.startsWith("--")) {
        assignment = a.substring(2);
      }
      if (assignment != null) {
        int eq = assignment.indexOf('=');
        if (eq > 0) {
          out.put(assignment.substring(0, eq).replace('-', '_'), assignment.substring(eq + 1));
        }
      }
    }
    return out;
  }

  private static String[] splitArgs(String s) {
    java.util.List<String> args = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        cur.append(s.charAt(++i));
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any) {
          args.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(c);
        any = true;
      }
    }
    if (any) {
      args.add(cur.toString());
    }
    return args.toArray(new String[0]);
  }
}
