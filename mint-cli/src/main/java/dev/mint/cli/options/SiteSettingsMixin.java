package dev.mint.cli.options;

import dev.mint.Level;
import dev.mint.Revision;
import dev.mint.cli.sites.Setting;
import dev.mint.cli.sites.TypedSettings;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The site settings every command that mints takes: one option per row of {@link Setting#ALL}
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
    List<Setting<?>> order = new ArrayList<>(Setting.ALL);
    order.remove(Setting.REVISION);
    order.add(Setting.REVISION); // its place in the help since mint knew only r3
    for (Setting<?> setting : order) {
      mixin.addOption(option(setting));
    }
    return mixin;
  }

  private static OptionSpec option(Setting<?> setting) {
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
    for (Setting<?> setting : Setting.ALL) {
      Object value = mixin.findOption(setting.option()).getValue();
      if (value != null) {
        put(typed, setting, value);
      }
    }
    return typed.build();
  }

  private static <T> void put(TypedSettings.Builder typed, Setting<T> setting, Object value) {
    if (value instanceof String) {
      Arguments.checkDecoded(setting.field(), (String) value);
    }
    typed.put(setting, setting.fromOption(value));
  }
}
