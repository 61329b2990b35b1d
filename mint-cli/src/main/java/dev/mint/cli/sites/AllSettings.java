package dev.mint.cli.sites;

import dev.mint.MintRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SettingRow#ALL}, the table, says of every setting of a request at once: the {@code
 * old -> new} changes, whether any is weaker, {@code site show}'s lines, the non-default labels,
 * the equivalent command line, and a copy of them all. Each goes through the rows in the table's
 * order.
 */
public final class AllSettings {
  private AllSettings() {}

  /**
   * Every setting that differs between {@code before} and {@code after}, in the table's order:
   * {@code length 16 -> 12, symbols -> no symbols}; empty when none does.
   */
  public static List<String> changes(MintRequest before, MintRequest after) {
    List<String> parts = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (!Objects.equals(setting.get(before), setting.get(after))) {
        parts.add(setting.change(before, after));
      }
    }
    return parts;
  }

  /** Whether any setting of {@code request} is weaker than the same setting of {@code than}. */
  public static boolean anyWeakerThan(MintRequest request, MintRequest than) {
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (setting.weakerThan(request, than)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code site show}'s lines of the settings of {@code request}, in the table's order, each {@code
   * field} padded to 12 columns: {@code length 20}; the character classes in one line, {@code
   * classes upper, lower, digits (no symbols)}.
   */
  public static List<String> shownLines(MintRequest request) {
    List<String> lines = new ArrayList<>();
    List<String> on = new ArrayList<>();
    List<String> off = new ArrayList<>();
    int classesLine = -1;
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (setting.shownAsClass()) {
        (Boolean.TRUE.equals(setting.get(request)) ? on : off).add(setting.shownValue(request));
        classesLine = classesLine < 0 ? lines.size() : classesLine;
        if (classesLine == lines.size()) {
          lines.add(null); // filled in once every class is known
        }
      } else {
        lines.add(shownLine(setting.shownAs(), setting.shownValue(request)));
      }
    }
    if (classesLine >= 0) {
      lines.set(
          classesLine,
          shownLine(
              SettingRow.CLASSES_SHOWN,
              String.join(", ", on)
                  + (off.isEmpty() ? "" : " (no " + String.join(", no ", off) + ")")));
    }
    return lines;
  }

  private static String shownLine(String field, String value) {
    return String.format("%-12s%s", field, value);
  }

  /**
   * The settings of {@code request} that differ from the page's defaults, always with the revision
   * first: {@code revision r3, version 3, length 20, no symbols}.
   */
  public static String nonDefaults(MintRequest request) {
    List<String> parts = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (setting == SettingRow.REVISION || !setting.isDefault(request)) {
        parts.add(setting.label(request));
      }
    }
    return String.join(", ", parts);
  }

  /**
   * The {@code mint derive} arguments that give {@code request}'s settings without the sites file:
   * the revision always, the other settings when they differ from the page's defaults.
   */
  public static List<String> commandLine(MintRequest request) {
    List<String> args = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (setting == SettingRow.REVISION || !setting.isDefault(request)) {
        args.addAll(setting.arguments(request));
      }
    }
    return args;
  }

  /** {@code builder} with every setting of {@code from} set on it (the site is not a setting). */
  public static MintRequest.Builder copyAll(MintRequest from, MintRequest.Builder builder) {
    for (SettingRow<?> setting : SettingRow.ALL) {
      setting.copy(from, builder);
    }
    return builder;
  }
}
