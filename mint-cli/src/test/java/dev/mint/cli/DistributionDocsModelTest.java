package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.command.CompleteSitesCommand;
import dev.mint.cli.io.Io;
import dev.mint.cli.usage.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The man page and the completion scripts are generated from the command line mint runs, so every
 * visible command, however deep ({@code site set}), has a man page section and a completion
 * function, and every option name of each, negated forms ({@code --no-upper}) included, is in both.
 * Walks picocli's model, so a command or option added later is checked too.
 */
final class DistributionDocsModelTest {
  private static final CommandLine CLI = MintCli.newCommandLine(Io.system());
  private static final String BASH = DistributionDocs.bashCompletion(CLI);
  private static final String MAN = DistributionDocs.manPage(CLI);

  /** Every visible command below the top one, depth first. */
  private static void visit(CommandLine cli, Consumer<CommandLine> action) {
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()
                  && !(sub.getCommandSpec().helpCommand())) {
                action.accept(sub);
                visit(sub, action);
              }
            });
  }

  /** Every name of {@code spec}'s visible options, with the negated ones. */
  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      names.addAll(List.of(option.names()));
      for (Map.Entry<String, OptionSpec> negated : spec.negatedOptionsMap().entrySet()) {
        if (negated.getValue() == option) {
          names.add(negated.getKey());
        }
      }
    }
    return names;
  }

  /** The body of the bash function that completes {@code spec}. */
  private static String bashFunction(CommandSpec spec) {
    String name = "_picocli_" + spec.qualifiedName().replace(' ', '_').replace('-', '_');
    int begin = BASH.indexOf("function " + name + "() {\n");
    return begin < 0 ? "" : BASH.substring(begin, BASH.indexOf("\n}\n", begin));
  }

  /** The man page's section of {@code spec}, up to the next command's section. */
  private static String manSection(CommandSpec spec) {
    Matcher m =
        Pattern.compile(
                "(?ms)^=+ " + Pattern.quote(spec.qualifiedName()) + "\\n(.*?)(?=^=+ mint |\\z)")
            .matcher(MAN);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void everyOptionOfEveryCommandIsInTheCompletionAndTheManPage() {
    List<Executable> checks = new ArrayList<>();
    visit(
        CLI,
        sub -> {
          CommandSpec spec = sub.getCommandSpec();
          String function = bashFunction(spec);
          String section = manSection(spec);
          checks.add(
              () -> assertTrue(!function.isEmpty(), "no completion for " + spec.qualifiedName()));
          checks.add(
              () -> assertTrue(!section.isEmpty(), "no man page section " + spec.qualifiedName()));
          for (String option : optionNames(spec)) {
            checks.add(
                () ->
                    assertTrue(
                        Pattern.compile("[\\s\"'(]" + Pattern.quote(option) + "[\\s\"')]")
                            .matcher(function)
                            .find(),
                        spec.qualifiedName() + ": completion lacks " + option));
            checks.add(
                () ->
                    assertTrue(
                        section.contains("*" + option + "*"),
                        spec.qualifiedName() + ": man page lacks " + option));
          }
        });
    assertTrue(checks.size() > 40, "the model walk found too little: " + checks.size());
    assertAll(checks);
  }

  @Test
  void theSiteCommandsThatNameAStoredSiteCompleteStoredSites() {
    List<Executable> checks = new ArrayList<>();
    for (String command : new String[] {"show", "bump", "rm", "set"}) {
      CommandSpec spec =
          CLI.getSubcommands().get("site").getSubcommands().get(command).getCommandSpec();
      checks.add(
          () ->
              assertTrue(
                  bashFunction(spec).contains(CompleteSitesCommand.NAME),
                  "mint site " + command + " does not complete stored sites"));
    }
    assertAll(checks);
  }

  /**
   * The generated bash script run by a real bash on completions that need no sites file: what
   * {@code COMPREPLY} holds after each line of words (the last one being completed, split as bash
   * splits them: {@code --revision=} is the three words {@code --revision}, {@code =} and what
   * follows).
   */
  private static List<String> complete(String... lines) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("mint-completion", ".bash");
    try {
      java.nio.file.Files.writeString(file, BASH);
      StringBuilder script =
          new StringBuilder("source '" + file + "'\n")
              .append("t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));")
              .append(" COMP_LINE=\"$*\"; COMPREPLY=(); _complete_mint 2>/dev/null;")
              .append(" echo \"${COMPREPLY[*]}\"; }\n");
      for (String line : lines) {
        script.append("t mint ").append(line).append('\n');
      }
      Process bash =
          new ProcessBuilder("bash", "--norc", "--noprofile", "-c", script.toString())
              .redirectErrorStream(true)
              .start();
      bash.getOutputStream().close();
      String out =
          new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      org.junit.jupiter.api.Assertions.assertEquals(0, bash.waitFor(), out);
      return out.lines().toList();
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void rulesHelpAndAnOptionValueAfterEqualsComplete() throws Exception {
    List<String> got =
        complete(
            "rules apple.c",
            "help ''",
            "help se",
            "help site ''",
            "derive --revision =",
            "derive --revision = r",
            "--level = h",
            "site set a.com --revision = r");
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of(
            "apple.com",
            String.join(" ", Suggestions.visibleCommands(CLI)),
            "session",
            String.join(" ", Suggestions.visibleCommands(CLI.getSubcommands().get("site"))),
            "r1 r2 r3",
            "r1 r2 r3",
            "high",
            "r1 r2 r3"),
        got);
  }

  @Test
  void everyAccountOptionCompletesTheStoredAccounts() {
    List<Executable> checks = new ArrayList<>();
    visit(
        CLI,
        sub -> {
          CommandSpec spec = sub.getCommandSpec();
          if (spec.findOption("--account") != null) {
            checks.add(
                () ->
                    assertTrue(
                        bashFunction(spec).contains(CompleteSitesCommand.NAME + " --accounts"),
                        spec.qualifiedName() + " does not complete stored accounts"));
          }
        });
    assertTrue(checks.size() >= 5, "commands with --account: " + checks.size());
    assertAll(checks);
  }
}
