package dev.mallard.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The startup packet's "options" string, as libpq builds it from PGOPTIONS. */
class StartupOptionsTest {

  @Test
  void dashCAssignments() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("search_path", "a,b");
    expected.put("statement_timeout", "5s");
    Map<String, String> got = StartupOptions.parse("-c search_path=a,b -c statement_timeout=5s");
    assertEquals(expected, got);
    assertEquals(List.of("search_path", "statement_timeout"), List.copyOf(got.keySet()));
  }

  @Test
  void attachedDashC() {
    assertEquals(Map.of("work_mem", "8MB"), StartupOptions.parse("-cwork_mem=8MB"));
  }

  @Test
  void longOptionsTurnDashesIntoUnderscores() {
    assertEquals(Map.of("application_name", "x"), StartupOptions.parse("--application-name=x"));
    // Only the name: a dash in the value stays.
    assertEquals(Map.of("work_mem", "8-MB"), StartupOptions.parse("--work-mem=8-MB"));
  }

  @Test
  void escapedSpacesStayInTheValue() {
    assertEquals(Map.of("application_name", "my app"),
        StartupOptions.parse("-c application_name=my\\ app"));
    assertEquals(Map.of("search_path", "\"My Schema\",public"),
        StartupOptions.parse("-c search_path=\"My\\ Schema\",public"));
    assertEquals(Map.of("application_name", "back\\slash"),
        StartupOptions.parse("-c application_name=back\\\\slash"));
  }

  @Test
  void extraWhitespaceIsIgnored() {
    assertEquals(Map.of("a.b", "1", "c.d", "2"), StartupOptions.parse("   -c  a.b=1 \t -c c.d=2  "));
  }

  @Test
  void malformedSwitchesAreSkipped() {
    assertEquals(Map.of(), StartupOptions.parse(""));
    assertEquals(Map.of(), StartupOptions.parse("-c"));
    assertEquals(Map.of(), StartupOptions.parse("-c novalue"));
    assertEquals(Map.of(), StartupOptions.parse("-c =x"));
    assertEquals(Map.of("b", "2"), StartupOptions.parse("-x -c b=2"));
  }

  @Test
  void laterValuesWin() {
    assertEquals(Map.of("a.b", "2"), StartupOptions.parse("-c a.b=1 -c a.b=2"));
  }

  @Test
  void valueMayContainEquals() {
    assertEquals(Map.of("myapp.expr", "x=y"), StartupOptions.parse("-c myapp.expr=x=y"));
  }
}
