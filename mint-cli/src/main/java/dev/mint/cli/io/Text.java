package dev.mint.cli.io;

/** Text from files or the command line, made safe to show on a terminal. */
public final class Text {
  private Text() {}

  /** Control characters of a tampered file never reach the terminal as they are. */
  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c ->
                s.appendCodePoint(
                    Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
    return s.toString();
  }
}
