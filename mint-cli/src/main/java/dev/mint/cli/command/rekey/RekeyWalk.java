package dev.mint.cli.command.rekey;

import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.TerminalEcho;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.NewPhraseMixin;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.output.ClipboardSink;
import dev.mint.cli.output.ErasableLines;
import dev.mint.cli.output.PasswordSink;
import dev.mint.cli.phrase.HeldPhrase;
import dev.mint.cli.rules.SiteFacts;
import dev.mint.cli.sites.model.SiteEntry;
import java.io.Console;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The interactive {@code mint rekey}: the sites not yet moved to the new phrase, one after another,
 * each with where to change its password, the current password (for the form's "current password"
 * field) and the new one, then the question whether it was changed: done (the entry is stored as
 * moved at once, under the sites file's lock), skip for now, or stop.
 *
 * <p>No password stays in the terminal's scrollback: with a clipboard, the current password goes
 * there first and the new one after Enter, and neither is written to the terminal; without one,
 * both are shown on two lines that are erased once the question is answered, or on Ctrl-C ({@link
 * ErasableLines}). The file changes only as the script form changes it (the version chosen for a
 * site's new password, as {@code rekey show} records it, and a site answered done, as {@code rekey
 * done} stores it), each a whole write under the file's lock, so the walk can end anywhere (Ctrl-C,
 * a kill, a crash) and {@code mint rekey status} still says the truth; {@code mint rekey} again
 * goes on with the sites left.
 *
 * <p>Both phrases are held only as hardened bytes ({@link HeldPhrase}), wiped when the walk ends
 * and by a shutdown hook on Ctrl-C or a kill; each of a site's two passwords is derived only to be
 * shown and wiped at once.
 */
public final class RekeyWalk {
  /** What the user answered for one site. */
  enum Answer {
    DONE,
    SKIP,
    STOP
  }

  /** The question asked once a site's passwords are shown. */
  static final String QUESTION = "changed on the site? d = done, s = skip for now, q = stop: ";

  private final Io io;
  private final Rekeying rekeying;
  private final Supplier<String> readLine;
  private final int columns;
  private final PasswordSink clipboard;

  private RekeyWalk(
      Io io, Rekeying rekeying, Supplier<String> readLine, int columns, PasswordSink clipboard) {
    this.io = io;
    this.rekeying = rekeying;
    this.readLine = readLine;
    this.columns = columns;
    this.clipboard = clipboard;
  }

  /**
   * {@code mint rekey} without a subcommand: refuses without a console (exit 2: the script form is
   * for that) or without a rotation under way (exit 3), asks both phrases (each checked: the
   * current one against the recorded check, the new one against the rotation's), then walks the
   * sites not moved.
   */
  public static int walk(
      Io io, PhraseMixin phraseOptions, NewPhraseMixin newPhrase, boolean quiet) {
    Console console = io.console().get();
    if (console == null) {
      throw CliException.usage(
          "'mint rekey' walks the sites on a terminal, and standard input or output is not one;"
              + " a script moves a site with 'mint rekey show SITE' and 'mint rekey done SITE'");
    }
    Rekeying rekeying = Rekeying.open(io);
    int moved = rekeying.moved().size();
    List<SiteEntry> toMove = rekeying.toMove();
    if (toMove.isEmpty()) {
      io.err().println(allMoved(moved));
      return ExitCodes.OK;
    }
    // the clipboard is found (or not) before any phrase is asked, as every sink is
    PasswordSink clipboard = clipboardOrNone(io);
    try (RotationKeys keys = RotationKeys.read(io, rekeying, phraseOptions, newPhrase, quiet)) {
      TerminalEcho.restoreForTypedLines(); // the answers typed show, as any typed text
      RekeyWalk walk =
          new RekeyWalk(io, rekeying, console::readLine, io.stdoutColumns(), clipboard);
      return walk.run(toMove, keys.current(), keys.next(), moved);
    }
  }

