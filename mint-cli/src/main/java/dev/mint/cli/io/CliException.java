package dev.mint.cli.io;

/**
 * A failure the user can act on, with its exit status. The message is printed as one line after
 * {@code "mint: "}; it never contains the master phrase.
 */
public final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private CliException(int exitCode, String message) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  /** Input mint does not accept; {@code field} starts the message, as in mint-core. */
  public static CliException invalid(String field, String whatIsWrong) {
    return new CliException(ExitCodes.INVALID_INPUT, field + ": " + whatIsWrong);
  }

  /** Input mint does not accept, in a message of its own. */
  public static CliException invalidInput(String message) {
    return new CliException(ExitCodes.INVALID_INPUT, message);
  }

  /** The command line cannot be used as it is (exit 2); the message says what to do instead. */
  public static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }

  /** Reading or writing failed, or a file mint reads cannot be used (exit 4). */
  public static CliException io(String message) {
    return new CliException(ExitCodes.IO, message);
  }

  /** {@code --strict}: a password the site's known rules refuse is not printed (exit 7). */
  public static CliException notAccepted(String message) {
    return new CliException(ExitCodes.NOT_ACCEPTED, message);
  }

  /** The same failure, its message after {@code prefix} ({@code "--clip: "}). */
  public CliException withPrefix(String prefix) {
    return new CliException(exitCode, prefix + getMessage());
  }

  public int exitCode() {
    return exitCode;
  }
}
