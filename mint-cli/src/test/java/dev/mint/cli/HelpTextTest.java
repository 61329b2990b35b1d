package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code --help} of every command, as printed: it lists only the exit codes the command can
 * return, and wraps between words (never inside a URL or a hyphenated word).
 */
final class HelpTextTest {
  /**
   * Every visible command's arguments, from {@code mint} down: {@code []}, {@code [site, set]}, ...
   */
  static Stream<List<String>> commands() {
    List<List<String>> all = new ArrayList<>();
    List<CommandLine> todo = new ArrayList<>(List.of(MintCli.newCommandLine(CliRun.quietIo())));
    while (!todo.isEmpty()) {
      CommandLine cli = todo.remove(0);
      List<String> path = new ArrayList<>();
      for (CommandLine c = cli; c.getParent() != null; c = c.getParent()) {
        path.add(0, c.getCommandName());
      }
      if (!cli.getCommandSpec().usageMessage().hidden()) { // the completion's helper has no help
        all.add(path);
      }
      todo.addAll(cli.getSubcommands().values());
    }
    return all.stream();
  }

  private static CliRun help(List<String> command) {
    List<String> args = new ArrayList<>(command);
    args.add("--help");
    return CliRun.run(args.toArray(String[]::new));
  }

  private static CommandSpec spec(List<String> command) {
    CommandLine cli = MintCli.newCommandLine(CliRun.quietIo());
    for (String name : command) {
      cli = cli.getSubcommands().get(name);
    }
    return cli.getCommandSpec();
  }

  /** 1 only where verify runs, 7 only where --strict ends the command; the rest everywhere. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("commands")
  void eachHelpListsOnlyTheExitCodesItsCommandReturns(List<String> command) {
    CliRun run = help(command);
    String name = String.join(" ", command);
    boolean verifies = Set.of("", "verify").contains(name);
    boolean strict = Set.of("", "derive", "batch").contains(name);
    List<String> rows =
        run.out()
            .lines()
            .filter(l -> l.matches("   [0-9]   .*"))
            .map(l -> l.substring(3, 4))
            .toList();
    List<String> expected = new ArrayList<>(List.of("0", "2", "3", "4", "5", "6"));
    if (verifies) {
      expected.add(1, "1");
    }
    if (strict) {
      expected.add("7");
    }
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(expected, rows, run.out()));
  }

  /**
   * Every word of the command's own text (its descriptions, its options', its exit codes') is
   * printed whole: none is cut across two lines, as picocli cut {@code
   * https://SITE/.well-known/...} after {@code /.}; and no line is wider than the help.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("commands")
  void noWordIsSplitAcrossLines(List<String> command) {
    CliRun run = help(command);
    CommandSpec spec = spec(command);
    String printed = run.out().replaceAll("\\s+", " ");
    List<String> words = new ArrayList<>();
    List<String> texts = new ArrayList<>(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(spec.usageMessage().exitCodeList().values());
    for (ArgSpec arg : spec.args()) {
      if (!arg.hidden()) {
        texts.addAll(Arrays.asList(arg.description()));
      }
    }
    for (String text : texts) {
      for (String word : text.split("\\s+")) {
        // picocli's format specifiers and variables are printed changed
        if (!word.isEmpty() && !word.contains("%") && !word.contains("${")) {
          words.add(word);
        }
      }
    }
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertTrue(words.size() > 5, "words found: " + words),
        () ->
            assertAll(
                words.stream()
                    .map(
                        word ->
                            () -> assertTrue(printed.contains(word), word + " in\n" + run.out()))),
        () ->
            run.out()
                .lines()
                .forEach(
                    line ->
                        assertTrue(
                            line.length() <= spec.usageMessage().width()
                                || !line.strip().contains(" "),
                            "too wide: " + line)));
  }
}
