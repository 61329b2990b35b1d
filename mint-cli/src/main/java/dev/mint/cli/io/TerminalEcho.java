package dev.mint.cli.io;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The terminal's echo, which both launchers turn off before they start the JVM when standard input
 * is a terminal (a phrase typed before {@code Master phrase:} shows must not stand on the screen),
 * and turn back on when they end; they say so with {@code -Dmint.launcher.echoOff=true}. Java's
 * prompt leaves the echo as it found it, off: where a person then types lines that should show (the
 * {@code site> } prompt of {@code mint session}), mint turns it back on with {@code stty echo} on
 * its standard input, since Java has no call for it.
 */
public final class TerminalEcho {
  /** The system property by which a launcher says it turned the echo off. */
  public static final String LAUNCHER_PROPERTY = "mint.launcher.echoOff";

  private static final AtomicBoolean RESTORED = new AtomicBoolean();

  private TerminalEcho() {}

  /**
   * Turns the echo of the terminal on standard input back on, if a launcher turned it off; at most
   * once. Best effort: when it cannot, the launcher still turns it on when mint ends.
   */
  public static void restoreForTypedLines() {
    if (!Boolean.getBoolean(LAUNCHER_PROPERTY) || !RESTORED.compareAndSet(false, true)) {
      return;
    }
    try {
      Stty.run(ProcessBuilder.Redirect.INHERIT, "echo");
    } catch (IOException e) {
      // the launcher turns the echo on when mint ends
    }
  }
}
