package dev.mint.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every row of every vector file is one test, named by file and id: the page's own outputs in
 * {@code test-vectors/upstream/}, and, when {@code -Dmint.vectors.dir=DIR} is given, every {@code
 * *.jsonl} in DIR too.
 */
class VectorConformanceTest {
  private static final Pbkdf2Engine ENGINE = Pbkdf2Engine.defaultEngine();

  @TestFactory
  Stream<DynamicNode> upstreamStageRows() throws Exception {
    return rows(upstreamDir(), false);
  }

  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicNode> upstreamEndToEndRows() throws Exception {
    return rows(upstreamDir(), true);
  }

  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicNode> rowsFromVectorsDir() throws Exception {
    String dir = System.getProperty("mint.vectors.dir", "");
    if (dir.isBlank()) {
      return Stream.empty();
    }
    // a relative directory is taken from the project root, where mvn runs
    Path path = Path.of(System.getProperty("mint.root", "")).resolve(dir);
    assertTrue(Files.isDirectory(path), "-Dmint.vectors.dir is not a directory: " + dir);
    List<DynamicNode> all = new ArrayList<>();
    for (Path file : VectorFiles.jsonlFilesIn(path)) {
      all.add(DynamicTest.dynamicTest(file.getFileName() + " reads", () -> VectorFiles.read(file)));
    }
    return Stream.concat(all.stream(), Stream.concat(rows(path, false), rows(path, true)));
  }

  /**
   * The rows check the stages one by one; {@link Mint#derive} chains them. For the first accepted
   * e2e row at each level in every upstream file, the chained call gives the page's password too.
   */
  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicNode> mintDeriveChainsTheStages() throws Exception {
    List<DynamicNode> tests = new ArrayList<>();
    for (Path file : VectorFiles.jsonlFilesIn(upstreamDir())) {
      java.util.Set<String> levels = new java.util.HashSet<>();
      for (VectorRow row : VectorFiles.read(file)) {
        if (row.isEndToEnd()
            && row.error() == null
            && !VectorCheck.outsidePortDomain(row.input())
            && levels.add(row.input().level())) {
          tests.add(
              DynamicTest.dynamicTest(
                  "Mint.derive " + row.name(),
                  () -> {
                    MintRequest request = VectorCheck.request(row);
                    try (Password password =
                        Mint.derive(request, row.input().phrase().toCharArray())) {
                      assertEquals(row.password(), new String(password.toCharArray()));
                    }
                  }));
        }
      }
    }
    assertEquals(6, tests.size(), "one row per level in each e2e file");
    return tests.stream();
  }

  static Path upstreamDir() {
    String dir = System.getProperty("mint.vectors.upstream");
    if (dir == null || dir.isBlank()) {
      dir = "../test-vectors/upstream";
    }
    return Path.of(dir);
  }

  private static Stream<DynamicNode> rows(Path dir, boolean endToEnd) throws Exception {
    List<Path> files = VectorFiles.jsonlFilesIn(dir);
    assertFalse(files.isEmpty(), "no *.jsonl in " + dir.toAbsolutePath());
    List<DynamicNode> tests = new ArrayList<>();
    for (Path file : files) {
      for (VectorRow row : VectorFiles.read(file)) {
        if (row.isEndToEnd() == endToEnd) {
          tests.add(DynamicTest.dynamicTest(row.name(), () -> assertPasses(row)));
        }
      }
    }
    return tests.stream();
  }

  private static void assertPasses(VectorRow row) {
    VectorCheck.Outcome outcome = VectorCheck.check(row, ENGINE);
    assertTrue(outcome.passed(), outcome::describe);
  }
}
