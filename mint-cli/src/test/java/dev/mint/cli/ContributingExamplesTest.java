package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * CONTRIBUTING.md's diffs ("Adding a setting", "Adding a revision") apply to today's sources: every
 * line they keep or remove, and the line each hunk names, are in the file they name as shown, so
 * the examples cannot drift from the code they change. A diff may name several files, each after
 * its {@code --- a/} and {@code +++ b/} lines.
 */
final class ContributingExamplesTest {
  private static final Path ROOT = RepositoryRoot.get();

  @Test
  void theAddingASettingDiffAppliesToItsThreeFiles() throws IOException {
    List<String> files = check("## Adding a setting");
    assertEquals(
        List.of(
            "mint-core/src/main/java/dev/mint/MintRequest.java",
            "mint-core/src/main/java/dev/mint/Setting.java",
            "mint-cli/src/main/java/dev/mint/cli/sites/SettingRow.java"),
        files,
        "a new setting touches these files outside the tests");
  }

  @Test
  void theAddingARevisionDiffAppliesToRevisionAndItsRules() throws IOException {
    assertEquals(
        List.of(
            "mint-core/src/main/java/dev/mint/Revision.java",
            "mint-core/src/main/java/dev/mint/internal/SiteRule.java",
            "mint-core/src/main/java/dev/mint/internal/VersionRule.java"),
        check("## Adding a revision"));
  }

  /** Checks the diff blocks under {@code heading}; returns the files they name, in order. */
  private static List<String> check(String heading) throws IOException {
    List<String> lines =
        Files.readAllLines(ROOT.resolve("CONTRIBUTING.md"), StandardCharsets.UTF_8);
    int at = lines.indexOf(heading);
    assertTrue(at >= 0, "CONTRIBUTING.md has no heading " + heading);
    List<String> files = new ArrayList<>();
    List<Executable> checks = new ArrayList<>();
    int added = 0;
    for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      if (!lines.get(i).strip().equals("```diff")) {
        continue;
      }
      int indent = lines.get(i).indexOf('`');
      String source = null;
      String target = null;
      for (i++; !lines.get(i).strip().equals("```"); i++) {
        String line = lines.get(i).length() < indent ? "" : lines.get(i).substring(indent);
        if (line.startsWith("--- a/")) {
          target = line.substring("--- a/".length());
          assertEquals("+++ b/" + target, lines.get(i + 1).substring(indent), "one file a diff");
          i++;
          files.add(target);
          source = Files.readString(ROOT.resolve(target), StandardCharsets.UTF_8);
          continue;
        }
        assertTrue(source != null, heading + ": a diff line before its file: " + line);
        String text = source;
        String file = target;
        if (line.startsWith("@@")) {
          String context = line.replaceFirst("^@@ ?", "").replaceFirst(" ?@@$", "").strip();
          checks.add(() -> assertTrue(text.contains(context), file + " has no line " + context));
        } else if (line.startsWith("+")) {
          added++;
        } else {
          String kept = line.isEmpty() ? "" : line.substring(1);
          checks.add(() -> assertTrue(text.contains(kept + "\n"), file + " has no line\n" + kept));
        }
      }
    }
    assertTrue(checks.size() >= 3 && added >= 3, heading + ": the diff shows too little");
    assertAll(checks);
    return files;
  }
}
