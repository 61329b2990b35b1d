package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test-names check (.ci/TestNames.java, run by the parent pom in validate in every module):
 * each test writes a small test source tree, runs the check on it the way the build does (the JDK's
 * source launcher, the parent pom's two include patterns) and expects it to pass or to name exactly
 * the classes that Surefire and Failsafe would not run.
 */
class TestNamesCheckTest {
  private static final Path ROOT = Path.of(System.getProperty("mint.root")).toAbsolutePath();
  private static final String FAILSAFE =
      "<build><plugins><plugin><artifactId>maven-failsafe-plugin</artifactId><executions>"
          + "<execution><goals><goal>integration-test</goal><goal>verify</goal></goals>"
          + "</execution></executions></plugin></plugins></build>";

  @TempDir Path dir;

  /** The module checked: its pom, and its tests in src/test/java; the parent pom is dir's. */
  private Path module() {
    return dir.resolve("module");
  }

  @Test
  void testClassesThatSurefireOrFailsafeRunPass() throws Exception {
    pom(module(), FAILSAFE);
    write(
        "p/MintTest.java",
        "package p; import org.junit.jupiter.api.*;"
            + " class MintTest { @Test void a() {} @Nested class Inner { @Test void b() {} } }");
    write(
        "p/MintPropertyTest.java",
        "package p; import net.jqwik.api.*;"
            + " class MintPropertyTest { @Property void a() {}"
            + " @Group class Inner { @Example void b() {} } }");
    write("p/JarIT.java", "package p; class JarIT { @org.junit.jupiter.api.Test void a() {} }");
    // an abstract base of tests is run through the named classes that extend it
    write(
        "p/LeakChecks.java",
        "package p; abstract class LeakChecks { @org.junit.jupiter.api.Test void a() {} }");
    write("p/LeakTest.java", "package p; class LeakTest extends LeakChecks {}");
    write(
        "p/Contract.java",
        "package p; interface Contract { @org.junit.jupiter.api.Test default void a() {} }");
    // helpers without tests, nested ones too, and a test in the unnamed package
    write(
        "p/TestHome.java", "package p; class TestHome { static class Session { void test() {} } }");
    write("TopTest.java", "class TopTest { @org.junit.jupiter.api.Test void a() {} }");

    Result result = check();
    assertEquals(0, result.exit, result.output);
  }

  @Test
  void everyMisnamedTestClassIsNamed() throws Exception {
    pom(module(), FAILSAFE);
    String[][] misnamed = {
      {"MintProperties", "net.jqwik.api.Property"},
      {"ParserChecks", "net.jqwik.api.Example"},
      {"MintTests", "org.junit.jupiter.api.Test"},
      {"MintTestCase", "org.junit.jupiter.params.ParameterizedTest"},
      {"TestMint", "org.junit.jupiter.api.TestFactory"},
      {"MintRepeated", "org.junit.jupiter.api.RepeatedTest"},
      {"MintTemplate", "org.junit.jupiter.api.TestTemplate"},
      {"MintItCase", "org.junit.Test"},
    };
    for (String[] c : misnamed) {
      write("p/" + c[0] + ".java", "package p; class " + c[0] + " { @" + c[1] + " void a() {} }");
    }
    write(
        "p/MintTest.java", "package p; class MintTest { @org.junit.jupiter.api.Test void a() {} }");

    Result result = check();
    assertEquals(1, result.exit, result.output);
    for (String[] c : misnamed) {
      assertTrue(
          result.output.contains("p/" + c[0] + ".java:1: class " + c[0] + " holds tests"),
          c[0] + " not named:\n" + result.output);
    }
    assertTrue(
        result.output.contains(misnamed.length + " test class(es) would not be run"),
        result.output);
    assertTrue(!result.output.contains("class MintTest "), result.output);
  }

  @Test
  void aClassThatInheritsTestsMustBeNamedLikeATest() throws Exception {
    write(
        "p/LeakChecks.java",
        "package p; abstract class LeakChecks { @org.junit.jupiter.api.Test void a() {} }");
    write("p/MoreChecks.java", "package p; abstract class MoreChecks extends LeakChecks {}");
    write("p/PhraseLeaks.java", "package p; class PhraseLeaks extends MoreChecks {}");

    Result result = check();
    assertEquals(1, result.exit, result.output);
    assertTrue(result.output.contains("class PhraseLeaks holds tests"), result.output);
    assertTrue(result.output.contains("1 test class(es)"), result.output);
  }

  @Test
  void nestedClassesOfTestsMustBeInnerClassesMarkedNestedOrGroup() throws Exception {
    write(
        "p/MintTest.java",
        "package p; import org.junit.jupiter.api.*;\n"
            + "class MintTest {\n"
            + "  @Test void a() {}\n"
            + "  static class Static { @Test void b() {} }\n"
            + "  class Unmarked { @Test void c() {} }\n"
            + "  @Nested static class StaticMarked { @Test void d() {} }\n"
            + "  @Nested class Marked { @Test void e() {} }\n"
            + "  static class Helper { void f() {} }\n"
            + "}\n"
            + "class Extra { @Test void g() {} }\n");

    Result result = check();
    assertEquals(1, result.exit, result.output);
    assertTrue(result.output.contains("MintTest.Static holds tests"), result.output);
    assertTrue(result.output.contains("MintTest.Unmarked holds tests"), result.output);
    assertTrue(result.output.contains("MintTest.StaticMarked holds tests"), result.output);
    // a second top-level class in a test's file is its own class file, matched by its own name
    assertTrue(result.output.contains(":10: class Extra holds tests"), result.output);
    assertTrue(result.output.contains("4 test class(es)"), result.output);
  }

  @Test
  void anIntegrationTestRunsOnlyWhereFailsafeRuns() throws Exception {
    write("p/JarIT.java", "package p; class JarIT { @org.junit.jupiter.api.Test void a() {} }");
    pom(module(), "");
    Result result = check();
    assertEquals(1, result.exit, result.output);
    assertTrue(result.output.contains("class JarIT holds tests"), result.output);

    // failsafe bound by the parent pom (the directory above the module) counts as well
    pom(dir, FAILSAFE);
    result = check();
    assertEquals(0, result.exit, result.output);
  }

  @Test
  void aModuleWithoutTestSourcesPasses() throws Exception {
    pom(module(), "");
    Result result = check();
    assertEquals(0, result.exit, result.output);
  }

  private static void pom(Path at, String build) throws IOException {
    Files.createDirectories(at);
    Files.writeString(
        at.resolve("pom.xml"),
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
            + "<groupId>fixture</groupId><artifactId>m</artifactId><version>1</version>"
            + build
            + "</project>",
        StandardCharsets.UTF_8);
  }

  private void write(String relative, String text) throws IOException {
    Path file = module().resolve("src/test/java").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private record Result(int exit, String output) {}

  private Result check() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(
            List.of(
                java.toString(),
                // as the parent pom runs it: a short-lived JVM starts fastest with these
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                ROOT.resolve(".ci/TestNames.java").toString(),
                module().toString(),
                "**/*Test.java",
                "**/*IT.java"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // a guard against a wedged child, not a performance assertion
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the check did not finish in 2 minutes");
    }
    return new Result(process.exitValue(), output);
  }
}
