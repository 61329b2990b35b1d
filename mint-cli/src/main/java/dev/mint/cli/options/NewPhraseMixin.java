package dev.mint.cli.options;

import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ControllingTerminal;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.phrase.PhraseReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the new master phrase of a rotation comes from (a picocli mixin, beside {@link PhraseMixin}
 * for the current one): the console prompt, asked twice with the new phrase's check shown, or one
 * line of an open file descriptor ({@code --new-phrase-fd M}). Never an argument, never the
 * environment.
 */
public final class NewPhraseMixin {
  /** What the console prompt asks for. */
  public static final String PROMPT = "New master phrase";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--new-phrase-fd",
      paramLabel = "M",
      description =
          "Read the new master phrase from one line of open file descriptor M (as --phrase-fd"
              + " reads the current one; bash: --new-phrase-fd 4 4<FILE); without it, the"
              + " console prompt asks for it twice and shows its phrase check.")
  Integer fd;

  /** Whether the new phrase will be asked on the console. */
  public boolean fromConsole() {
    return fd == null;
  }

  /**
   * Reads the new phrase; the caller wipes it. At the console it is asked twice (as {@code
   * --confirm} asks), and its check is shown on standard error after it, unless {@code quiet}.
   *
   * @param current the mixin of the current phrase, whose descriptor must be another one
   * @throws ParameterException for a descriptor that cannot be one, or no console to ask on
   * @throws CliException when the source gives no acceptable phrase
   */
  public char[] read(Io io, PhraseMixin current, boolean quiet) {
    if (fd != null) {
      if (fd < 0 || fd == 1 || fd == 2) {
        throw new ParameterException(
            mixee.commandLine(),
            "--new-phrase-fd takes an open descriptor to read from: 0 (standard input) or 3"
                + " and up");
      }
      if (current.fd != null && current.fd.equals(fd) || fd == 0 && current.stdin) {
        throw new ParameterException(
            mixee.commandLine(),
            "--new-phrase-fd names the descriptor the current phrase is read from: give each"
                + " phrase its own");
      }
      String source = "file descriptor " + fd;
      try (InputStream in = io.descriptors().open(fd)) {
        return PhraseReader.fromStream(in, source, "--new-phrase-fd");
      } catch (IOException e) {
        throw CliException.io(
            "--new-phrase-fd "
                + fd
                + ": cannot read "
                + source
                + " ("
                + IoErrors.describe(e)
                + ")");
      }
    }
    char[] phrase = ask(io);
    if (!quiet) {
      io.err().println("new phrase check: " + PhraseCheck.of(phrase));
    }
    return phrase;
  }

  @SuppressWarnings("try") // the terminal is held for the block
  private char[] ask(Io io) {
    Console console = io.console().get();
    if (console != null) {
      return PhraseReader.fromConsole(console, true, PROMPT);
    }
    try (ControllingTerminal tty = io.stdinIsTerminal() ? ControllingTerminal.open() : null) {
      if (tty != null) {
        return PhraseReader.fromTerminal(tty, true, PROMPT);
      }
    }
    throw new ParameterException(
        mixee.commandLine(),
        "no console to ask for the new master phrase on (standard input must be a terminal);"
            + " use --new-phrase-fd M");
  }
}
