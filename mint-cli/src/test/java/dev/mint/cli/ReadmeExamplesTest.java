package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.PhraseCheck;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.output.ClipboardClearer;
import dev.mint.cli.output.XServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transcripts of {@code ./mint} in README.md and in the guides, docs/guide/*.md, are run
 * through the in-process CLI with the one master phrase the README states, and what they print must
 * be what the page shows. A transcript is a fenced block of {@code $ ./mint ...} lines (or {@code $
 * printf 'TEXT\n' | ./mint ...}, TEXT the phrase), each followed by what it prints, in one sites
 * file per block. {@code Master phrase:} is the console prompt, not output: such a command gets the
 * phrase on standard input instead, and the {@code phrase check:} line a console prompt adds must
 * be the stated phrase's check. A line {@code [exit N]} is the exit status. A {@code --clip}
 * command runs against a real X server ({@link XServer}), and the clipboard must then hold the
 * password the same command prints without {@code --clip}. Also the {@code mint session}
 * transcripts (their {@code site>} lines) and the {@code mint batch} one (the sites of its {@code
 * cat passwords.tsv}). Blocks whose output holds {@code ...} (left out on purpose), or of {@code
 * verify} and {@code bench} (their figures vary), are not run.
 */
final class ReadmeExamplesTest {
  private static final Path ROOT = RepositoryRoot.get();
  private static final Path README = ROOT.resolve("README.md");
  private static final Path GUIDES = ROOT.resolve("docs/guide");

  /** Guides whose examples other tests run: Java snippets (ReadmeSnippetTest), install commands. */
  private static final List<String> NOT_TRANSCRIPTS = List.of("java.md", "install.md", "README.md");

  /** The sites file path the transcripts show. */
  private static final String SHOWN_SITES = "/home/me/.config/mint/sites.json";

  @TempDir Path dir;

  /** The phrase the README says its examples use. */
  static String statedPhrase(String readme) {
    Matcher m =
        Pattern.compile("examples in this README use the master phrase `([^`]+)`").matcher(readme);
    assertTrue(m.find(), "the README states no master phrase for its examples");
    return m.group(1);
  }

  /** README.md, then the guides in name order. */
  static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>(List.of(README));
    try (Stream<Path> guides = Files.list(GUIDES)) {
      guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  private static List<List<String>> blocks(String text) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : text.split("\n", -1)) {
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
  private static final Pattern EXIT = Pattern.compile("\\[exit (\\d+)\\]");
  private static final String CHECK_LINE = "phrase check: ";

  @TestFactory
  Stream<DynamicNode> everyMintTranscriptPrintsWhatItsDocumentShows() throws IOException {
    String phrase = statedPhrase(Files.readString(README, StandardCharsets.UTF_8));
    List<DynamicNode> documents = new ArrayList<>();
    int total = 0;
    for (Path document : documents()) {
      List<DynamicTest> tests = transcripts(document, phrase);
      String name = ROOT.relativize(document).toString();
      if (!NOT_TRANSCRIPTS.contains(document.getFileName().toString())) {
        assertTrue(!tests.isEmpty(), name + " has no transcript that runs");
      }
      total += tests.size();
      documents.add(DynamicContainer.dynamicContainer(name, tests.stream()));
    }
    assertTrue(total >= 12, "too few transcripts found: " + total);
    return documents.stream();
  }

  private List<DynamicTest> transcripts(Path document, String phrase) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> block : blocks(Files.readString(document, StandardCharsets.UTF_8))) {
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
    return tests;
  }

  /**
   * Drops the {@code phrase check:} lines a console prompt adds, each checked against the phrase's
   * own check (or the recorded one's wording).
   */
  private static List<String> withoutPromptCheck(List<String> shown, String phrase) {
    String check = PhraseCheck.of(phrase.toCharArray()).toString();
    List<String> rest = new ArrayList<>();
    for (String line : shown) {
      if (line.startsWith(CHECK_LINE)) {
        String value = line.substring(CHECK_LINE.length());
        assertTrue(
            value.equals(check) || value.equals(check + " (the recorded one)"),
            "a shown phrase check that is not the stated phrase's (" + check + "): " + line);
      } else {
        rest.add(line);
      }
    }
    return rest;
  }

