package dev.mint.vectors;

import dev.mint.testing.JUnitConfiguration;
import org.junit.jupiter.api.Test;

/** This module's tests run with its own JUnit configuration, no test-jar's. */
class JUnitConfigurationTest {
  @Test
  void theOnlyJUnitConfigurationIsTheModulesOwn() throws Exception {
    JUnitConfiguration.assertOnlyTheModulesOwn();
  }
}
