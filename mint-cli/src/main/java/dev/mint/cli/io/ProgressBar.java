package dev.mint.cli.io;

/** A one-line progress bar for a terminal, redrawn in place with a carriage return. */
public final class ProgressBar {
  static final int WIDTH = 30;

  private ProgressBar() {}

  /** For example {@code "\r[#######.......................] 2340/9360 rows 25%"}. */
  public static String render(long done, long total, String unit) {
    long filled = total == 0 ? WIDTH : done * WIDTH / total;
    long percent = total == 0 ? 100 : done * 100 / total;
    String digits = Long.toString(total);
    return "\r["
        + "#".repeat((int) filled)
        + ".".repeat(WIDTH - (int) filled)
        + "] "
        + String.format("%" + digits.length() + "d", done)
        + "/"
        + digits
        + " "
        + unit
        + " "
        + String.format("%3d%%", percent);
  }

  /** Blanks a line drawn by {@link #render} and returns to its start. */
  public static String clear(long total, String unit) {
    return "\r" + " ".repeat(render(total, total, unit).length() - 1) + "\r";
  }
}