  /** Each {@code $} line run in turn on one sites file; its output is the lines up to the next. */
  private void transcript(List<String> block, String phrase) throws Exception {
    // the dynamic tests share the factory's @TempDir: each block gets a sites file of its own
    Path own = Files.createTempDirectory(dir, "transcript");
    Path sites = own.resolve("config/mint/sites.json");
    Path runtime = own.resolve("runtime");
    XServer x = null;
    try {
      for (int i = 0; i < block.size(); i++) {
        String command = block.get(i).substring(2).replaceAll("\\s+#.*$", "");
        List<String> expected = new ArrayList<>();
        Integer exit = null;
        boolean prompted = false;
        while (i + 1 < block.size() && !block.get(i + 1).startsWith("$ ")) {
          String line = block.get(++i);
          Matcher status = EXIT.matcher(line);
          if (line.equals("Master phrase:")) {
            prompted = true;
          } else if (status.matches()) {
            exit = Integer.valueOf(status.group(1));
          } else if (!line.isEmpty()) {
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
          if (prompted) {
            // after "site bump": an option before a subcommand's name would be derive's
            args.add(args.get(0).equals("site") ? Math.min(2, args.size()) : 0, "--phrase-stdin");
            expected = withoutPromptCheck(expected, phrase);
          }
        }
        Map<String, String> env = new HashMap<>(Map.of("MINT_SITES", sites.toString()));
        boolean clip = args.contains("--clip");
        if (clip && x == null) {
          x = XServer.start();
        }
        if (clip) {
          env.putAll(x.env(Files.createDirectories(runtime)));
        }
        CliRun run = run(stdin, env, args);
        List<String> err = new ArrayList<>();
        run.err().lines().map(l -> l.replace(sites.toString(), SHOWN_SITES)).forEach(err::add);
        List<String> out = run.out().lines().toList();
        List<String> errThenOut = new ArrayList<>(err);
        errThenOut.addAll(out);
        List<String> outThenErr = new ArrayList<>(out);
        outThenErr.addAll(err);
        if (!expected.equals(outThenErr)) {
          assertEquals(String.join("\n", expected), String.join("\n", errThenOut), "$ " + command);
        }
        if (exit != null) {
          assertEquals(exit.intValue(), run.exitCode(), "$ " + command + "\n" + run.err());
        }
        if (clip) {
          List<String> printing = new ArrayList<>(args);
          printing.remove("--clip");
          CliRun printed = run(stdin, env, printing);
          assertEquals(printed.out(), x.read() + "\n", "the clipboard holds the password");
          endClipboardHelper(runtime);
        }
      }
    } finally {
      if (x != null) {
        endClipboardHelper(runtime);
        x.close();
      }
    }
  }

  private static CliRun run(String stdin, Map<String, String> env, List<String> args) {
    return CliRun.run(stdin.getBytes(StandardCharsets.UTF_8), env, args.toArray(new String[0]));
  }

  /** The helper would wait its 45 s and then outlive the X server it clears. */
  private static void endClipboardHelper(Path runtime) throws IOException {
    ClipboardClearer.runningHelperPid(runtime.resolve("mint"))
        .flatMap(ProcessHandle::of)
        .ifPresent(ProcessHandle::destroy);
  }

  /** The session transcript: one {@code site>} line after another; their passwords in order. */
  private static void session(List<String> block, String phrase) {
    StringBuilder stdin = new StringBuilder(phrase).append('\n');
    List<String> passwords = new ArrayList<>();
    for (String line : withoutPromptCheck(block, phrase)) {
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
    Path sites =
        Files.writeString(Files.createTempDirectory(dir, "batch").resolve("sites.txt"), file);
    CliRun run = CliRun.withStdin(phrase + "\n", "batch", sites.toString(), "--phrase-stdin");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(String.join("\n", rows), run.out().strip(), "mint batch");
  }

  private static List<String> words(String command) {
    return new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
  }

  /**
   * The exit-status table of the scripts guide lists every code of {@link ExitCodes}, in order, and
   * no other: a code added to mint cannot go undocumented.
   */
  @Test
  void theExitStatusTableListsEveryExitCode() throws IOException, IllegalAccessException {
    List<String> lines = Files.readAllLines(GUIDES.resolve("scripts.md"), StandardCharsets.UTF_8);
    int heading = lines.indexOf("## Exit status");
    assertTrue(heading >= 0, "docs/guide/scripts.md has no heading 'Exit status'");
    List<Integer> documented = new ArrayList<>();
    Pattern row = Pattern.compile("\\| (\\d+) \\| .+ \\|");
    for (String line : lines.subList(heading + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher m = row.matcher(line);
      if (m.matches()) {
        documented.add(Integer.valueOf(m.group(1)));
      }
    }
    List<Integer> codes = new ArrayList<>();
    for (Field field : ExitCodes.class.getFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && field.getType() == int.class) {
        codes.add(field.getInt(null));
      }
    }
    codes.sort(null);
    assertTrue(codes.size() >= 8, "ExitCodes has too few codes: " + codes);
    assertEquals(codes, documented, "docs/guide/scripts.md's exit-status table");
  }

  /** A guide no one can reach from the README is a guide no one reads. */
  @Test
  void theReadmeLinksEveryGuide() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    for (Path document : documents()) {
      String name = document.getFileName().toString();
      if (!document.equals(README) && !name.equals("README.md")) {
        assertTrue(
            readme.contains("](docs/guide/" + name + ")"), "README.md does not link " + name);
      }
    }
  }
}
