package dev.mint.cli.command.rekey;

import dev.mint.Password;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.output.ClipboardSink;
import dev.mint.cli.output.ErasableLines;
import dev.mint.cli.output.PasswordSink;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * ErasableLines}). Nothing is stored but a "done", each one a whole write of the file, so the walk
 * can end anywhere (Ctrl-C, a kill, a crash) and {@code mint rekey status} still says the truth;
 * {@code mint rekey} again goes on with the sites left.
 *
 * <p>A site's two passwords are derived when its turn comes and closed (wiped) once its question is
 * answered; the two keys belong to the caller, which holds them as hardened bytes only and wipes
 * them on every way out.
 */
public final class RekeyWalk {
  /** A site to move, as the walk sees it; the rotation's own code makes these. */
  public interface Site {
    /** The site, and its account when it has one, as the walk names it (printable text). */
    String label();

    /** The site's change-password page, when mint knows one. */
    Optional<String> changeUrl();

    /** The site's password with the current phrase, which the caller closes. */
    Password current();

    /**
     * The site's new password with the new phrase (the version the site's rules accept, found by
     * derive's search), which the caller closes; the settings that made it are those {@link
     * #done()} stores.
     */
    Password next();

    /** Stores the entry as moved to the new phrase, with the settings {@link #next()} used. */
    void done();
  }

  /** What the user answered for one site. */
  enum Answer {
    DONE,
    SKIP,
    STOP
  }

  /** The question asked once a site's passwords are shown. */
  static final String QUESTION = "changed on the site? d = done, s = skip for now, q = stop: ";

  private final Io io;
  private final Supplier<String> readLine;
  private final int columns;
  private final PasswordSink clipboard;

  /**
   * A walk on the terminal of {@code io}, reading answers with {@code readLine} (the console's:
   * null at the end of input), {@code columns} wide (0 when unknown), with the clipboard when
   * {@code clipboard} is not null.
   */
  public RekeyWalk(Io io, Supplier<String> readLine, int columns, PasswordSink clipboard) {
    this.io = io;
    this.readLine = readLine;
    this.columns = columns;
    this.clipboard = clipboard;
  }

  /**
   * The clipboard of {@code io}'s environment, the delay from {@code MINT_CLIP_SECONDS} (else 45
   * s); null when there is none (the passwords are then shown and erased).
   */
  public static PasswordSink clipboardOrNone(Io io) {
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

  /**
   * Walks {@code sites} (the ones not moved, in the file's order), of which {@code moved} of {@code
   * total} are moved already; returns the exit status: 0 when the user stopped or every site was
   * visited.
   */
  public int run(List<? extends Site> sites, int moved, int total) {
    int done = moved;
    int skipped = 0;
    for (int i = 0; i < sites.size(); i++) {
      Site site = sites.get(i);
      io.err().println();
      io.err()
          .println(
              "["
                  + (i + 1)
                  + "/"
                  + sites.size()
                  + "] "
                  + Text.printable(site.label())
                  + " ("
                  + done
                  + " of "
                  + total
                  + " moved)");
      site.changeUrl().ifPresent(url -> io.err().println("change it at: " + Text.printable(url)));
      io.err().flush();
      Answer answer = visit(site);
      if (answer == Answer.STOP) {
        io.err().println(Text.printable(site.label()) + ": not moved; stopped");
        break;
      }
      if (answer == Answer.DONE) {
        site.done();
        done++;
        io.err()
            .println(
                Text.printable(site.label())
                    + ": moved to the new phrase ("
                    + done
                    + " of "
                    + total
                    + ")");
      } else {
        skipped++;
        io.err()
            .println(
                Text.printable(site.label()) + ": skipped for now, still on the current phrase");
      }
    }
    io.err()
        .println(
            done
                + " of "
                + total
                + " sites moved"
                + (done == total
                    ? "; 'mint rekey finish' makes the new phrase the recorded one"
                    : "; 'mint rekey' goes on with the others, 'mint rekey status' lists them"));
    io.err().flush();
    return ExitCodes.OK;
  }

  /** Shows one site's two passwords and asks; everything shown is erased before this returns. */
  private Answer visit(Site site) {
    // both derived before anything is shown: a version search's lines on standard error come
    // before the rows counted for erasing, never between them
    try (Password current = site.current();
        Password next = site.next();
        ErasableLines lines = new ErasableLines(io, columns)) {
      if (clipboard != null) {
        clipboard.emit(current);
        lines.prompt(
            "current password: on the clipboard, for the form's current password field;"
                + " Enter for the new one ");
        String enter = readLine.get();
        lines.answered(enter);
        if (enter == null) {
          return Answer.STOP;
        }
        clipboard.emit(next);
        lines.text("new password: on the clipboard");
      } else {
        lines.secret("current password: ", current);
        lines.secret("new password:     ", next);
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
