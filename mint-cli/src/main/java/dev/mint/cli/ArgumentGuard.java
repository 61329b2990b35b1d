package dev.mint.cli;

import dev.mint.cli.usage.Suggestions;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * What mint does with its arguments before picocli parses them: it refuses an option that would
 * carry the master phrase (without echoing what follows it), refuses a first word that mistypes a
 * command, and puts {@code derive} in front when no command is named ({@code mint github.com}).
 */
final class ArgumentGuard {
  /** The command run when the first argument names none. */
  static final String DEFAULT_COMMAND = "derive";

  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  /** Options people try for the phrase; refused without echoing what follows them. */
  private static final Pattern PHRASE_AS_ARGUMENT =
      Pattern.compile(
          "--?(p|phrase|password|passphrase|master|master-phrase|secret)(=.*)?", Pattern.DOTALL);

  private ArgumentGuard() {}

  /**
   * The line refusing {@code args} when one before {@code --} is an option for the phrase, or null.
   * Checked before anything else, so that no other message can repeat the phrase.
   */
  static String phraseRefusal(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (PHRASE_AS_ARGUMENT.matcher(arg).matches()) {
        return "mint: the master phrase is never taken as an argument (other users can read a"
            + " process's arguments): use the prompt, --phrase-stdin, --phrase-fd N or"
            + " --phrase-env NAME";
      }
    }
    return null;
  }

  /**
   * The line refusing {@code args} when their first word mistypes a command, or null: when no
   * command is named, derive is meant, and a first word without a dot within {@link
   * Suggestions#MAX_DISTANCE} edits of a visible command's name is taken for a typo of it rather
   * than a site ({@code mint sesion}); {@code mint derive sesion} still derives it.
   */
  static String mistypedCommandRefusal(CommandLine cli, String[] args) {
    if (args.length == 0 || cli.getSubcommands().containsKey(args[0])) {
      return null;
    }
    String command = Suggestions.closestCommand(cli, args[0]);
    if (command == null) {
      return null;
    }
    return "mint: '"
        + args[0]
        + "' is not a command; did you mean '"
        + command
        + "'? (for the password of a site of that name, say 'mint derive SITE')";
  }

  /** {@code args} with {@code derive} in front unless they start with a command or top option. */
  static String[] withDefaultCommand(CommandLine cli, String[] args) {
    if (args.length > 0
        && (cli.getSubcommands().containsKey(args[0]) || TOP_LEVEL_OPTIONS.contains(args[0]))) {
      return args;
    }
    String[] withCommand = new String[args.length + 1];
    withCommand[0] = DEFAULT_COMMAND;
    System.arraycopy(args, 0, withCommand, 1, args.length);
    return withCommand;
  }
}
