package dev.mint.cli.command;

import dev.mint.Password;
import dev.mint.Pbkdf2Engine;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.BoundedLines;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ControllingTerminal;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.LineSource;
import dev.mint.cli.io.TerminalEcho;
import dev.mint.cli.options.Durations;
import dev.mint.cli.options.OutputMixin;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.options.RulesMixin;
import dev.mint.cli.options.SiteSettingsMixin;
import dev.mint.cli.output.PasswordSink;
import dev.mint.cli.phrase.HeldPhrase;
import java.io.Console;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mint session}: the phrase once, then a password for every site typed. */
@Command(
    name = "session",
    sortOptions = false,
    header = "Ask the master phrase once, then print a password for every site typed.",
    description = {
      "Asks for the master phrase (as derive does: the prompt, --phrase-stdin, --phrase-fd N or "
          + "--phrase-env NAME), then prompts 'site> '. Each line is a site, optionally followed by "
          + "derive's site options, for example 'github.com --length 20' or "
          + "'\"my bank\" --no-symbols'; mint prints that site's password on standard output "
          + "and prompts again. A line mint cannot use gets one error line on standard error, and "
          + "the session goes on.",
      "",
      SessionCommand.LINE_OPTIONS,
      "",
      "The session ends on an empty line, 'quit', end of input (Ctrl-D), after --idle without a "
          + "line, or on Ctrl-C. The phrase is kept only as the bytes PBKDF2 is given (never as "
          + "text) and wiped on every one of these ways out.",
      "",
      "After a phrase typed at the prompt, standard error gets its phrase check once (as derive "
          + "says it; not with --quiet), so a typo shows before the first site. When standard "
          + "input is a terminal but standard output is not (mint session > FILE), the phrase and "
          + "'site> ' are asked on the terminal (/dev/tty).",
      "",
      "Without a terminal on standard input, the lines are read from it and no prompt is shown, "
          + "so a session can be scripted (the phrase then comes from --phrase-fd, --phrase-env or the "
          + "first line of standard input with --phrase-stdin).",
      ""
    })
public final class SessionCommand extends StandardCommand implements Callable<Integer> {
  static final String PROMPT = "site> ";

  /** The description's paragraph of a line's options, written by {@link #describe}. */
  static final String LINE_OPTIONS = "Site options on a line";

  /**
   * Writes the paragraph {@link #LINE_OPTIONS} of the help from the settings table, so that a new
   * setting shows there as it shows in derive's options; picocli calls this when it builds the
   * model, before help, man page, completion or reference page read the description.
   */
  @Spec
  void describe(CommandSpec spec) {
    String[] description = spec.usageMessage().description();
    for (int i = 0; i < description.length; i++) {
      if (description[i].equals(LINE_OPTIONS)) {
        description[i] =
            LINE_OPTIONS
                + ": "
                + SiteSettingsMixin.synopsis()
                + ", and for the sites file --account NAME, --no-profile, --save (see "
                + "'mint derive --help'); --no-rules turns the site's known password rules off "
                + "for the line. A site with an entry in the sites file uses its settings, as "
                + "derive does. Quotes keep spaces in a word.";
      }
    }
    spec.usageMessage().description(description);
  }

  private final Io io;

  @Mixin PhraseMixin phraseOptions;

  @Mixin OutputMixin output;

  @Mixin RulesMixin rules;

  @Option(
      names = "--strict",
      description =
          "Do not print a password that breaks the site's known password rules (mint-only): "
              + "the line gets a 'mint:' line instead and the session goes on.")
  boolean strict;

  @Option(
      names = "--idle",
      paramLabel = "DURATION",
      defaultValue = "5m",
      converter = Durations.class,
      description =
          "End the session after this long without a line: 30s, 5m, 1h "
              + "(default: ${DEFAULT-VALUE}).")
  Duration idle;

  @Option(
      names = "--force",
      description =
          "Start even when the phrase's check differs from the one recorded in the "
              + "sites file (see: mint check --help).")
  boolean force;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Do not print the normalized site and revision (nor, with --clip, the \"copied\""
              + " line) on standard error. A stored entry that weakens the password (a length "
              + "below 16, a class turned off) is still said, as derive says it.")
  boolean quiet;

