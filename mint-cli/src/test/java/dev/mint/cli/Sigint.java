package dev.mint.cli;

/**
 * SIGINT for the children that Ctrl-C must end. A shell without job control starts a background
 * command ({@code nohup mvn verify &} in a script) with SIGINT ignored, every process below it
 * inherits that, and a JVM that starts with SIGINT ignored installs no handler of its own: the
 * tests that press Ctrl-C would then wait for an end that never comes. Those children start through
 * {@link #RESTORE}, which gives SIGINT its default disposition back before the JVM starts, so the
 * suite behaves the same from any shell.
 */
final class Sigint {
  private Sigint() {}

  /** The command prefix (GNU coreutils' env, 8.31 or later) that restores SIGINT's default. */
  static final String RESTORE = "env --default-signal=INT";
}
