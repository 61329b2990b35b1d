package dev.mint.cli;

import dev.mint.InvalidInputException;
import dev.mint.cli.command.BatchCommand;
import dev.mint.cli.command.BenchCommand;
import dev.mint.cli.command.CheckCommand;
import dev.mint.cli.command.CompleteSitesCommand;
import dev.mint.cli.command.DeriveCommand;
import dev.mint.cli.command.NormalizeCommand;
import dev.mint.cli.command.RulesCommand;
import dev.mint.cli.command.SessionCommand;
import dev.mint.cli.command.SiteLines;
import dev.mint.cli.command.VerifyCommand;
import dev.mint.cli.command.site.SiteCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.sites.SitesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the {@code mint} command line and runs it. Every failure becomes one line on standard
 * error and an exit status from {@link ExitCodes}; a stack trace only for a bug.
 */
public final class MintCli {
  /** The command run when the first argument names none. */
  static final String DEFAULT_COMMAND = "derive";

  private static final Set<String> TOP_LEVEL_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  /** Options people try for the phrase; refused without echoing what follows them. */
  private static final Pattern PHRASE_AS_ARGUMENT =
      Pattern.compile(
          "--?(p|phrase|password|passphrase|master|master-phrase|secret)(=.*)?", Pattern.DOTALL);

  private MintCli() {}

  /**
   * The command line with every subcommand. To add a command, add it here; it then runs as {@code
   * mint NAME ...} and its help shows the exit codes.
   */
  static CommandLine newCommandLine(Io io) {
    CommandLine cli =
        new CommandLine(new MintCommand())
            .addSubcommand(new DeriveCommand(io))
            .addSubcommand(new CheckCommand(io))
            .addSubcommand(new SessionCommand(io))
            .addSubcommand(new BatchCommand(io))
            .addSubcommand(new NormalizeCommand(io))
            .addSubcommand(new RulesCommand(io))
            .addSubcommand(new VerifyCommand(io))
            .addSubcommand(new BenchCommand(io))
            .addSubcommand(SiteCommand.commandLine(io))
            .addSubcommand(new CompleteSitesCommand(io))
            .addSubcommand(new HelpCommand());
    cli.setOut(io.out());
    cli.setErr(io.err());
    cli.setExecutionExceptionHandler(MintCli::handleExecutionException);
    cli.setParameterExceptionHandler(MintCli::handleParameterException);
    // '@NAME' is an argument like any other: picocli would replace it with the lines of file
    // NAME, so a site such as '@home' could silently become another site
    cli.setExpandAtFiles(false);
    applyToAll(cli);
    return cli;
  }

  private static void applyToAll(CommandLine cli) {
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n");
    // each command's help lists the codes it can return: 1 only for verify, 7 only for the
    // commands whose --strict ends them (a session's --strict refuses a line and goes on); mint
    // itself runs them all
    boolean top = cli.getParent() == null;
    Object command = cli.getCommand();
    boolean canFailVerification = top || command instanceof VerifyCommand;
    boolean canRefuseStrictly =
        top || command instanceof DeriveCommand || command instanceof BatchCommand;
    cli.getCommandSpec()
        .usageMessage()
        .exitCodeList(
            ExitCodes.helpTable(
                code ->
                    code == ExitCodes.VERIFICATION_FAILED
                        ? canFailVerification
                        : code != ExitCodes.NOT_ACCEPTED || canRefuseStrictly));
    HelpWrapping.install(cli);
    cli.getSubcommands().values().forEach(MintCli::applyToAll);
  }

