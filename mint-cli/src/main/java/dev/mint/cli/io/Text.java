package dev.mint.cli.io;

import java.util.List;
import java.util.regex.Pattern;

/** Text from files or the command line, made safe to show on a terminal and to paste. */
public final class Text {
  /**
   * Words a POSIX shell (bash, zsh, dash) takes as they are: nothing it expands, splits or quotes.
   * Not {@code =} first: zsh expands {@code =name} to a command's path.
   */
  private static final Pattern SHELL_SAFE =
      Pattern.compile("[A-Za-z0-9@%+:,./_-][A-Za-z0-9@%+=:,./_-]*");

  private Text() {}

  /**
   * Control characters of a tampered file never reach the terminal as they are, nor Unicode format
   * characters (general category Cf: the bidi overrides and isolates such as U+202E, zero-width
   * characters), which can make text read otherwise than it is: each becomes {@code ?}.
   */
  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints().forEach(c -> s.appendCodePoint(shown(c) ? c : '?'));
    return s.toString();
  }

  private static boolean shown(int c) {
    return !Character.isISOControl(c)
        && c != 0x2028
        && c != 0x2029
        && Character.getType(c) != Character.FORMAT;
  }

  /**
   * Whether {@code text} holds a control character ({@link Character#isISOControl}: C0, DEL, C1),
   * which no stored site or account may hold.
   */
  public static boolean hasControl(String text) {
    return text != null && text.codePoints().anyMatch(Character::isISOControl);
  }

  /**
   * {@code word} as one word of a command printed for copying: as it is when a shell takes it as it
   * is, else in single quotes (a single quote written {@code '\''}), then {@link #printable}. A
   * word with a character {@code printable} replaces is always quoted, so the {@code ?} is no
   * pattern.
   */
  public static String shellWord(String word) {
    String quoted =
        SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    return printable(quoted);
  }

  /** A command printed for copying: every word {@link #shellWord quoted}, joined by spaces. */
  public static String command(List<String> words) {
    StringBuilder line = new StringBuilder();
    for (String word : words) {
      line.append(line.length() == 0 ? "" : " ").append(shellWord(word));
    }
    return line.toString();
  }

  /** As {@link #command(List)}. */
  public static String command(String... words) {
    return command(List.of(words));
  }
}
