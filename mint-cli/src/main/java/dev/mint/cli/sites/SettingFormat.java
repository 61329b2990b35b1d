package dev.mint.cli.sites;

/**
 * How each {@link SettingRow} row is held in an entry of the sites file, for the format ({@code
 * sites.format}), which lives in a package of its own: the row's kind of JSON value, whether the
 * field may be left out, and its text functions. The rows keep these package-private; this is their
 * one public view.
 */
public final class SettingFormat {
  /** The JSON value a setting is held as. */
  public enum Kind {
    /** A JSON string, parsed into the value (and written back) with the row's text functions. */
    TEXT,
    /** A JSON whole number. */
    WHOLE,
    /** JSON true or false. */
    FLAG
  }

  private SettingFormat() {}

  public static Kind kind(SettingRow<?> setting) {
    return switch (setting.json()) {
      case TEXT -> Kind.TEXT;
      case WHOLE -> Kind.WHOLE;
      case FLAG -> Kind.FLAG;
    };
  }

  /** Whether an entry without the field has the page's default for it. */
  public static boolean optionalInFile(SettingRow<?> setting) {
    return setting.optionalInFile();
  }

  /** The page's default. */
  public static <T> T pageDefault(SettingRow<T> setting) {
    return setting.pageDefault();
  }

  /** The text of a JSON string field as the value ({@code "r3"}); may throw mint-core's error. */
  public static <T> T parse(SettingRow<T> setting, String text) {
    return setting.parse(text);
  }

  /** The value as the text the file holds ({@code r3}). */
  public static <T> String format(SettingRow<T> setting, T value) {
    return setting.format(value);
  }
}
