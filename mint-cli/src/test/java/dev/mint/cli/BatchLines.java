package dev.mint.cli;

import dev.mint.vectors.VectorRow;
import java.util.ArrayList;
import java.util.List;

/** Upstream e2e rows as lines of {@code mint batch} / {@code mint session}. */
final class BatchLines {
  private BatchLines() {}

  /**
   * Whether a line can carry the row: what CliRows asks of any row, and a site without a line break
   * (a quoted word keeps tabs and every other space).
   */
  static boolean expressible(VectorRow row) {
    String site = row.input().site();
    return CliRows.expressible(row) && site.indexOf('\n') < 0 && site.indexOf('\r') < 0;
  }

  /** The row's site, single-quoted, and derive's options for the rest of it. */
  static String line(VectorRow row) {
    List<String> args = new ArrayList<>(CliRows.deriveArgs(row));
    args.remove(0); // --phrase-stdin: batch reads the phrase once
    args.remove("--");
    args.remove(args.size() - 1); // the site, put first below
    StringBuilder line = new StringBuilder(quote(row.input().site()));
    for (String arg : args) {
      line.append(' ').append(quote(arg));
    }
    return line.toString();
  }

  /** A word of SiteLines: single quotes keep everything but a single quote, written '\''. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
