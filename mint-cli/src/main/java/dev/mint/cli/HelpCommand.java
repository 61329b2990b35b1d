package dev.mint.cli;

import dev.mint.cli.usage.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code mint help [COMMAND [SUBCOMMAND]]}: the help of the command named, however deep ({@code
 * mint help site set} shows what {@code mint site set --help} shows). picocli's own help command
 * looks at the first name only, so {@code help site set} showed {@code site}'s help.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of mint, or of the command named: 'mint help site set'.",
    synopsisHeading = "%nUsage: ")
final class HelpCommand implements IHelpCommandInitializable2, Runnable {
  @Parameters(
      index = "0",
      paramLabel = "COMMAND",
      arity = "0..1",
      description = "The command whose help to show.")
  String command;

  @Parameters(
      index = "1",
      paramLabel = "SUBCOMMAND",
      arity = "0..1",
      description = "Its subcommand, for 'mint help site set'.")
  String subcommand;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean helpRequested;

  private CommandLine self;
  private PrintWriter out;
  private Help.ColorScheme colors;

  @Override
  public void init(
      CommandLine helpCommandLine,
      Help.ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    List<String> commands = new ArrayList<>();
    if (command != null) {
      commands.add(command);
    }
    if (subcommand != null) {
      commands.add(subcommand);
    }
    for (String name : commands) {
      CommandLine sub = target.getSubcommands().get(name);
      if (sub == null) {
        throw new ParameterException(self, noSuchCommand(target, name));
      }
      target = sub;
    }
    target.usage(out, colors);
  }

  /**
   * The message for {@code mint help NAME} when {@code target} has no command NAME: a word close to
   * one of its commands gets that command suggested ({@code mint help sesion}); anything else is
   * not repeated (whatever was typed there could be a phrase).
   */
  private static String noSuchCommand(CommandLine target, String typed) {
    String name = target.getCommandSpec().qualifiedName();
    List<String> visible = Suggestions.visibleCommands(target);
    String close = Suggestions.closestCommand(target, typed);
    if (close != null) {
      String helpOf = name.equals("mint") ? "" : name.substring("mint ".length()) + " ";
      return "no command '"
          + typed
          + "' under '"
          + name
          + "'; did you mean 'mint help "
          + helpOf
          + close
          + "'?";
    }
    return "no such command under '"
        + name
        + "' (the name given is not repeated); the commands are "
        + String.join(", ", visible);
  }
}
