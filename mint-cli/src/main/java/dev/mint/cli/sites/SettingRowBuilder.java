package dev.mint.cli.sites;

import dev.mint.Setting;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A {@link SettingRow}'s parts, named, so that each row of the table reads as what it says. The row
 * keeps the parts it is built from; a part left unset has the default given here.
 *
 * @param <T> the value's type in {@link dev.mint.MintRequest}
 */
final class SettingRowBuilder<T> {
  final Setting<T> key;
  final SettingRow.Json json;
  Function<String, T> parse;
  Function<T, String> format = String::valueOf;
  String option;
  String paramLabel;
  String description;
  boolean inverted;
  boolean optionalInFile;
  Function<T, String> label;
  String word;
  BiPredicate<T, T> weaker = (value, than) -> false;
  String column;
  Function<T, String> cell = String::valueOf;
  String shownAs;
  Function<T, String> shown;
  boolean shownAsClass;

  SettingRowBuilder(Setting<T> key, SettingRow.Json json) {
    this.key = key;
    this.json = json;
    this.parse = key.type()::cast;
  }

  SettingRowBuilder<T> parsed(Function<String, T> fromText, Function<T, String> toText) {
    this.parse = fromText;
    this.format = toText;
    this.cell = toText;
    return this;
  }

  SettingRowBuilder<T> option(String name, String valueLabel, String help) {
    this.option = name;
    this.paramLabel = valueLabel;
    this.description = help;
    return this;
  }

  SettingRowBuilder<T> invertedOption(String name, String help) {
    this.inverted = true;
    return option(name, null, help);
  }

  /** A valued setting: {@code word VALUE}. */
  SettingRowBuilder<T> labelled(String word) {
    this.word = word;
    this.label = value -> word + " " + format.apply(value);
    return this;
  }

  /** A flag: one text when on, another when off. */
  SettingRowBuilder<T> labelled(String on, String off) {
    this.label = value -> (Boolean) value ? on : off;
    return this;
  }

  /**
   * When a value gives a weaker password than another ({@code than}): a row without this is never
   * weaker (C15 shows a weakened entry; see {@link SettingRow#weakerThan}).
   */
  SettingRowBuilder<T> weakerWhen(BiPredicate<T, T> weakerThanOther) {
    this.weaker = weakerThanOther;
    return this;
  }

  /** A character class: turned off where the other has it on is weaker. */
  SettingRowBuilder<T> weakerWhenOff() {
    return weakerWhen((value, than) -> (Boolean) than && !(Boolean) value);
  }

  /** {@code site show}'s field, the value as the file holds it. */
  SettingRowBuilder<T> shown(String field) {
    this.shownAs = field;
    return this;
  }

  /** {@code site show}'s field of a flag: one text when on, another when off. */
  SettingRowBuilder<T> shown(String field, String on, String off) {
    this.shownAs = field;
    this.shown = value -> (Boolean) value ? on : off;
    return this;
  }

  /** A character class: named in {@code site show}'s classes line, on or off. */
  SettingRowBuilder<T> shownAsClass(String name) {
    this.shownAs = SettingRow.CLASSES_SHOWN;
    this.shownAsClass = true;
    this.shown = value -> name;
    return this;
  }

  SettingRowBuilder<T> column(String name) {
    this.column = name;
    return this;
  }

  /** A flag's column: a mark when on, another when off. */
  SettingRowBuilder<T> column(String name, String on, String off) {
    this.column = name;
    this.cell = value -> (Boolean) value ? on : off;
    return this;
  }

  /**
   * An entry that lacks the field (a file written before the setting existed) has the page's
   * default: every setting added after mint-sites/1 needs this, so older files stay readable.
   */
  SettingRowBuilder<T> optionalInFile() {
    this.optionalInFile = true;
    return this;
  }

  SettingRow<T> build() {
    return new SettingRow<>(this);
  }
}
