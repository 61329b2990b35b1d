package dev.mint.vectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.testing.NodeJs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript implementation the port is compared with reproduces the page's own rows: every
 * stage row of {@code test-vectors/upstream/} and every tenth e2e row (real PBKDF2), all fields,
 * refusals included. (All 360 e2e rows: {@code node test-vectors/js/check-upstream.mjs}.) A
 * differential test is only as good as its reference; this keeps the reference honest.
 */
class JsImplementationUpstreamTest {
  @Test
  void javaScriptImplementationReproducesTheUpstreamRows() {
    List<String> out =
        NodeJs.run(
            "check-upstream.mjs",
            List.of(),
            "--e2e-every=10",
            VectorConformanceTest.upstreamDir().resolve("r1-stage.jsonl").toString(),
            VectorConformanceTest.upstreamDir().resolve("r2-stage.jsonl").toString(),
            VectorConformanceTest.upstreamDir().resolve("r3-stage.jsonl").toString(),
            VectorConformanceTest.upstreamDir().resolve("r1-e2e.jsonl").toString(),
            VectorConformanceTest.upstreamDir().resolve("r2-e2e.jsonl").toString(),
            VectorConformanceTest.upstreamDir().resolve("r3-e2e.jsonl").toString());
    out.forEach(System.out::println);
    String summary = out.get(out.size() - 1);
    assertTrue(summary.contains(" 0 mismatches"), summary);
  }
}
