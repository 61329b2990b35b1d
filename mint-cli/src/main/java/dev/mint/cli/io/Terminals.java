package dev.mint.cli.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream goes to a terminal. */
final class Terminals {
  private Terminals() {}

  /**
   * Whether file descriptor {@code fd} (1 for standard output, 2 for standard error) is a terminal.
   * Java has no isatty; on Linux the answer is where {@code /proc/self/fd/N} points (a {@code
   * /dev/pts/N} or {@code /dev/ttyN} device). Where there is no {@code /proc}, the console's
   * presence stands in for it (Java's console needs standard input and output to be terminals,
   * which is usually also true of standard error).
   */
  static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    if (Files.isSymbolicLink(link)) {
      try {
        return isTerminalDevice(Files.readSymbolicLink(link).toString());
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/")
        || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }
}