  /**
   * The clipboard of {@code io}'s environment, the delay from {@code MINT_CLIP_SECONDS} (else 45
   * s); null when there is none (the passwords are then shown and erased).
   */
  static PasswordSink clipboardOrNone(Io io) {
    String env = io.env().apply("MINT_CLIP_SECONDS");
    int seconds =
        env != null && env.strip().matches("[0-9]{1,4}") && Integer.parseInt(env.strip()) >= 1
            ? Math.min(3600, Integer.parseInt(env.strip()))
            : 45;
    try {
      return new ClipboardSink(io, seconds, true);
    } catch (CliException none) {
      return null;
    }
  }

  private static String allMoved(int moved) {
    return "every site is moved ("
        + moved
        + "): 'mint rekey finish' makes the new phrase the recorded one";
  }

  /** Walks {@code sites}, of which none is moved yet; {@code moved} others are. */
  private int run(List<SiteEntry> sites, HeldPhrase current, HeldPhrase next, int moved) {
    int total = moved + sites.size();
    int done = moved;
    for (int i = 0; i < sites.size(); i++) {
      SiteEntry site = sites.get(i);
      String label = Text.printable(site.label());
      io.err().println();
      io.err()
          .println(
              "["
                  + (i + 1)
                  + "/"
                  + sites.size()
                  + "] "
                  + label
                  + " ("
                  + done
                  + " of "
                  + total
                  + " moved)");
      io.err().flush();
      // the search's lines, if any, come before the walk's own rows
      MintRequest newSettings = rekeying.newSettings(site, current, next, label + ": ");
      SiteFacts.of(site.site())
          .changePasswordUrl()
          .ifPresent(url -> io.err().println("change it at: " + Text.printable(url)));
      io.err().flush();
      Answer answer = visit(site.settings(), current, newSettings, next);
      if (answer == Answer.STOP) {
        io.err().println(label + ": not moved; stopped");
        break;
      }
      if (answer == Answer.DONE) {
        rekeying.done(site);
        done++;
        io.err().println(label + ": moved to the new phrase (" + done + " of " + total + ")");
      } else {
        io.err().println(label + ": skipped for now, still on the current phrase");
      }
    }
    io.err()
        .println(
            done == total
                ? allMoved(done)
                : done
                    + " of "
                    + total
                    + " sites moved; 'mint rekey' goes on with the others, 'mint rekey status'"
                    + " lists them");
    io.err().flush();
    return ExitCodes.OK;
  }

  /**
   * Shows one site's two passwords and asks what became of them; everything shown is erased before
   * this returns, and on Ctrl-C while it is shown. Each password is derived only to be shown (on
   * the screen or the clipboard) and wiped at once, before the next derivation and before any
   * answer is read: a collection while one is held would copy it where no wipe reaches (R27), and
   * Ctrl-C would leave it in the heap.
   */
  private Answer visit(
      MintRequest currentSettings, HeldPhrase current, MintRequest newSettings, HeldPhrase next) {
    try (ErasableLines lines = new ErasableLines(io, columns)) {
      if (clipboard != null) {
        try (Password password = current.mint(currentSettings)) {
          clipboard.emit(password);
        }
        lines.prompt(
            "current password: on the clipboard, for the form's current password field;"
                + " Enter for the new one ");
        String enter = readLine.get();
        lines.answered(enter);
        if (enter == null) {
          return Answer.STOP;
        }
        try (Password password = next.mint(newSettings)) {
          clipboard.emit(password);
        }
        lines.text("new password: on the clipboard");
      } else {
        try (Password password = current.mint(currentSettings)) {
          lines.secret("current password: ", password);
        }
        try (Password password = next.mint(newSettings)) {
          lines.secret("new password:     ", password);
        }
      }
      while (true) {
        lines.prompt(QUESTION);
        String line = readLine.get();
        lines.answered(line);
        Answer answer = parse(line);
        if (answer != null) {
          return answer;
        }
      }
    }
  }

  /** The answer a typed line gives; null for one that is none (asked again). */
  static Answer parse(String line) {
    if (line == null) {
      return Answer.STOP; // end of input (Ctrl-D)
    }
    return switch (line.strip().toLowerCase(Locale.ROOT)) {
      case "d", "done", "y", "yes" -> Answer.DONE;
      case "s", "skip" -> Answer.SKIP;
      case "q", "quit", "stop" -> Answer.STOP;
      default -> null;
    };
  }
}
