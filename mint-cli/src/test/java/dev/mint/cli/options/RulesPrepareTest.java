package dev.mint.cli.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.SiteRulesCliTest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * derive prepares a site's rules data before it reads the phrase ({@link RulesMixin#prepare}): on a
 * daemon thread, only for a site the data names, never with {@code --no-rules}.
 */
class RulesPrepareTest {
  @Command(name = "holder")
  static final class Holder {
    @Mixin RulesMixin rules;
  }

  private static RulesMixin parsed(String... args) {
    Holder holder = new Holder();
    new CommandLine(holder).parseArgs(args);
    return holder.rules;
  }

  @Test
  void aSiteTheDataNamesHasItsDataParsedOnADaemonThread() throws InterruptedException {
    Thread thread = parsed().prepare(SiteRulesCliTest.BOFA);
    assertNotNull(thread);
    assertTrue(thread.isDaemon());
    assertEquals("mint-rules-data", thread.getName());
    thread.join();
    assertFalse(thread.isAlive());
  }

  @Test
  void nothingForASiteTheDataDoesNotNameOrWithNoRules() {
    assertNull(parsed().prepare("github.com"));
    assertNull(parsed().prepare("mail.example.co.uk"));
    assertNull(parsed("--no-rules").prepare(SiteRulesCliTest.BOFA));
  }
}
