package dev.mint.cli.sites;

/**
 * A sites file, an entry or a value for it that mint cannot use. The message is one line for the
 * user (printed after {@code "mint: "}), never holding a phrase; {@link #kind} says which class of
 * exit status it is, which {@code MintCli} maps to the documented exit code, in one place.
 */
public final class SitesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What the user must fix. */
  public enum Kind {
    /** The command line: several entries match and nothing chooses between them. */
    USAGE,
    /** A value typed: no entry for the site given, a label refused. */
    INVALID_INPUT,
    /** The file: unreadable, malformed, writable by others, or it cannot be written. */
    FILE
  }

  private final Kind kind;

  private SitesException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  /** What must be fixed. */
  public Kind kind() {
    return kind;
  }

  /** The same failure with {@code more} after its message. */
  public SitesException withMore(String more) {
    return new SitesException(kind, getMessage() + more);
  }

  public static SitesException usage(String message) {
    return new SitesException(Kind.USAGE, message);
  }

  /** A value mint does not take; {@code field} starts the message, as in mint-core. */
  public static SitesException invalid(String field, String whatIsWrong) {
    return new SitesException(Kind.INVALID_INPUT, field + ": " + whatIsWrong);
  }

  public static SitesException file(String message) {
    return new SitesException(Kind.FILE, message);
  }
}
