package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide docs/guide/rotation.md ("My master phrase leaked") shows the walk of {@code mint rekey}
 * as a person's terminal shows it afterwards; this runs each of its {@code console} transcripts on
 * a real pseudo-terminal ({@link PtyTerminal}) and checks that the terminal, the transcript played
 * on a model of it ({@link ScreenModel}, scrollback included), shows exactly the lines printed in
 * the guide: so also that no password shown by the walk is left there.
 *
 * <p>A transcript is a {@code ```console} block of {@code $ ./mint ...} lines, each followed by
 * what the terminal shows, in one sites file per block (shown as {@code
 * /home/me/.config/mint/sites.json}). At {@code Master phrase: } the test types the guide's current
 * phrase, or its new one when the command's comment says "new phrase"; at {@code New master phrase:
 * } (and again) the new one. At the walk's question it answers for the site of the last {@code
 * [i/n] SITE} line what the transcript says became of it: {@code SITE: moved} is d, {@code SITE:
 * skipped} is s, {@code SITE: not moved; stopped} is q. A line {@code [exit N]} is the exit status
 * (else 0). The other blocks of the guide are ReadmeExamplesTest's.
 */
class RotationGuideIT {
  private static final Path GUIDE = RepositoryRoot.get().resolve("docs/guide/rotation.md");
  private static final String SHOWN_SITES = "/home/me/.config/mint/sites.json";
  private static final String SHOWN_DATE = "2026-12-07";
  private static final int ROWS = 200;
  private static final int COLUMNS = 250;
  private static final String PROMPT = "Master phrase: ";
  private static final String NEW_PROMPT = "New master phrase: ";
  private static final String AGAIN_PROMPT = "New master phrase again: ";
  private static final String QUESTION =
      "changed on the site? d = done, s = skip for now, q = stop: ";
  private static final Pattern EXIT = Pattern.compile("\\[exit (\\d+)\\]");
  private static final Pattern SITE =
      Pattern.compile("\\[\\d+/\\d+\\] (.+) \\(\\d+ of \\d+ moved\\)");

  @TempDir Path dir;

  /** The phrases the guide says its examples use: the current one, then the new one. */
  static List<String> statedPhrases(String guide) {
    Matcher m =
        Pattern.compile(
                "master phrase `([^`]+)`, as the\\s+\\[README\\]\\(\\.\\./\\.\\./README\\.md\\)'s"
                    + " do, and `([^`]+)` as the new one")
            .matcher(guide);
    assertTrue(m.find(), "the guide states no phrases for its examples");
    return List.of(m.group(1), m.group(2));
  }

  /** The {@code ```console} blocks of {@code text}, each as its lines. */
  static List<List<String>> consoleBlocks(String text) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : text.split("\n", -1)) {
      if (current == null && line.equals("```console")) {
        current = new ArrayList<>();
      } else if (current != null && line.equals("```")) {
        blocks.add(current);
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  @TestFactory
  Stream<DynamicTest> everyConsoleTranscriptOfTheGuideIsWhatTheTerminalShows() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    List<String> phrases = statedPhrases(guide);
    List<List<String>> blocks = consoleBlocks(guide);
    assertTrue(
        blocks.stream().anyMatch(b -> b.stream().anyMatch(l -> l.equals("$ ./mint rekey"))),
        "the guide has no transcript of the walk");
    List<DynamicTest> tests = new ArrayList<>();
    for (List<String> block : blocks) {
      assertTrue(block.get(0).startsWith("$ ./mint "), "not a transcript: " + block.get(0));
      tests.add(
          DynamicTest.dynamicTest(
              block.get(0), () -> transcript(block, phrases.get(0), phrases.get(1))));
    }
    return tests.stream();
  }

  private void transcript(List<String> block, String current, String next) throws Exception {
    Path own = Files.createTempDirectory(dir, "transcript");
    Path sites = own.resolve("config/mint/sites.json");
    Map<String, String> env = new HashMap<>(Map.of("MINT_SITES", sites.toString()));
    for (int i = 0; i < block.size(); i++) {
      String command = block.get(i).substring(2);
      boolean newPhrase = command.matches(".*\\s#.*new phrase.*");
      command = command.replaceAll("\\s+#.*$", "");
      List<String> expected = new ArrayList<>();
      int exit = 0;
      while (i + 1 < block.size() && !block.get(i + 1).startsWith("$ ")) {
        String line = block.get(++i);
        Matcher status = EXIT.matcher(line);
        if (status.matches()) {
          exit = Integer.parseInt(status.group(1));
        } else {
          expected.add(line);
        }
      }
      while (!expected.isEmpty() && expected.get(expected.size() - 1).isEmpty()) {
        expected.remove(expected.size() - 1);
      }
      List<String> args = List.of(command.substring("./mint ".length()).split(" +"));
      List<String> shown = run(args, env, newPhrase ? next : current, next, expected, exit);
      assertEquals(String.join("\n", expected), String.join("\n", shown), command);
    }
  }

  /** Runs {@code mint ARGS} on a pty, answering its prompts; what the terminal shows after. */
  private static List<String> run(
      List<String> args,
      Map<String, String> env,
      String phrase,
      String next,
      List<String> expected,
      int exit)
      throws Exception {
    String sites = env.get("MINT_SITES");
    String command =
        "stty rows "
            + ROWS
            + " cols "
            + COLUMNS
            + "; "
            + PtyTerminal.jarCommand(args.toArray(String[]::new));
    try (PtyTerminal t = new PtyTerminal(command, env)) {
      List<String> prompts = List.of(PROMPT, NEW_PROMPT, AGAIN_PROMPT, QUESTION);
      for (String prompt = t.next(prompts); prompt != null; prompt = t.next(prompts)) {
        switch (prompt) {
          case PROMPT -> t.type(phrase + "\r");
          case NEW_PROMPT, AGAIN_PROMPT -> t.type(next + "\r");
          default -> t.type(answer(t.text(), expected) + "\r");
        }
      }
      assertEquals(exit, t.exit(), PtyTerminal.visible(t.text()));
      for (String secret : List.of(phrase, next)) {
        assertFalse(t.text().contains(secret), "a phrase echoed: " + t.text());
      }
      List<String> shown = new ArrayList<>();
      for (String line : ScreenModel.of(t.text(), ROWS, COLUMNS).everything().split("\n", -1)) {
        shown.add(shownDates(line.replace(sites, SHOWN_SITES)));
      }
      while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
        shown.remove(shown.size() - 1);
      }
      return shown;
    }
  }

  /** The date of the run (a rotation's start, a site's move) as the guide shows it. */
  private static String shownDates(String line) {
    for (LocalDate today : List.of(LocalDate.now(), LocalDate.now(ZoneOffset.UTC))) {
      line = line.replace(today.toString(), SHOWN_DATE);
    }
    return line;
  }

  /** The answer the transcript gives for the site the walk asks about (the last one named). */
  private static String answer(String screen, List<String> expected) {
    Matcher m = SITE.matcher(screen);
    String site = null;
    while (m.find()) {
      site = m.group(1);
    }
    assertNotNull(site, "a question before any site: " + screen);
    for (String line : expected) {
      if (line.startsWith(site + ": moved")) {
        return "d";
      } else if (line.startsWith(site + ": skipped")) {
        return "s";
      } else if (line.startsWith(site + ": not moved; stopped")) {
        return "q";
      }
    }
    throw new AssertionError("the transcript does not say what became of " + site);
  }
}
