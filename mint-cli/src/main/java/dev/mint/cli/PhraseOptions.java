package dev.mint.cli;

import java.io.Console;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the master phrase comes from (a picocli mixin): the console prompt by default, or one of
 * the options, which exclude each other. The phrase is never taken as an argument.
 */
final class PhraseOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--phrase-stdin",
      description = "Read the master phrase from one line of standard input (UTF-8, at most "
          + PhraseReader.MAX_STDIN_BYTES + " bytes; only the line break is dropped).")
  boolean stdin;

  @Option(
      names = "--phrase-env",
      paramLabel = "NAME",
      description = "Read the master phrase from environment variable NAME. Weaker: a process's "
          + "environment is readable by its owner while it runs and passed on to its children.")
  String env;

  @Option(names = "--confirm", description = "Ask for the phrase twice; refuse a mismatch.")
  boolean confirm;

  /** Whether the phrase will be asked on the console (no source option given). */
  boolean fromConsole() {
    return !stdin && env == null;
  }

  /**
   * Reads the phrase from the chosen source; the caller wipes it.
   *
   * @throws ParameterException when the options conflict or there is no console to ask on
   * @throws CliException when the source gives no acceptable phrase
   */
  char[] read(Io io) {
    if (stdin && env != null) {
      throw new ParameterException(
          mixee.commandLine(), "--phrase-stdin and --phrase-env exclude each other");
    }
    if (confirm && !fromConsole()) {
      throw new ParameterException(
          mixee.commandLine(), "--confirm works only with the console prompt");
    }
    if (stdin) {
      return PhraseReader.fromStream(io.in());
    }
    if (env != null) {
      return PhraseReader.fromEnvironment(io.env(), env);
    }
    Console console = io.console().get();
    if (console == null) {
      throw new ParameterException(
          mixee.commandLine(),
          "no console to ask for the master phrase (standard input and output must both be a "
              + "terminal); use --phrase-stdin, or --phrase-env NAME");
    }
    return PhraseReader.fromConsole(console, confirm);
  }
}
