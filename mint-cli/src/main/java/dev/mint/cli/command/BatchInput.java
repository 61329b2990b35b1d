package dev.mint.cli.command;

import dev.mint.PhraseCheck;
import dev.mint.cli.io.BoundedLines;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.options.RulesMixin;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.store.SitesFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mint batch}'s input: the lines of FILE, of standard input or of the sites file's entries,
 * parsed into the rows to derive. A line mint cannot use is said on standard error with its number
 * and leaves the others standing.
 */
final class BatchInput {
  /** A line of input that makes a site; {@code where} is {@code line 3} or {@code entry 3}. */
  record Entry(String where, SiteLines.Parsed parsed) {}

  private final List<Entry> entries;
  private final boolean failed;

  private BatchInput(List<Entry> entries, boolean failed) {
    this.entries = entries;
    this.failed = failed;
  }

  /** The rows to derive, in input order. */
  List<Entry> entries() {
    return entries;
  }

  /** Whether a line was refused (said on standard error). */
  boolean failed() {
    return failed;
  }

  /**
   * Parses {@code lines} (a null line was over {@link BoundedLines#MAX_LINE_CHARS}), skipping blank
   * lines and comments; each refused line and each stored entry that weakens its password is said
   * on {@code io}'s standard error after {@code mint: } and {@code where} with the line's number.
   */
  static BatchInput parse(
      Io io, RulesMixin rules, List<String> lines, String where, PhraseCheck phraseCheck) {
    boolean failed = false;
    List<Entry> entries = new ArrayList<>();
    SiteLines parser = new SiteLines(io, false, rules, phraseCheck);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line == null) { // over BoundedLines.MAX_LINE_CHARS: refused, its text not kept
        io.err()
            .println(
                "mint: "
                    + where
                    + (i + 1)
                    + ": longer than "
                    + BoundedLines.MAX_LINE_CHARS
                    + " characters (not shown)");
        failed = true;
        continue;
      }
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      try {
        SiteLines.Parsed parsed = parser.parse(line);
        entries.add(new Entry(where + (i + 1), parsed));
        String weakening = parsed.resolved().weakening(); // C15: never unseen, not in batch
        if (weakening != null) {
          io.err().println("mint: " + where + (i + 1) + ": " + weakening);
        }
      } catch (SiteLines.BadLine e) {
        io.err().println("mint: " + where + (i + 1) + ": " + e.getMessage());
        failed = true;
      }
    }
    return new BatchInput(List.copyOf(entries), failed);
  }

  /** Lines for every entry of the sites file: its site and, if it has one, its account. */
  static List<String> storedSites(Io io) {
    SitesFile sites = SitesFile.of(io);
    if (!sites.exists()) {
      throw CliException.io(sites.name() + ": no sites file (see 'mint site set --help')");
    }
    List<String> lines = new ArrayList<>();
    for (SiteEntry entry : sites.read().entries()) {
      lines.add(SiteLines.lineFor(entry));
    }
    return lines;
  }

  /** FILE's lines, within {@link BoundedLines}' limits (a device or named pipe is refused). */
  static List<String> readFile(Path path) {
    return BoundedLines.ofFile(path);
  }

  static List<String> readStdin(Io io) {
    return BoundedLines.read(io.in(), "standard input");
  }
}
