package dev.mint.vectors;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mint.testing.NodeJs;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * jqwik properties comparing the port with the JavaScript implementation case by case, one node
 * process answering every try: end-to-end cases run real PBKDF2 on both sides (WebCrypto in node,
 * the default engine in the port), stage cases supply random derived bytes. Each try is one case
 * from {@link DifferentialCases}; a failure is reported with jqwik's seed. Without node the
 * properties are skipped with a message (they fail instead where node is required, see {@link
 * NodeJs#required}).
 */
@AddLifecycleHook(DifferentialPropertyTest.SkipWithoutNode.class)
class DifferentialPropertyTest {
  private static final String SKIPPED =
      "SKIPPED: node is not on the PATH; the differential properties did not run";
  private static NodeJs.Session node;
  private static final AtomicInteger endToEnd = new AtomicInteger();
  private static final AtomicInteger stage = new AtomicInteger();
  private static final AtomicLong ids = new AtomicLong();

  /** Skips the properties when node is missing and not required. */
  static final class SkipWithoutNode implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      if (NodeJs.executable().isEmpty() && !NodeJs.required()) {
        System.out.println(SKIPPED + " (" + context.label() + ")");
        return SkipResult.skip(SKIPPED);
      }
      return SkipResult.doNotSkip();
    }
  }

  @BeforeContainer
  static void startNode() {
    node = NodeJs.start("mint-cli.mjs");
  }

  @AfterContainer
  static void stopNode() {
    if (node != null) {
      node.close();
      System.out.printf(
          "differential (jqwik): %d end-to-end cases (real PBKDF2) and %d stage cases compared "
              + "with node%n",
          endToEnd.get(), stage.get());
    }
  }

  @Property(tries = 20)
  void endToEndCasesAgree(@ForAll("endToEndCases") String caseJson) throws Exception {
    compare(caseJson);
    endToEnd.incrementAndGet();
  }

  @Property(tries = 2000)
  void stageCasesAgree(@ForAll("stageCases") String caseJson) throws Exception {
    compare(caseJson);
    stage.incrementAndGet();
  }

  private static void compare(String caseJson) throws Exception {
    long id = Long.parseLong(caseJson.substring("{\"id\":".length(), caseJson.indexOf(',')));
    String row = node.ask(caseJson);
    assertNull(DifferentialTest.compare(row, id));
  }

  @Provide
  Arbitrary<String> endToEndCases() {
    return Arbitraries.randomValue(
        r -> new DifferentialCases(r).next(ids.getAndIncrement(), "e2e"));
  }

  @Provide
  Arbitrary<String> stageCases() {
    return Arbitraries.randomValue(
        r -> new DifferentialCases(r).next(ids.getAndIncrement(), "stage"));
  }
}