  public SessionCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws InterruptedException {
    Console console = io.console().get();
    PasswordSink sink = output.sink(io, quiet);
    try (HeldPhrase held = phraseOptions.hold(io, force, quiet, WIPE_THREAD, Pbkdf2Engine.fast())) {
      // standard output redirected, standard input a terminal: the prompt goes to the terminal
      tty = console == null && io.stdinIsTerminal() ? ControllingTerminal.open() : null;
      if (console != null || tty != null) {
        TerminalEcho.restoreForTypedLines(); // a site typed at 'site> ' shows, as any typed text
      }
      LineSource lines =
          console != null
              ? LineSource.console(console, PROMPT)
              : tty != null
                  ? LineSource.stream(io, () -> tty.write(PROMPT))
                  : LineSource.stream(io);
      prompting = console != null || tty != null;
      // Ctrl-C at 'site> ' ends the prompt's line, so the shell's prompt starts on a line of its
      // own
      Thread endLine = !prompting ? null : new Thread(this::endPromptLine, "mint-session-eol");
      if (endLine != null) {
        Runtime.getRuntime().addShutdownHook(endLine);
      }
      try {
        return loop(held, lines, sink);
      } finally {
        atPrompt = false;
        if (tty != null) {
          tty.close();
        }
        if (endLine != null) {
          try {
            Runtime.getRuntime().removeShutdownHook(endLine);
          } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs, and finds no prompt
          }
        }
      }
    }
  }

  /** The controlling terminal the prompt is shown on when standard output is not a terminal. */
  private ControllingTerminal tty;

  /** Whether lines come from the console, after a {@code site> } prompt. */
  private boolean prompting;

  /** Whether mint waits at the console's {@code site> } prompt (no line typed yet). */
  private volatile boolean atPrompt;

  private void endPromptLine() {
    if (atPrompt) {
      io.err().println();
      io.err().flush();
    }
  }

  /** The name of the shutdown hook's thread, so that a test can wait for it. */
  static final String WIPE_THREAD = "mint-session-wipe";

  private int loop(HeldPhrase held, LineSource lines, PasswordSink sink)
      throws InterruptedException {
    SiteLines parser = new SiteLines(io, true, rules, held.check());
    while (true) {
      String line;
      try {
        atPrompt = prompting;
        line = lines.next(idle.toNanos());
        atPrompt = false;
      } catch (LineSource.Idle e) {
        if (atPrompt) {
          io.err().println(); // the message starts on a line of its own, not after 'site> '
          atPrompt = false;
        }
        io.err()
            .println(
                "mint: no line for " + Durations.format(idle) + ": session ended, phrase wiped");
        return ExitCodes.OK;
      } catch (BoundedLines.LineTooLong e) {
        atPrompt = false;
        io.err().println("mint: the line is " + e.getMessage());
        continue;
      }
      if (line == null || line.isEmpty() || line.strip().equals("quit")) {
        return ExitCodes.OK;
      }
      if (line.isBlank()) {
        io.err().println("mint: a line of spaces names no site (an empty line ends the session)");
        continue;
      }
      SiteLines.Parsed parsed;
      try {
        parsed = parser.parse(line);
      } catch (SiteLines.BadLine e) {
        io.err().println("mint: " + e.getMessage());
        continue;
      }
      parsed.resolved().sameAsNote().ifPresent(io.err()::println); // even with --quiet
      String notice = parsed.resolved().notice(quiet); // a weakened entry shows even with -q
      if (notice != null) {
        io.err().println(notice);
      }
      try {
        sink.requireRoomFor(parsed.request().length());
      } catch (CliException e) {
        io.err().println("mint: " + e.getMessage()); // a narrower terminal: this line only
        continue;
      }
      // an entry this line creates stores the first version the site's rules accept
      SiteLines.Parsed[] stored = {parsed};
      SiteLines.Parsed line0 = parsed;
      try (Password derived = held.mint(parsed.request())) {
        Password password = derived; // after a version search, derived again
        try {
          if (!parsed.rulesOff()) {
            password =
                rules.check(
                    io,
                    "",
                    parsed.site(),
                    parsed.resolved(),
                    derived,
                    held::mint,
                    strict,
                    parser.createsEntry(parsed)
                        ? found -> stored[0] = line0.atVersion(found)
                        : null);
          }
        } catch (CliException e) {
          io.err().println("mint: " + e.getMessage()); // --strict refused this line's password
          continue;
        }
        try (Password shown = password) {
          sink.emit(shown);
        }
      }
      try {
        parser.saveIfAsked(stored[0], quiet);
      } catch (SiteLines.BadLine e) {
        io.err().println("mint: " + e.getMessage());
      }
    }
  }
}
