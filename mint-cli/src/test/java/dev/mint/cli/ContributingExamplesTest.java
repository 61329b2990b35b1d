package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
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
 * CONTRIBUTING.md's "Adding a setting" diff applies to today's {@code SettingRow.java}: every line
 * it keeps or removes, and the line its hunk names, are in the file as shown, so the example cannot
 * drift from the table it changes.
 */
final class ContributingExamplesTest {
  private static final Path ROOT = RepositoryRoot.get();

  @Test
  void theAddingASettingDiffAppliesToSettingJava() throws IOException {
    List<String> lines =
        Files.readAllLines(ROOT.resolve("CONTRIBUTING.md"), StandardCharsets.UTF_8);
    int heading = lines.indexOf("## Adding a setting");
    assertTrue(heading >= 0, "CONTRIBUTING.md has no heading 'Adding a setting'");
    int begin = heading;
    while (begin < lines.size() && !lines.get(begin).equals("```diff")) {
      begin++;
    }
    assertTrue(begin < lines.size(), "no diff block under 'Adding a setting'");
    int end = begin + 1;
    while (!lines.get(end).equals("```")) {
      end++;
    }
    List<String> diff = lines.subList(begin + 1, end);
    String target = diff.get(0).replaceFirst("^--- a/", "");
    assertTrue(diff.get(1).equals("+++ b/" + target), "the diff names one file: " + diff.get(1));
    String source = Files.readString(ROOT.resolve(target), StandardCharsets.UTF_8);
    List<Executable> checks = new ArrayList<>();
    int added = 0;
    for (String line : diff.subList(2, diff.size())) {
      if (line.startsWith("@@")) {
        String context = line.replaceFirst("^@@ ?", "").replaceFirst(" ?@@$", "").strip();
        checks.add(() -> assertTrue(source.contains(context), target + " has no line " + context));
      } else if (line.startsWith("+")) {
        added++;
      } else {
        String kept = line.isEmpty() ? "" : line.substring(1);
        checks.add(
            () -> assertTrue(source.contains(kept + "\n"), target + " has no line\n" + kept));
      }
    }
    assertTrue(checks.size() >= 3 && added >= 5, "the diff shows too little: " + diff);
    assertAll(checks);
  }
}