  /** Runs {@code args} and returns the exit status; does not exit. */
  public static int run(Io io, String... args) {
    try {
      for (String arg : args) {
        if (arg.equals("--")) {
          break;
        }
        if (PHRASE_AS_ARGUMENT.matcher(arg).matches()) {
          io.err()
              .println(
                  "mint: the master phrase is never taken as an argument (other users can read a"
                      + " process's arguments): use the prompt, --phrase-stdin, --phrase-fd N or"
                      + " --phrase-env NAME");
          return ExitCodes.USAGE;
        }
      }
      CommandLine cli = newCommandLine(io);
      String command = mistypedCommand(cli, args);
      if (command != null) {
        io.err()
            .println(
                "mint: '"
                    + args[0]
                    + "' is not a command; did you mean '"
                    + command
                    + "'? (for the password of a site of that name, say 'mint derive SITE')");
        return ExitCodes.USAGE;
      }
      return cli.execute(withDefaultCommand(cli, args));
    } catch (Error e) {
      return handleError(io.err(), e);
    } finally {
      io.out().flush();
      io.err().flush();
    }
  }

  /**
   * An {@link Error} out of a command (picocli passes them on): one line, never a stack trace or
   * the error's message (which nothing guarantees to be free of input), and {@link
   * ExitCodes#OUT_OF_MEMORY} for the JVM running out of memory or stack, {@link ExitCodes#INTERNAL}
   * for anything else. The one place mint maps an {@code Error}.
   */
  static int handleError(java.io.PrintWriter err, Error e) {
    if (e instanceof VirtualMachineError && !(e instanceof InternalError)) {
      err.println(
          "mint: out of memory ("
              + e.getClass().getSimpleName()
              + "): the input is larger than the Java heap allows (-Xmx); nothing was half-written");
      return ExitCodes.OUT_OF_MEMORY;
    }
    err.println("mint: internal error: " + e.getClass().getName());
    return ExitCodes.INTERNAL;
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

  /** A word that may be a mistyped command's name: short, lower case, no dot. */
  static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z0-9-]{0,29}");

  /**
   * The command {@code args[0]} most likely mistypes, or null: when no command is named, derive is
   * meant, and a first word without a dot within {@link Suggestions#MAX_DISTANCE} edits of a
   * visible command's name is taken for a typo of it rather than a site ({@code mint sesion});
   * {@code mint derive sesion} still derives it.
   */
  static String mistypedCommand(CommandLine cli, String[] args) {
    if (args.length == 0
        || cli.getSubcommands().containsKey(args[0])
        || !COMMAND_WORD.matcher(args[0]).matches()) {
      return null;
    }
    List<String> close = Suggestions.closest(args[0], visibleCommands(cli), 1);
    return close.isEmpty() || Suggestions.distance(args[0], close.get(0)) > Suggestions.MAX_DISTANCE
        ? null
        : close.get(0);
  }

  static List<String> visibleCommands(CommandLine cli) {
    return cli.getSubcommands().entrySet().stream()
        .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
        .map(java.util.Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  /** An unknown option worth naming back: short, and shaped like an option, not a phrase. */
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]{0,29}");

  private static int handleParameterException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String name = cli.getCommandSpec().qualifiedName();
    cli.getErr().println("mint: " + describe(e) + " (see '" + name + " --help')");
    return ExitCodes.USAGE;
  }

