package dev.mint.cli.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/** The exit status of every mint command. Shown in {@code --help} and in docs/guide/scripts.md. */
public final class ExitCodes {
  /** Done: the password, the normalized site or a clean verification report was printed. */
  public static final int OK = 0;

  /** {@code mint verify}: at least one row did not pass. */
  public static final int VERIFICATION_FAILED = 1;

  /**
   * The command line cannot be used: unknown option, missing SITE, an option value of the wrong
   * kind.
   */
  public static final int USAGE = 2;

  /**
   * mint does not accept the input: blank site, version, length, classes, blank or too long phrase;
   * a value typed for the sites file it refuses; no entry of the sites file for the site given.
   */
  public static final int INVALID_INPUT = 3;

  /**
   * Reading or writing failed: a missing or malformed file, an empty standard input, a closed pipe;
   * and anything wrong with the sites file (writable by others, malformed, unknown format, a bad
   * value in it): the file is what must be fixed.
   */
  public static final int IO = 4;

  /** A bug in mint; please report it. */
  public static final int INTERNAL = 5;

  /**
   * The JVM ran out of memory (or stack) on an input too large for it; mint stops, one line on
   * standard error, no stack trace. Inputs strangers control are bounded well below the default
   * heap, so this means an input mint does not bound yet or a heap made very small.
   */
  public static final int OUT_OF_MEMORY = 6;

  /**
   * {@code --strict} (mint-only): the derived password breaks the site's known password rules, so
   * it is not printed.
   */
  public static final int NOT_ACCEPTED = 7;

  private ExitCodes() {}

  /** The table for {@code --help}, in order. */
  public static Map<String, String> helpTable() {
    return helpTable(true);
  }

  /**
   * The table for {@code --help}, in order; with {@code verification} false, without {@link
   * #VERIFICATION_FAILED}, for the commands that never exit with it.
   */
  public static Map<String, String> helpTable(boolean verification) {
    return helpTable(code -> verification || code != VERIFICATION_FAILED);
  }

  /**
   * The table for {@code --help}, in order, of the codes a command can return ({@code returns}):
   * {@link #VERIFICATION_FAILED} and {@link #NOT_ACCEPTED} belong to a few commands only.
   */
  public static Map<String, String> helpTable(IntPredicate returns) {
    Map<String, String> table = new LinkedHashMap<>();
    put(table, returns, OK, "success");
    put(table, returns, VERIFICATION_FAILED, "verify: at least one row failed");
    put(
        table,
        returns,
        USAGE,
        "usage error (unknown option or command, missing SITE, bad option value)");
    put(table, returns, INVALID_INPUT, "invalid input (site, version, length, classes, phrase)");
    put(
        table,
        returns,
        IO,
        "I/O error (unreadable or malformed file, sites file refused, empty stdin,"
            + " closed output)");
    put(table, returns, INTERNAL, "internal error (a bug in mint)");
    put(table, returns, OUT_OF_MEMORY, "out of memory (an input too large for mint)");
    put(table, returns, NOT_ACCEPTED, "--strict: the password breaks the site's known rules");
    return table;
  }

  private static void put(
      Map<String, String> table, IntPredicate returns, int code, String meaning) {
    if (returns.test(code)) {
      table.put(" " + code, meaning);
    }
  }
}
