package dev.mint.cli.options;

import dev.mint.Level;
import dev.mint.Revision;
import dev.mint.cli.sites.SettingRow;
import dev.mint.cli.sites.TypedSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The site settings every command that mints takes: one option per row of {@link SettingRow#ALL}
 * (version, length, character classes, exclude-ambiguous, level and revision), made from the table
 * rather than declared again here. A command holds it as a picocli mixin:
 *
 * <pre>{@code @Mixin CommandSpec siteOptions = SiteSettingsMixin.create();}</pre>
 *
 * <p>Each option's value is null when it is not on the command line, so {@link #typed} gives only
 * what was typed, to be laid over other settings (the page's defaults, or a stored profile).
 */
public final class SiteSettingsMixin {
  private SiteSettingsMixin() {}

  /** The options, for a command's {@code @Mixin} field; the revision's option comes last. */
  public static CommandSpec create() {
    CommandSpec mixin = CommandSpec.create();
    for (SettingRow<?> setting : order()) {
      mixin.addOption(option(setting));
    }
    return mixin;
  }

  /** The options in the help's order, as they are written: {@code --length N, --[no-]upper}. */
  public static String synopsis() {
    List<String> options = new ArrayList<>();
    for (SettingRow<?> setting : order()) {
      options.add(
          setting.paramLabel() == null
              ? "--[no-]" + setting.option().substring(2)
              : setting.option() + " " + setting.paramLabel());
    }
    return String.join(", ", options);
  }

  private static List<SettingRow<?>> order() {
    List<SettingRow<?>> order = new ArrayList<>(SettingRow.ALL);
    order.remove(SettingRow.REVISION);
    order.add(SettingRow.REVISION); // its place in the help since mint knew only r3
    return order;
  }

  private static OptionSpec option(SettingRow<?> setting) {
    OptionSpec.Builder option =
        OptionSpec.builder(setting.option()).description(setting.description());
    if (setting.paramLabel() == null) {
      return option.type(Boolean.class).negatable(true).build();
    }
    option.type(setting.type()).paramLabel(setting.paramLabel());
    if (setting.type() == Level.class) {
      option
          .converters(new Arguments.LevelConverter())
          .completionCandidates(new Arguments.Levels());
    } else if (setting.type() == Revision.class) {
      option
          .converters(new Arguments.RevisionConverter())
          .completionCandidates(new Arguments.Revisions());
    }
    return option.build();
  }

  /**
   * The settings typed in {@code mixin}'s options (text checked with {@link
   * Arguments#checkDecoded}).
   */
  public static TypedSettings typed(CommandSpec mixin) {
    TypedSettings.Builder typed = TypedSettings.builder();
    for (SettingRow<?> setting : SettingRow.ALL) {
      Object value = mixin.findOption(setting.option()).getValue();
      if (value != null) {
        put(typed, setting, value);
      }
    }
    return typed.build();
  }

  private static <T> void put(TypedSettings.Builder typed, SettingRow<T> setting, Object value) {
    if (value instanceof String) {
      Arguments.checkDecoded(setting.field(), (String) value);
    }
    typed.put(setting, setting.fromOption(value));
  }
}
