package dev.mint.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Each module's tests run with the module's own {@code junit-platform.properties}
 * (src/test/resources). JUnit reads the first such file on the class path and only warns about the
 * others, so a shared jar of test helpers that carried one (as this module's must not) would
 * silently configure the test runs of every module using it.
 */
public final class JUnitConfiguration {
  private static final String FILE = "junit-platform.properties";

  private JUnitConfiguration() {}

  /** Fails unless the one {@code junit-platform.properties} on the class path is the module's. */
  public static void assertOnlyTheModulesOwn() throws Exception {
    // a set: in mint-core, whose tests are patched into its module, the class loader finds the
    // module's own file twice
    Set<String> found = new LinkedHashSet<>();
    for (URL url : Collections.list(JUnitConfiguration.class.getClassLoader().getResources(FILE))) {
      found.add(where(url));
    }
    // Surefire runs in the module's directory: its test resources are in target/test-classes
    Path own = Path.of("target", "test-classes", FILE).toAbsolutePath();
    assertEquals(Set.of(own.toString()), found, "the " + FILE + " files on the class path");
  }

  private static String where(URL url) throws URISyntaxException {
    return url.getProtocol().equals("file") ? Path.of(url.toURI()).toString() : url.toString();
  }
}
