package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/THREAT_MODEL.md stays a model a reader can hold: no line over {@value #MAX_LINE} characters,
 * every control row ({@code | C12 | ...}) names the test class that proves it, and every test class
 * it names exists in some module's {@code src/test}; docs/TESTING.md, which records how each of
 * those tests was shown to fail, names only existing test classes too. A test class renamed or
 * deleted without the documents following fails here, so they never cite a proof that is gone.
 */
final class ThreatModelTest {
  private static final Path ROOT = RepositoryRoot.get();

  static final int MAX_LINE = 400;

  /** A control row of the controls table: its id is the first cell. */
  private static final Pattern CONTROL_ROW = Pattern.compile("^\\|\\s*(C\\d+)\\s*\\|");

  /**
   * A test class's name as the build's naming rule has it ({@code *Test}, {@code *PropertyTest},
   * {@code *IT}); the lower-case second letter keeps words in capitals ({@code EXIT}) out, and a
   * name after {@code @} or {@code *} is an annotation ({@code @RepeatedTest}) or a pattern.
   */
  private static final Pattern TEST_CLASS =
      Pattern.compile("(?<![@*])\\b[A-Z][a-z][A-Za-z0-9]*(?:Test|IT)\\b");

  /** The simple names of the classes in every module's {@code src/test} tree. */
  static Set<String> testClasses(Path root) throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).collect(Collectors.toList())) {
        Path tests = module.resolve("src").resolve("test");
        if (!Files.isDirectory(tests)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(tests)) {
          files
              .map(p -> p.getFileName().toString())
              .filter(name -> name.endsWith(".java"))
              .forEach(name -> names.add(name.substring(0, name.length() - ".java".length())));
        }
      }
    }
    return names;
  }

  /** The test classes a line names, in order. */
  static List<String> named(String line) {
    List<String> named = new ArrayList<>();
    Matcher m = TEST_CLASS.matcher(line);
    while (m.find()) {
      named.add(m.group());
    }
    return named;
  }

  /** The names of a document's lines that are no test class, each with its line. */
  static List<String> unknownTestClasses(List<String> lines, Set<String> testClasses) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      for (String name : named(lines.get(i))) {
        if (!testClasses.contains(name)) {
          problems.add(
              "line " + (i + 1) + ": names " + name + ", which is no test class of any module");
        }
      }
    }
    return problems;
  }

  /** What is wrong with the threat model's lines, one message a problem, each with its line. */
  static List<String> problems(List<String> lines, Set<String> testClasses) {
    List<String> problems = new ArrayList<>(unknownTestClasses(lines, testClasses));
    Set<String> controls = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String at = "line " + (i + 1) + ": ";
      if (line.length() > MAX_LINE) {
        problems.add(at + line.length() + " characters, more than " + MAX_LINE);
      }
      Matcher row = CONTROL_ROW.matcher(line);
      if (row.find()) {
        if (!controls.add(row.group(1))) {
          problems.add(at + row.group(1) + " is a second row of the same control");
        }
        if (named(line).isEmpty()) {
          problems.add(at + row.group(1) + " names no test class that proves it");
        }
      }
    }
    if (controls.isEmpty()) {
      problems.add("no control rows (| C1 | ...) found");
    }
    return problems;
  }

  @Test
  void everyControlNamesExistingTestClassesAndNoLineIsTooLong() throws IOException {
    Path model = ROOT.resolve("docs/THREAT_MODEL.md");
    List<String> lines = Files.readAllLines(model, StandardCharsets.UTF_8);
    Set<String> classes = testClasses(ROOT);
    assertTrue(classes.contains("ThreatModelTest"), "test classes not found under " + ROOT);
    List<String> problems = problems(lines, classes);
    assertEquals(
        "",
        problems.stream().map(p -> "docs/THREAT_MODEL.md " + p).collect(Collectors.joining("\n")),
        problems.size() + " problem(s)");
  }

  @Test
  void theTestingRecordNamesOnlyExistingTestClasses() throws IOException {
    List<String> lines =
        Files.readAllLines(ROOT.resolve("docs/TESTING.md"), StandardCharsets.UTF_8);
    List<String> problems = unknownTestClasses(lines, testClasses(ROOT));
    assertEquals(
        "",
        problems.stream().map(p -> "docs/TESTING.md " + p).collect(Collectors.joining("\n")),
        problems.size() + " problem(s)");
  }

  // the rules above, on what they must tell apart

  @Test
  void aMissingOrUnnamedTestClassAndALongLineAreEachFound() {
    Set<String> classes = Set.of("SitesFileTest", "MintJarIT");
    String longLine = "EXIT and SUBMIT are words, not classes; " + "x".repeat(MAX_LINE);
    List<String> problems =
        problems(
            List.of(
                "| id | control | enforced by |",
                "|---|---|---|",
                "| C1 | **Kept.** | `SitesFileTest.keeps`, `MintJarIT` |",
                "| C2 | **Renamed.** | `SitesProfilesGoneTest` |",
                "| C3 | **Unproven.** | reviewed by hand |",
                "| C4 | **Twice.** | `MintJarIT` |",
                "| C4 | **Twice.** | `MintJarIT` |",
                longLine,
                "| C5 | **Patterns are no classes.** | `*PropertyTest`, `@RepeatedTest` |"),
            classes);
    assertEquals(
        List.of(
            "line 4: names SitesProfilesGoneTest, which is no test class of any module",
            "line 5: C3 names no test class that proves it",
            "line 7: C4 is a second row of the same control",
            "line 8: " + longLine.length() + " characters, more than " + MAX_LINE,
            "line 9: C5 names no test class that proves it"),
        problems);
  }

  @Test
  void aDocumentWithoutControlsIsAProblem() {
    assertEquals(
        List.of("no control rows (| C1 | ...) found"),
        problems(List.of("# mint threat model", "no table"), Set.of()));
  }
}
