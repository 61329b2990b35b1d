package dev.mint.cli.usage;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error in words for a {@code mint: ...} line: picocli's message without anything the user
 * typed that could be the master phrase. The one place such a message is made, for a command line
 * ({@code mint derive --lenght 20}) and for a line of a session or a batch alike.
 */
public final class UsageErrors {
  /** The name of the command a session's or a batch's line is parsed as (not a real command). */
  public static final String SITE_LINE = "site line";

  /** An unknown option worth naming back: short, and shaped like an option, not a phrase. */
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]{0,29}");

  private UsageErrors() {}

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
    List<String> options = new ArrayList<>();
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
    List<String> suggestions = optionSuggestions(e.getCommandLine().getCommandSpec(), option);
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
    String close = Suggestions.closestCommand(command, typed);
    if (close == null) {
      return "unknown command for '"
          + name
          + "', not shown (the master phrase is never taken as an argument); the commands are "
          + String.join(", ", Suggestions.visibleCommands(command));
    }
    return "unknown command '"
        + name
        + " "
        + typed
        + "'; did you mean '"
        + command.getCommandName()
        + " "
        + close
        + "'?";
  }

  /**
   * {@code N unexpected arguments, not shown}, and why: for a command that reads the master phrase,
   * that the phrase is never an argument (the likely mistake); for any other, what it takes.
   */
  private static String notShown(CommandSpec spec, int count, String more) {
    String counted = count + " " + more + "unexpected argument" + (count == 1 ? "" : "s");
    if (spec.findOption("--phrase-stdin") != null) {
      return counted
          + ", not shown (the master phrase is never taken as an argument: use the prompt,"
          + " --phrase-stdin, --phrase-fd N or --phrase-env NAME)";
    }
    List<String> labels =
        spec.positionalParameters().stream()
            .filter(p -> !p.hidden())
            .map(PositionalParamSpec::paramLabel)
            .collect(Collectors.toList());
    if (spec.name().equals(SITE_LINE)) {
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
  private static List<String> optionSuggestions(CommandSpec spec, String typed) {
    List<String> names = new ArrayList<>();
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

  private static List<String> negatedNames(CommandSpec spec, OptionSpec option) {
    List<String> negated = new ArrayList<>();
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
}