  /**
   * picocli's message, except for arguments nobody asked for: those are never repeated, because a
   * stray argument is most often a master phrase typed where it does not belong. Arguments shaped
   * like an option name ({@code --lenght}) are the exception: each is named back, with the
   * command's own option names that resemble it (picocli's suggestions, so only names from the
   * command's model). A word right after such an option is taken for its value ({@code 20}): not
   * shown, and not counted as a stray argument. What is left is counted, not shown, with the hint
   * about the phrase where the command reads one and what the command takes where it does not.
   */
  public static String describe(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException)) {
      return withoutTheValue(e);
    }
    UnmatchedArgumentException unmatchedException = (UnmatchedArgumentException) e;
    List<String> unmatched = unmatchedException.getUnmatched();
    if (unmatched.isEmpty()) {
      return "unexpected argument";
    }
    CommandLine command = unmatchedException.getCommandLine();
    if (!command.getSubcommands().isEmpty()
        && command.getCommandSpec().positionalParameters().isEmpty()
        && !unmatched.get(0).startsWith("-")) {
      return unknownSubcommand(command, unmatched);
    }
    List<String> options = new java.util.ArrayList<>();
    int stray = 0;
    boolean valueMayFollow = false;
    for (String argument : unmatched) {
      String[] nameAndValue = argument.split("=", 2); // never the value after '='
      if (OPTION_NAME.matcher(nameAndValue[0]).matches()) {
        options.add(unknownOption(unmatchedException, nameAndValue[0]));
        valueMayFollow = nameAndValue.length == 1;
      } else if (valueMayFollow && !argument.startsWith("-")) {
        valueMayFollow = false; // the unknown option's value
      } else {
        stray++;
        valueMayFollow = false;
      }
    }
    StringBuilder message = new StringBuilder(String.join("; ", options));
    if (stray > 0) {
      message
          .append(options.isEmpty() ? "" : "; ")
          .append(notShown(command.getCommandSpec(), stray, options.isEmpty() ? "" : "more "));
    }
    return message.toString();
  }

  /** {@code unknown option '--lenght'; did you mean --length?}: the name is shaped like one. */
  private static String unknownOption(UnmatchedArgumentException e, String option) {
    StringBuilder message = new StringBuilder("unknown option '").append(option).append('\'');
    List<String> suggestions = suggestions(e, option);
    if (!suggestions.isEmpty()) {
      message.append("; did you mean ");
      for (int i = 0; i < suggestions.size(); i++) {
        message.append(i == 0 ? "" : i == suggestions.size() - 1 ? " or " : ", ");
        message.append(suggestions.get(i));
      }
      message.append('?');
    }
    return message.toString();
  }

  /**
   * {@code mint site lst}: a word close to one of the command's own subcommands is named back with
   * the subcommand it most likely means; anything else is not shown (it could be a phrase), and the
   * subcommands are listed.
   */
  private static String unknownSubcommand(CommandLine command, List<String> unmatched) {
    String typed = unmatched.get(0);
    String name = command.getCommandSpec().qualifiedName();
    List<String> close =
        COMMAND_WORD.matcher(typed).matches()
            ? Suggestions.closest(typed, visibleCommands(command), 1).stream()
                .filter(c -> Suggestions.distance(typed, c) <= Suggestions.MAX_DISTANCE)
                .collect(Collectors.toList())
            : List.of();
    if (close.isEmpty()) {
      return "unknown command for '"
          + name
          + "', not shown (the master phrase is never taken as an argument); the commands are "
          + String.join(", ", visibleCommands(command));
    }
    return "unknown command '"
        + name
        + " "
        + typed
        + "'; did you mean '"
        + command.getCommandName()
        + " "
        + close.get(0)
        + "'?";
  }

  /**
   * {@code N unexpected arguments, not shown}, and why: for a command that reads the master phrase,
   * that the phrase is never an argument (the likely mistake); for any other, what it takes.
   */
  private static String notShown(CommandLine.Model.CommandSpec spec, int count, String more) {
    String counted = count + " " + more + "unexpected argument" + (count == 1 ? "" : "s");
    if (spec.findOption("--phrase-stdin") != null) {
      return counted
          + ", not shown (the master phrase is never taken as an argument: use the prompt,"
          + " --phrase-stdin, --phrase-fd N or --phrase-env NAME)";
    }
    List<String> labels =
        spec.positionalParameters().stream()
            .filter(p -> !p.hidden())
            .map(CommandLine.Model.PositionalParamSpec::paramLabel)
            .collect(Collectors.toList());
    if (spec.name().equals(SiteLines.COMMAND_NAME)) {
      return counted + ", not shown (a line is one SITE and site options)";
    }
    String takes = labels.isEmpty() ? "no arguments" : String.join(" ", labels);
    return counted + ", not shown ('" + spec.qualifiedName() + "' takes " + takes + ")";
  }

  /**
   * The command's option names closest to {@code typed} ({@link Suggestions}), negated forms such
   * as {@code --no-symbols} included, at most three. Only names of the command's options: nothing
   * the user typed.
   */
  private static List<String> suggestions(UnmatchedArgumentException e, String typed) {
    CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
    List<String> names = new java.util.ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (!option.hidden()) {
        names.addAll(List.of(option.names()));
        if (option.negatable()) {
          names.addAll(negatedNames(spec, option));
        }
      }
    }
    return Suggestions.closest(typed, names, 3);
  }

  private static List<String> negatedNames(CommandLine.Model.CommandSpec spec, OptionSpec option) {
    List<String> negated = new java.util.ArrayList<>();
    spec.negatedOptionsMap()
        .forEach(
            (name, o) -> {
              if (o == option) {
                negated.add(name);
              }
            });
    return negated;
  }

  /**
   * picocli's message, unless it repeats the value it refused ({@code Invalid value for option
   * '--length': 'my phrase' is not an int}, {@code Unknown subcommand 'my phrase'}): a phrase typed
   * after an option that takes a value, or as {@code --quiet=...}, must not be printed back.
   */
  private static String withoutTheValue(ParameterException e) {
    // picocli's "Invalid value for option ...", spelled as mint's own "invalid value for ..."
    String message = e.getMessage().replaceFirst("^Invalid value ", "invalid value ");
    String value = e.getValue();
    if (value == null || value.isEmpty() || !message.contains(value)) {
      return message;
    }
    if (e.getArgSpec() instanceof OptionSpec) {
      OptionSpec option = (OptionSpec) e.getArgSpec();
      String name = "option '" + option.longestName() + "'";
      if (option.arity().max() == 0) {
        return name + " takes no value (the value given is not repeated)";
      }
      return "invalid value for "
          + name
          + ", which takes "
          + option.paramLabel()
          + " (the value given is not repeated)";
    }
    return "invalid argument, not repeated (the master phrase is never taken as an argument: use"
        + " the prompt, --phrase-stdin, --phrase-fd N or --phrase-env NAME)";
  }

  /**
   * An {@code Error} of the VM (out of memory, above all: an input larger than the heap) is one
   * line and its own exit status, never a stack trace; what mint writes is written atomically, so
   * nothing is half-written.
   */
  /** The exit status of a failure of the sites file or of a value for it: the one place. */
  public static int exitCode(SitesException.Kind kind) {
    return switch (kind) {
      case USAGE -> ExitCodes.USAGE;
      case INVALID_INPUT -> ExitCodes.INVALID_INPUT;
      case FILE -> ExitCodes.IO;
    };
  }

  private static int handleExecutionException(
      Exception e, CommandLine cli, ParseResult parseResult) {
    if (e.getCause() instanceof Error) {
      return handleError(cli.getErr(), (Error) e.getCause());
    }
    if (e instanceof CliException) {
      cli.getErr().println("mint: " + e.getMessage());
      return ((CliException) e).exitCode();
    }
    if (e instanceof SitesException) {
      cli.getErr().println("mint: " + e.getMessage());
      return exitCode(((SitesException) e).kind());
    }
    if (e instanceof InvalidInputException) {
      cli.getErr().println("mint: " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof UncheckedIOException || e instanceof IOException) {
      cli.getErr().println("mint: I/O error (" + IoErrors.describe(e) + ")");
      return ExitCodes.IO;
    }
    // A bug: say where, but not the message, which nothing guarantees to be free of secrets.
    cli.getErr().println("mint: internal error: " + e.getClass().getName());
    for (StackTraceElement frame : e.getStackTrace()) {
      cli.getErr().println("\tat " + frame);
    }
    return ExitCodes.INTERNAL;
  }
}
