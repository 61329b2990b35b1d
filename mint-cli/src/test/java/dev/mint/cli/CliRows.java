package dev.mint.cli;

import dev.mint.cli.phrase.PhraseReader;
import dev.mint.vectors.VectorCheck;
import dev.mint.vectors.VectorFiles;
import dev.mint.vectors.VectorRow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream e2e rows the command line can be given as they are: the phrase fits on one line of
 * UTF-8, and the site and version can travel as program arguments (no lone surrogates, no NUL, no
 * U+FFFD). "Accepted" rows are those the page and the port both accept; the others the page
 * refused, or lie outside what the port accepts by design.
 */
final class CliRows {
  private CliRows() {}

  static Path upstreamDir() {
    String dir = System.getProperty("mint.vectors.upstream");
    return Path.of(dir == null || dir.isBlank() ? "../test-vectors/upstream" : dir);
  }

  /** The first {@code limit} accepted e2e rows of {@code revision} (all when negative). */
  static List<VectorRow> e2eRows(String revision, int limit) throws Exception {
    return e2eRows(revision, limit, true);
  }

  /**
   * The first {@code limit} expressible e2e rows of {@code revision} (all when negative) that the
   * port accepts ({@code accepted}) or must refuse.
   */
  static List<VectorRow> e2eRows(String revision, int limit, boolean accepted) throws Exception {
    List<VectorRow> rows = new ArrayList<>();
    for (VectorRow row : VectorFiles.read(upstreamDir().resolve(revision + "-e2e.jsonl"))) {
      if (limit >= 0 && rows.size() == limit) {
        break;
      }
      if (expressible(row) && accepted(row) == accepted) {
        rows.add(row);
      }
    }
    if (rows.isEmpty()) {
      throw new AssertionError("no such e2e row for " + revision);
    }
    return rows;
  }

  /** Whether the page accepted the row and the port accepts it too. */
  static boolean accepted(VectorRow row) {
    return row.error() == null && !VectorCheck.outsidePortDomain(row.input());
  }

  static boolean expressible(VectorRow row) {
    VectorRow.Input in = row.input();
    return wellFormed(in.phrase())
        && in.phrase().indexOf('\n') < 0
        && !in.phrase().endsWith("\r")
        && in.phrase().getBytes(StandardCharsets.UTF_8).length <= PhraseReader.MAX_STDIN_BYTES
        && argumentSafe(in.site())
        && argumentSafe(in.version());
  }

  private static boolean argumentSafe(String s) {
    return wellFormed(s) && s.indexOf('\0') < 0 && s.indexOf('\uFFFD') < 0;
  }

  /** No lone surrogate (those have no UTF-8 form). */
  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** The derive arguments that reproduce the row, phrase from standard input. */
  static List<String> deriveArgs(VectorRow row) {
    VectorRow.Input in = row.input();
    List<String> args = new ArrayList<>();
    args.add("--phrase-stdin");
    args.add("--revision=" + row.revision());
    args.add("--level=" + in.level());
    args.add("--length=" + in.length());
    args.add("--site-version=" + in.version());
    if (!in.upper()) {
      args.add("--no-upper");
    }
    if (!in.lower()) {
      args.add("--no-lower");
    }
    if (!in.digits()) {
      args.add("--no-digits");
    }
    if (!in.symbols()) {
      args.add("--no-symbols");
    }
    if (!in.excludeAmbiguous()) {
      args.add("--allow-ambiguous");
    }
    args.add("--"); // a site may start with '-'
    args.add(in.site());
    return args;
  }

  /** The phrase as one line on standard input. */
  static byte[] stdin(VectorRow row) {
    return (row.input().phrase() + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
