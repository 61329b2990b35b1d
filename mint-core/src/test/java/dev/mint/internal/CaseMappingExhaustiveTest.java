package dev.mint.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.testing.NodeJs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * For every code point from U+0000 to U+10FFFF (lone surrogates included), the port's {@code
 * toLowerCase} and {@code toUpperCase}, and its final-sigma decision with that code point before
 * and after a Σ, equal the JavaScript engine's ({@code test-vectors/js/case-probe.mjs}). This holds
 * on any JDK, whatever Unicode version the JDK itself knows.
 */
class CaseMappingExhaustiveTest {
  @Test
  void everyCodePointMapsAsInTheJavaScriptEngine() {
    long started = System.nanoTime();
    List<String> lines = NodeJs.run("case-probe.mjs", List.of());
    assertTrue(
        lines.get(0).startsWith("unicode "), "first line names the engine's Unicode version");
    String engineUnicode = lines.get(0).substring("unicode ".length());

    Map<Integer, String> engine = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      engine.put(Integer.parseInt(line.substring(0, line.indexOf(' ')), 16), line);
    }
    Map<Integer, String> port = new LinkedHashMap<>();
    int jdkDifferences = 0;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String x = new String(Character.toChars(cp));
      if (!CaseMapping.toLowerCase(x).equals(x.toLowerCase(Locale.ROOT))
          || !CaseMapping.toUpperCase(x).equals(x.toUpperCase(Locale.ROOT))) {
        jdkDifferences++;
      }
      String line = CaseProbe.line(cp);
      if (line != null) {
        port.put(cp, line);
      }
    }

    List<String> differences = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT && differences.size() < 20; cp++) {
      String e = engine.get(cp);
      String p = port.get(cp);
      if (e == null ? p != null : !e.equals(p)) {
        differences.add(
            "U+"
                + Integer.toHexString(cp).toUpperCase(Locale.ROOT)
                + ": engine "
                + (e == null ? "plain" : e)
                + ", port "
                + (p == null ? "plain" : p));
      }
    }
    System.out.printf(
        "case mapping: %d code points compared with node (Unicode %s; tables Unicode %s): "
            + "%d differences; the JDK's own mapping (Java %s) differs on %d; %.1f s%n",
        Character.MAX_CODE_POINT + 1,
        engineUnicode,
        CaseTables.UNICODE_VERSION,
        differences.size(),
        Runtime.version().feature(),
        jdkDifferences,
        (System.nanoTime() - started) / 1e9);
    assertEquals(List.of(), differences, "code points where the port and the engine differ");
    assertEquals(engine.size(), port.size(), "code points that are not plain");
  }
}
