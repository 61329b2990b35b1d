package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.Io;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command reference checked in under {@code docs/reference/} is what {@link ReferenceDocs}
 * makes of today's command line, and it covers every command and option {@code --help} shows:
 * walked in picocli's model here, independently of the generator's own walk, and read back from
 * each command's real {@code --help} output.
 */
final class ReferenceDocsTest {
  private static final Path DIR = RepositoryRoot.get().resolve("docs/reference");
  private static final CommandLine CLI = MintCli.newCommandLine(Io.system());

  @Test
  void theCheckedInReferenceIsWhatTheGeneratorMakesOfTodaysCommandLine() throws IOException {
    Map<String, String> pages = ReferenceDocs.pages(CLI);
    Set<String> checkedIn;
    try (Stream<Path> files = Files.list(DIR)) {
      checkedIn =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".md"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    String refresh = ": run `" + ReferenceDocs.REGENERATE + "` from the repository root";
    List<Executable> checks = new ArrayList<>();
    for (String name : checkedIn) {
      checks.add(
          () ->
              assertTrue(
                  pages.containsKey(name),
                  "docs/reference/" + name + " is no longer made by ReferenceDocs" + refresh));
    }
    pages.forEach(
        (name, text) ->
            checks.add(
                () -> {
                  Path file = DIR.resolve(name);
                  assertTrue(
                      Files.isRegularFile(file),
                      "docs/reference/" + name + " is missing" + refresh);
                  String actual = Files.readString(file, StandardCharsets.UTF_8);
                  assertTrue(
                      text.equals(actual),
                      () ->
                          "docs/reference/"
                              + name
                              + " is stale"
                              + refresh
                              + firstDifference(text, actual));
                }));
    assertAll(checks);
  }

  /** Where {@code actual} first differs from {@code expected}, line by line. */
  private static String firstDifference(String expected, String actual) {
    String[] want = expected.split("\n", -1);
    String[] have = actual.split("\n", -1);
    for (int i = 0; i < Math.max(want.length, have.length); i++) {
      String w = i < want.length ? want[i] : "(end of file)";
      String h = i < have.length ? have[i] : "(end of file)";
      if (!w.equals(h)) {
        return " (line " + (i + 1) + " is\n  " + h + "\nand would be\n  " + w + ")";
      }
    }
    return "";
  }

  /** Every visible command below {@code cli}, help included (as {@code --help} lists them). */
  private static void visit(CommandLine cli, Consumer<CommandLine> action) {
    action.accept(cli);
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()) {
                visit(sub, action);
              }
            });
  }

  private static String page(CommandSpec spec) {
    Path file = DIR.resolve(spec.qualifiedName().replace(' ', '-') + ".md");
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code name} as the reference writes it: in code, alone or with its parameter. */
  private static boolean mentions(String page, String name) {
    return Pattern.compile("`" + Pattern.quote(name) + "(`|=|\\[=)").matcher(page).find();
  }

  @Test
  void everyVisibleCommandOptionAndArgumentOfTheModelIsInTheReference() throws IOException {
    String index = Files.readString(DIR.resolve(ReferenceDocs.INDEX), StandardCharsets.UTF_8);
    List<Executable> checks = new ArrayList<>();
    int[] commands = {0};
    visit(
        CLI,
        command -> {
          commands[0]++;
          CommandSpec spec = command.getCommandSpec();
          String name = spec.qualifiedName();
          String file = name.replace(' ', '-') + ".md";
          String page = page(spec);
          checks.add(
              () ->
                  assertTrue(
                      page.startsWith("<!--") && page.contains("\n# " + name + "\n"),
                      "no page " + file + " for " + name));
          checks.add(
              () ->
                  assertTrue(
                      index.contains("[`" + name + "`](" + file + ")"),
                      "the index does not link " + name));
          if (spec.parent() != null) {
            String parent = page(spec.parent());
            checks.add(
                () ->
                    assertTrue(
                        parent.contains("[`" + name + "`](" + file + ")"),
                        spec.parent().qualifiedName() + "'s page does not link " + name));
          }
          for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
              continue;
            }
            List<String> names = new ArrayList<>(List.of(option.names()));
            spec.negatedOptionsMap()
                .forEach(
                    (negated, o) -> {
                      if (o == option) {
                        names.add(negated);
                      }
                    });
            for (String optionName : names) {
              checks.add(
                  () ->
                      assertTrue(
                          mentions(page, optionName),
                          name + ": the reference lacks " + optionName));
            }
          }
          for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden()) {
              checks.add(
                  () ->
                      assertTrue(
                          page.contains("| `" + positional.paramLabel() + "` |"),
                          name + ": the reference lacks " + positional.paramLabel()));
            }
          }
          spec.usageMessage()
              .exitCodeList()
              .forEach(
                  (code, meaning) ->
                      checks.add(
                          () ->
                              assertTrue(
                                  page.contains("| " + code.strip() + " | "),
                                  name + ": the reference lacks exit code " + code.strip())));
        });
    assertTrue(commands[0] >= 18, "the model walk found too few commands: " + commands[0]);
    assertTrue(checks.size() > 150, "the model walk found too little: " + checks.size());
    assertAll(checks);
  }

  /** An option line of {@code --help}: its names, {@code --[no-]upper} for two of them. */
  private static final Pattern HELP_OPTION =
      Pattern.compile(
          "(?m)^ {2,6}((?:-[A-Za-z0-9], )?(?:--(?:\\[no-\\])?[a-z0-9][a-z0-9-]*|-[A-Za-z0-9]))");

  @Test
  void everyOptionTheHelpOfEachCommandShowsIsOnItsPage() {
    List<Executable> checks = new ArrayList<>();
    visit(
        CLI,
        command -> {
          CommandSpec spec = command.getCommandSpec();
          String name = spec.qualifiedName();
          List<String> args = new ArrayList<>(List.of(name.split(" ")));
          args.remove(0);
          args.add("--help");
          CliRun run = CliRun.run(args.toArray(new String[0]));
          String page = page(spec);
          checks.add(() -> assertEquals(0, run.exitCode(), name + " --help: " + run.err()));
          Matcher m = HELP_OPTION.matcher(run.out());
          int found = 0;
          while (m.find()) {
            for (String shown : m.group(1).split(", ")) {
              List<String> names =
                  shown.contains("[no-]")
                      ? List.of(shown.replace("[no-]", ""), shown.replace("[no-]", "no-"))
                      : List.of(shown);
              for (String optionName : names) {
                found++;
                checks.add(
                    () ->
                        assertTrue(
                            mentions(page, optionName),
                            name + " --help shows " + optionName + ", its page does not"));
              }
            }
          }
          int shown = found;
          checks.add(
              () -> assertTrue(shown >= 2, name + " --help: no options read from " + run.out()));
        });
    assertAll(checks);
  }
}
