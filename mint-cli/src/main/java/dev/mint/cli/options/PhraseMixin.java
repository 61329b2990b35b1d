package dev.mint.cli.options;

import dev.mint.Pbkdf2Engine;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ControllingTerminal;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.io.Wipe;
import dev.mint.cli.phrase.CheckedDerivation;
import dev.mint.cli.phrase.HeldPhrase;
import dev.mint.cli.phrase.PhraseReader;
import dev.mint.cli.phrase.WarmUp;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.policy.PhraseRoute;
import dev.mint.cli.sites.policy.RecordedCheck;
import dev.mint.cli.sites.store.SitesFile;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the master phrase comes from (a picocli mixin): the console prompt by default, or one of
 * the options, which exclude each other. The phrase is never taken as an argument.
 */
public final class PhraseMixin {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--phrase-stdin",
      description =
          "Read the master phrase from one line of standard input (UTF-8, at most "
              + PhraseReader.MAX_STDIN_BYTES
              + " bytes; only the line break is dropped).")
  boolean stdin;

  @Option(
      names = "--phrase-env",
      paramLabel = "NAME",
      description =
          "Read the master phrase from environment variable NAME. Weaker: a process's "
              + "environment is readable by its owner while it runs and passed on to its children.")
  String env;

  @Option(
      names = "--phrase-fd",
      paramLabel = "N",
      description =
          "Read the master phrase from one line of open file descriptor N (Linux, "
              + "macOS: /dev/fd/N), same rules as --phrase-stdin: for scripts, without argv, "
              + "environment or standard input (bash: --phrase-fd 3 3<FILE).")
  Integer fd;

  @Option(
      names = "--confirm",
      description =
          "Ask for the phrase twice; after a mismatch, ask for both again ("
              + PhraseReader.CONFIRM_TRIES
              + " times at most, then exit 3).")
  boolean confirm;

  /**
   * Whether to warm the PBKDF2 path while the console prompt waits ({@link WarmUp}). Commands with
   * no idle time at the prompt (batch) turn it off. Not an option.
   */
  private boolean warmUpAtPrompt = true;

  /** No warm-up at the console prompt: for commands with no idle time there (batch). */
  public PhraseMixin withoutWarmUp() {
    warmUpAtPrompt = false;
    return this;
  }

  /** At the console prompt, asks twice as with {@code --confirm} (check --remember). */
  public PhraseMixin confirmedAtConsole() {
    if (fromConsole()) {
      confirm = true;
    }
    return this;
  }

  /**
   * Reads the phrase, refuses it when the sites file records another phrase check (unless {@code
   * force}), and holds it hardened for {@code engine} until {@link HeldPhrase#close()}, or until a
   * shutdown hook on a thread named {@code hookName} wipes it on Ctrl-C, a kill or any other way
   * the JVM exits. The phrase's characters are wiped at once.
   *
   * @throws CliException (exit 3) on a mismatch, (exit 4) when the sites file cannot be used
   */
  public HeldPhrase hold(Io io, boolean force, String hookName, Pbkdf2Engine engine) {
    return hold(io, force, true, hookName, engine);
  }

  /**
   * {@link #hold(Io, boolean, String, Pbkdf2Engine)}; unless {@code quiet}, a phrase typed at the
   * prompt gets its check on standard error ({@link #showCheck}) before the first site.
   */
  public HeldPhrase hold(
      Io io, boolean force, boolean quiet, String hookName, Pbkdf2Engine engine) {
    char[] phrase = read(io);
    HeldPhrase held;
    try {
      PhraseCheck[] typed = {null};
      PhraseCheck matched = force ? null : requireKnownCheck(io, phrase, typed);
      showCheck(io, quiet, phrase, matched);
      held = new HeldPhrase(phrase, engine).withCheck(typed[0]);
    } finally {
      Wipe.chars(phrase);
    }
    return held.wipedOnExit(hookName);
  }

  /**
   * Refuses {@code phrase} when the sites file records a check and the phrase gives none that a
   * site needs (the recorded one; while a rotation is under way, its new one; an older one a site
   * was left on); for commands that hold a phrase for many sites (session, batch), before the first
   * one, each line then refused on its own when its site needs another ({@link
   * dev.mint.cli.sites.policy.PhraseRoute}). Nothing when there is no sites file or no recorded
   * check.
   *
   * @param typed gets the phrase's check when it was computed
   * @return the recorded check when the phrase's equals it; else null
   */
  private static PhraseCheck requireKnownCheck(Io io, char[] phrase, PhraseCheck[] typed) {
    SitesFile file = SitesFile.of(io);
    if (!file.exists()) {
      return null;
    }
    SiteBook book = file.read();
    PhraseCheck recorded = RecordedCheck.in(book, file.name());
    if (recorded == null) {
      return null;
    }
    typed[0] = PhraseCheck.of(phrase);
    if (!PhraseRoute.knownChecks(book, recorded).contains(typed[0])) {
      throw CheckedDerivation.mismatch(typed[0], recorded);
    }
    return typed[0].equals(recorded) ? recorded : null;
  }

  /**
   * After a phrase typed at the prompt, where a typo is likely and the user is there to read it:
   * its phrase check on standard error ({@code phrase check: upshot article (f40c)}), unless {@code
   * quiet}; nothing for a phrase from an option. {@code matched} is the recorded check when the
   * phrase is known to give it (no second PBKDF2 then), else null.
   */
  public void showCheck(Io io, boolean quiet, char[] phrase, PhraseCheck matched) {
    if (!quiet && fromConsole()) {
      io.err()
          .println(
              "phrase check: "
                  + (matched != null ? matched + " (the recorded one)" : PhraseCheck.of(phrase)));
    }
  }

  /** Whether the phrase will be asked on the console (no source option given). */
  public boolean fromConsole() {
    return !stdin && env == null && fd == null;
  }

  /**
   * Reads the phrase from the chosen source; the caller wipes it.
   *
   * @throws ParameterException when the options conflict or there is no console to ask on
   * @throws CliException when the source gives no acceptable phrase
   */
  @SuppressWarnings("try") // the resource is held for the block, not used in it
  public char[] read(Io io) {
    int sources = (stdin ? 1 : 0) + (env != null ? 1 : 0) + (fd != null ? 1 : 0);
    if (sources > 1) {
      throw new ParameterException(
          mixee.commandLine(), "--phrase-stdin, --phrase-env and --phrase-fd exclude each other");
    }
    if (fd != null && (fd < 0 || fd == 1 || fd == 2)) {
      throw new ParameterException(
          mixee.commandLine(),
          "--phrase-fd takes an open descriptor to read from: 0 (standard input) or 3 and up");
    }
    if (confirm && !fromConsole()) {
      throw new ParameterException(
          mixee.commandLine(), "--confirm works only with the console prompt");
    }
    if (stdin) {
      if (io.stdinIsTerminal()) {
        throw CliException.usage(ECHOES.formatted("--phrase-stdin", "standard input"));
      }
      return PhraseReader.fromStream(io.in());
    }
    if (env != null) {
      return PhraseReader.fromEnvironment(io.env(), env);
    }
    if (fd != null) {
      return fromDescriptor(io, fd);
    }
    Console console = io.console().get();
    if (console != null) {
      try (WarmUp warmUp = warmUpAtPrompt ? WarmUp.start() : WarmUp.NONE) {
        return PhraseReader.fromConsole(console, confirm, PhraseReader.MASTER);
      } // the warm-up has stopped: the derivation that follows has every core
    }
    // standard output redirected (mint batch FILE > out): asked on the controlling terminal, as
    // ssh and sudo ask, when standard input is a terminal, so someone is there to type
    try (ControllingTerminal tty = io.stdinIsTerminal() ? ControllingTerminal.open() : null) {
      if (tty != null) {
        try (WarmUp warmUp = warmUpAtPrompt ? WarmUp.start() : WarmUp.NONE) {
          return PhraseReader.fromTerminal(tty, confirm, PhraseReader.MASTER);
        }
      }
    }
    throw new ParameterException(
        mixee.commandLine(),
        "no console to ask for the master phrase on (standard input must be a terminal); use "
            + "--phrase-stdin, --phrase-fd N or --phrase-env NAME");
  }

  /**
   * Why a terminal is refused as a phrase source: it echoes what is typed, and the prompt (which
   * turns the echo off, and back on at Ctrl-C) is the way to type a phrase.
   */
  static final String ECHOES =
      "%s: %s is a terminal, which would show the phrase as it is typed; leave out %1$s to be"
          + " asked without echo, or give the phrase through a pipe or a file";

  private static char[] fromDescriptor(Io io, int fd) {
    String source = "file descriptor " + fd;
    try (InputStream in = io.descriptors().open(fd)) {
      return PhraseReader.fromStream(in, source, "--phrase-fd");
    } catch (IOException e) {
      throw CliException.io(
          "--phrase-fd " + fd + ": cannot read " + source + " (" + IoErrors.describe(e) + ")");
    }
  }
}
