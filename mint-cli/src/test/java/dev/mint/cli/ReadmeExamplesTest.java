package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's transcripts of {@code ./mint} are run through the in-process CLI with the one master
 * phrase the README states, and what they print must be what the README shows. A transcript is a
 * fenced block of {@code $ ./mint ...} lines (or {@code $ printf 'TEXT\n' | ./mint ...}), each
 * followed by what it prints; {@code Master phrase:} is the prompt, not output. Also the {@code
 * mint session} transcript (its {@code site>} lines) and the {@code mint batch} one (the sites of
 * its {@code cat passwords.tsv}). Blocks whose output holds {@code ...} (left out on purpose), or
 * of {@code verify} and {@code bench} (their figures vary), are not run.
 */
final class ReadmeExamplesTest {
  private static final Path README = readme();

  /** The sites file path the README's transcripts show. */
  private static final String SHOWN_SITES = "/home/me/.config/mint/sites.json";

  @TempDir Path dir;

  private static Path readme() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("mint-cli"))) {
        return p.resolve("README.md");
      }
    }
    throw new IllegalStateException("no README.md above " + here);
  }

  /** The phrase the README says its examples use. */
  static String statedPhrase(String readme) {
    Matcher m =
        Pattern.compile("examples in this README use the master phrase `([^`]+)`").matcher(readme);
    assertTrue(m.find(), "the README states no master phrase for its examples");
    return m.group(1);
  }

  private static List<List<String>> blocks(String readme) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : readme.split("\n", -1)) {
      if (line.startsWith("```")) {
        if (current == null && line.equals("```")) {
          current = new ArrayList<>();
        } else if (current != null) {
          blocks.add(current);
          current = null;
        } else {
          current = new ArrayList<>(List.of("#lang"));
        }
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  private static final Pattern PRINTF = Pattern.compile("printf '([^']*)\\\\n' \\| \\./mint (.*)");

  @TestFactory
  Stream<DynamicTest> everyMintTranscriptPrintsWhatTheReadmeShows() throws IOException {
    String text = Files.readString(README, StandardCharsets.UTF_8);
    String phrase = statedPhrase(text);
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> block : blocks(text)) {
      if (block.isEmpty() || !block.get(0).startsWith("$ ")) {
        continue;
      }
      String first = block.get(0).substring(2);
      boolean runnable = first.startsWith("./mint ") || PRINTF.matcher(first).matches();
      boolean varies = first.contains(" verify ") || first.contains(" bench");
      boolean elided = block.stream().anyMatch(l -> l.contains("..."));
      if (!runnable || varies) {
        continue;
      }
      if (first.equals("./mint session")) {
        tests.add(DynamicTest.dynamicTest(first, () -> session(block, phrase)));
      } else if (first.startsWith("./mint batch ")) {
        tests.add(DynamicTest.dynamicTest(first, () -> batch(block, phrase)));
      } else if (!elided) {
        tests.add(DynamicTest.dynamicTest(first, () -> transcript(block, phrase)));
      }
    }
    assertTrue(tests.size() >= 5, "too few README transcripts found: " + tests.size());
    return tests.stream();
  }

  /** Each {@code $} line run in turn on one sites file; its output is the lines up to the next. */
  private void transcript(List<String> block, String phrase) {
    Path sites = dir.resolve("config/mint/sites.json");
    Map<String, String> env = Map.of("MINT_SITES", sites.toString());
    for (int i = 0; i < block.size(); i++) {
      String command = block.get(i).substring(2).replaceAll("\\s+#.*$", "");
      List<String> expected = new ArrayList<>();
      while (i + 1 < block.size() && !block.get(i + 1).startsWith("$ ")) {
        String line = block.get(++i);
        if (!line.equals("Master phrase:") && !line.isEmpty()) {
          expected.add(line);
        }
      }
      String stdin = phrase + "\n";
      Matcher printf = PRINTF.matcher(command);
      List<String> args;
      if (printf.matches()) {
        stdin = printf.group(1) + "\n";
        args = words(printf.group(2));
      } else {
        args = words(command.substring("./mint ".length()));
        boolean needsPhrase =
            !List.of("site", "normalize").contains(args.get(0)) && !args.contains("--phrase-stdin");
        if (needsPhrase) {
          args.add(0, "--phrase-stdin");
        }
      }
      CliRun run =
          CliRun.run(stdin.getBytes(StandardCharsets.UTF_8), env, args.toArray(new String[0]));
      List<String> actual = new ArrayList<>();
      run.err().lines().map(l -> l.replace(sites.toString(), SHOWN_SITES)).forEach(actual::add);
      run.out().lines().forEach(actual::add);
      assertEquals(String.join("\n", expected), String.join("\n", actual), "$ " + command);
    }
  }

  /** The session transcript: one {@code site>} line after another; their passwords in order. */
  private static void session(List<String> block, String phrase) {
    StringBuilder stdin = new StringBuilder(phrase).append('\n');
    List<String> passwords = new ArrayList<>();
    for (String line : block) {
      if (line.startsWith("site> ")) {
        stdin.append(line.substring("site> ".length())).append('\n');
      } else if (!line.startsWith("$ ")
          && !line.equals("Master phrase:")
          && !line.startsWith("normalized site: ")) {
        passwords.add(line);
      }
    }
    CliRun run = CliRun.withStdin(stdin.toString(), "session", "--phrase-stdin");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(String.join("\n", passwords), run.out().strip(), "mint session");
  }

  /** The batch transcript: the sites of {@code passwords.tsv}'s first column, run as a FILE. */
  private void batch(List<String> block, String phrase) throws IOException {
    int cat = block.indexOf("$ cat passwords.tsv");
    assertTrue(cat > 0, "the batch transcript shows no passwords.tsv");
    List<String> rows = block.subList(cat + 1, block.size());
    StringBuilder file = new StringBuilder();
    for (String row : rows) {
      String site = row.split("\t", 2)[0];
      file.append(site.contains(" ") ? "'" + site + "'" : site).append('\n');
    }
    Path sites = Files.writeString(dir.resolve("sites.txt"), file.toString());
    CliRun run = CliRun.withStdin(phrase + "\n", "batch", sites.toString(), "--phrase-stdin");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(String.join("\n", rows), run.out().strip(), "mint batch");
  }

  private static List<String> words(String command) {
    return new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
  }
}
