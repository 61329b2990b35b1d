package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.internal.Hardening;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A static check on mint-core's bytecode: the code that touches the phrase (all of {@code
 * Hardening}, {@code Secrets}, {@code MintKey}, and the {@code char[]} paths of {@code Js} and
 * {@code CaseMapping}) never makes a {@link String}: no String constructor, no {@code
 * StringBuilder} or {@code StringBuffer}, no string concatenation with a value, no {@code
 * toString}, and no call to any method that returns a String. A String copy of the phrase could not
 * be wiped; this keeps one from coming back unnoticed. The {@code String} methods of {@code Js} and
 * {@code CaseMapping} that are left out serve the site and the version, which are not secret.
 */
class NoPhraseStringTest {
  /** Methods on the phrase path, by class; "*" means every method but those excepted below. */
  private static final Map<String, Set<String>> EXCEPTED =
      Map.of(
          "dev.mint.internal.Hardening",
          Set.of(),
          "dev.mint.internal.Secrets",
          Set.of(),
          "dev.mint.internal.Js",
          Set.of(
              "static java.lang.String trim(java.lang.String);",
              "static boolean isBlank(java.lang.CharSequence);",
              "static java.lang.String toLowerCase(java.lang.String);",
              "static double parseInt(java.lang.String);"),
          "dev.mint.internal.CaseMapping",
          Set.of(
              "static java.lang.String toLowerCase(java.lang.String);",
              "static java.lang.String toUpperCase(java.lang.String);",
              "static {};",
              "private static java.lang.String[] tokens(java.lang.String);",
              "private static int hex(java.lang.String);"),
          "dev.mint.internal.CaseMapping$Mapping",
          Set.of("dev.mint.internal.CaseMapping$Mapping(java.lang.String, java.lang.String);"),
          "dev.mint.internal.CaseMapping$Ranges",
          Set.of("dev.mint.internal.CaseMapping$Ranges(java.lang.String);"),
          // of(...), the held bytes' derive and close are on the phrase path; the excepted ones
          // make the salt (site and version, not secret) or show whether the key is closed, and
          // hand the phrase itself to of(...) only
          "dev.mint.MintKey",
          Set.of(
              "public dev.mint.Password derive(dev.mint.MintRequest);",
              "static dev.mint.Password deriveOnce(dev.mint.MintRequest, char[], dev.mint.Pbkdf2Engine);",
              "private static java.lang.String salt(dev.mint.MintRequest);",
              "public java.lang.String toString();"),
          // of(...) is on the phrase path; the rest shows or reads the 16-bit value
          "dev.mint.PhraseCheck",
          Set.of(
              "public static dev.mint.PhraseCheck parse(java.lang.CharSequence);",
              "public java.lang.String hex();",
              "public java.lang.String words();",
              "public java.lang.String toString();",
              "static {};"));

  private static final List<String> FORBIDDEN =
      List.of(
          "java/lang/String.\"<init>\"",
          "java/lang/StringBuilder",
          "java/lang/StringBuffer",
          "makeConcat",
          "toString:()",
          ")Ljava/lang/String;",
          "java/lang/String.valueOf",
          "java/lang/String.copyValueOf");

  @Test
  void thePhrasePathMakesNoString() throws Exception {
    Path classes =
        Path.of(Hardening.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    List<String> violations = new ArrayList<>();
    int checkedMethods = 0;
    for (var entry : EXCEPTED.entrySet()) {
      StringWriter out = new StringWriter();
      int status =
          javap.run(
              new PrintWriter(out),
              new PrintWriter(out),
              "-c",
              "-p",
              "-cp",
              classes.toString(),
              entry.getKey());
      assertEquals(0, status, () -> "javap " + entry.getKey() + ": " + out);
      Map<String, List<String>> methods = methods(out.toString());
      assertTrue(
          methods.keySet().containsAll(entry.getValue()),
          () ->
              entry.getKey()
                  + " no longer has the excepted methods "
                  + entry.getValue()
                  + "; it has "
                  + methods.keySet());
      for (var method : methods.entrySet()) {
        if (entry.getValue().contains(method.getKey())) {
          continue;
        }
        checkedMethods++;
        for (String instruction : method.getValue()) {
          for (String forbidden : FORBIDDEN) {
            if (instruction.contains(forbidden)) {
              violations.add(entry.getKey() + " " + method.getKey() + ": " + instruction.strip());
              break;
            }
          }
        }
      }
    }
    System.out.printf(
        "no phrase String: %d methods on the phrase path checked, %d violations%n",
        checkedMethods, violations.size());
    assertTrue(checkedMethods >= 20, "the check saw the phrase path's methods");
    assertEquals(List.of(), violations);
  }

  /** javap -c output split into methods: signature line to its instruction lines. */
  private static Map<String, List<String>> methods(String javap) {
    Map<String, List<String>> methods = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : javap.split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("   ") && line.endsWith(";")) {
        current = new ArrayList<>();
        methods.put(line.strip(), current);
      } else if (current != null) {
        current.add(line);
      }
    }
    return methods.entrySet().stream()
        .filter(e -> e.getKey().contains("(") || e.getKey().equals("static {};"))
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
