package dev.mint.cli;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Failsafe's test JVM gets the same empty home as Surefire's ({@link HermeticTest}): the parent pom
 * gives both plugins one set of values (mint.test.home), and this checks that the second plugin
 * still takes them.
 */
class HermeticIT {
  @Test
  void theIntegrationTestJvmHasAHomeOfItsOwnAndNoMintSites() throws IOException {
    new HermeticTest().theTestJvmHasAHomeOfItsOwnAndNoMintSites();
  }
}
