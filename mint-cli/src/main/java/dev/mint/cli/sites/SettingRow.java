package dev.mint.cli.sites;

import dev.mint.Level;
import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.Setting;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * How mint shows one of the page's settings ({@link Setting}, mint-core's key), declared once in
 * {@link #ALL}: its JSON field (the key's name), its option on the command line, its label in
 * messages, which of its values give a weaker password (C15), its column in {@code site list}. The
 * value itself is read from and set on a {@link MintRequest} through the key. The sites file (read,
 * written, applied), derive's "where each setting came from" line, the "stored entry weakens its
 * password" line, the messages of {@code site set}, {@code site bump}, {@code --save} and {@code
 * site import} ({@link Change}), {@code site show}'s equivalent command line, {@code site list}'s
 * columns, {@code site show}'s fields and session's help, and the options every command that mints
 * takes ({@code SiteSettingsMixin}) all go through this table, so a new setting is one row here
 * besides its key (CONTRIBUTING.md, "Adding a setting"). A row is built with {@link
 * SettingRowBuilder}; what the whole table says of a request at once is {@link AllSettings}.
 *
 * <p>No picocli, no Jackson here: derive loads this class even when there is no sites file.
 *
 * @param <T> the value's type in {@link MintRequest}
 */
public final class SettingRow<T> {
  /** {@code site show}'s field of the character classes. */
  static final String CLASSES_SHOWN = "classes";

  /** How the value is held in the JSON file. */
  enum Json {
    /** A JSON string, parsed into the value (and written back) with the row's text functions. */
    TEXT,
    /** A JSON whole number. */
    WHOLE,
    /** JSON true or false. */
    FLAG
  }

  private final Setting<T> key;
  private final Json json;
  private final Function<String, T> parse;
  private final Function<T, String> format;

  /** The option's name, {@code --length}. */
  private final String option;

  /** The option's value label for the help ({@code N}); null for a flag. */
  private final String paramLabel;

  private final String description;

  /** Whether the option says the opposite of the field ({@code --allow-ambiguous}). */
  private final boolean inverted;

  /** Whether a file may leave the field out (written by a mint before the setting): the default. */
  private final boolean optionalInFile;

  private final Function<T, String> label;

  /** The word of a valued setting's label ({@code length}), null for a flag. */
  private final String word;

  /** Whether a value gives a weaker password than another (C15): see {@link #weakerThan}. */
  private final BiPredicate<T, T> weaker;

  private final String column;
  private final Function<T, String> cell;

  /** The field's name in {@code site show} ({@code classes} for each character class). */
  private final String shownAs;

  /** The value in {@code site show}; for a character class, its name in the classes line. */
  private final Function<T, String> shown;

  /** Whether the row is a character class, shown with the others in one line. */
  private final boolean shownAsClass;

  SettingRow(SettingRowBuilder<T> b) {
    this.key = b.key;
    this.json = b.json;
    this.parse = b.parse;
    this.format = b.format;
    this.option = b.option;
    this.paramLabel = b.paramLabel;
    this.description = b.description;
    this.inverted = b.inverted;
    this.optionalInFile = b.optionalInFile;
    this.label = b.label;
    this.word = b.word;
    this.weaker = b.weaker;
    this.column = b.column;
    this.cell = b.cell;
    this.shownAs = b.shownAs;
    this.shown = b.shown == null ? b.format : b.shown;
    this.shownAsClass = b.shownAsClass;
  }

  public static final SettingRow<Revision> REVISION =
      text(Setting.REVISION)
          .parsed(Revision::parse, Revision::id)
          .option("--revision", "REV", "The page release: " + revisions() + ".")
          .labelled("revision")
          .column("REV")
          .shown("revision")
          .build();

  public static final SettingRow<String> VERSION =
      text(Setting.VERSION)
          .option(
              "--site-version",
              "TEXT",
              "The version field's text, used verbatim: 1 to 9999 (page default: 1).")
          .labelled("version")
          .column("VERSION")
          .shown("version")
          .build();

  public static final SettingRow<Integer> LENGTH =
      new SettingRowBuilder<>(Setting.LENGTH, Json.WHOLE)
          .option("--length", "N", "Password length, 12 to 64 (page default: 16).")
          .labelled("length")
          .weakerWhen((value, than) -> value < than)
          .column("LENGTH")
          .shown("length")
          .build();

  public static final SettingRow<Boolean> UPPER =
      flag(Setting.UPPER)
          .option(
              "--upper", null, "Upper-case letters (page default: on; --no-upper turns them off).")
          .labelled("upper", "no upper")
          .weakerWhenOff()
          .column("CLASSES", "A", "-")
          .shownAsClass("upper")
          .build();

  public static final SettingRow<Boolean> LOWER =
      flag(Setting.LOWER)
          .option("--lower", null, "Lower-case letters (page default: on).")
          .labelled("lower", "no lower")
          .weakerWhenOff()
          .column("CLASSES", "a", "-")
          .shownAsClass("lower")
          .build();

  public static final SettingRow<Boolean> DIGITS =
      flag(Setting.DIGITS)
          .option("--digits", null, "Digits (page default: on).")
          .labelled("digits", "no digits")
          .weakerWhenOff()
          .column("CLASSES", "9", "-")
          .shownAsClass("digits")
          .build();

  public static final SettingRow<Boolean> SYMBOLS =
      flag(Setting.SYMBOLS)
          .option("--symbols", null, "Symbols (page default: on).")
          .labelled("symbols", "no symbols")
          .weakerWhenOff()
          .column("CLASSES", "!", "-")
          .shownAsClass("symbols")
          .build();

  public static final SettingRow<Boolean> EXCLUDE_AMBIGUOUS =
      flag(Setting.EXCLUDE_AMBIGUOUS)
          .invertedOption(
              "--allow-ambiguous",
              "Allow O I l 0 1 (page default: off, the \"exclude ambiguous\" box ticked).")
          .labelled("ambiguous excluded", "ambiguous allowed")
          .column("CLASSES", "", "+amb")
          .shown("ambiguous", "excluded (O I l 0 1)", "allowed")
          .build();

  public static final SettingRow<Level> LEVEL =
      text(Setting.LEVEL)
          .parsed(Level::parse, Level::id)
          .option(
              "--level",
              "LEVEL",
              "standard (210,000 PBKDF2 iterations) or high (400,000) (page default: standard).")
          .labelled("level")
          .weakerWhen((value, than) -> value.iterations() < than.iterations())
          .column("LEVEL")
          .shown("level")
          .build();

  /**
   * Every setting, in the order of the file's fields, the messages and the command lines shown. The
   * options are listed in the help in this order too, except {@code --revision}, which comes last.
   */
  public static final List<SettingRow<?>> ALL =
      List.of(REVISION, VERSION, LENGTH, UPPER, LOWER, DIGITS, SYMBOLS, EXCLUDE_AMBIGUOUS, LEVEL);

  /** The page's setting this row shows. */
  public Setting<T> key() {
    return key;
  }

  /** The JSON field: the setting's name. */
  public String field() {
    return key.name();
  }

  Json json() {
    return json;
  }

  /** Whether an entry without the field has the page's default for it. */
  boolean optionalInFile() {
    return optionalInFile;
  }

  /** The page's default. */
  T pageDefault() {
    return key.pageDefault();
  }

  /** The value's type, as the option takes it ({@code Boolean} for a flag). */
  public Class<T> type() {
    return key.type();
  }

  /** The option's name. */
  public String option() {
    return option;
  }

  /** The option's value label, null for a flag (which is negatable: {@code --[no-]upper}). */
  public String paramLabel() {
    return paramLabel;
  }

  /** The option's help text. */
  public String description() {
    return description;
  }

  /** The value {@code request} holds. */
  public T get(MintRequest request) {
    return request.get(key);
  }

  /** Sets {@code value} on {@code builder}. */
  public void set(MintRequest.Builder builder, T value) {
    builder.with(key, value);
  }

  /** Copies this setting of {@code from} onto {@code builder}. */
  void copy(MintRequest from, MintRequest.Builder builder) {
    set(builder, get(from));
  }

  /** The value given to the option on the command line, as the request takes it. */
  public T fromOption(Object optionValue) {
    Object value = inverted ? Boolean.valueOf(!((Boolean) optionValue)) : optionValue;
    return type().cast(value);
  }

  /** The text of a JSON string field as the value ({@code "r3"}); may throw mint-core's error. */
  T parse(String text) {
    return parse.apply(text);
  }

  /** The value as the text the file and the command line hold ({@code r3}, {@code 20}). */
  String format(T value) {
    return format.apply(value);
  }

  /** {@code length 20}, {@code no symbols}: the setting in messages. */
  public String label(MintRequest request) {
    return label.apply(get(request));
  }

  /** Whether {@code request} holds the page's default for this setting. */
  public boolean isDefault(MintRequest request) {
    return Objects.equals(get(request), pageDefault());
  }

  /**
   * Whether this setting of {@code request} gives a weaker password than the same setting of {@code
   * than} (C15): a shorter length, a character class turned off, a lower level (fewer PBKDF2
   * iterations). Another revision or version gives another password, not a weaker one, and allowing
   * the ambiguous characters adds characters: neither is weaker.
   */
  public boolean weakerThan(MintRequest request, MintRequest than) {
    return weaker.test(get(request), get(than));
  }

  /** Whether this setting of {@code request} is weaker than the page's default (C15). */
  public boolean weakens(MintRequest request) {
    return weakerThan(request, MintRequest.builder(request.site()).build());
  }

  /**
   * {@code length 16 -> 12}, {@code symbols -> no symbols}: how this setting went from {@code
   * before} to {@code after}, as {@code site bump} says a version's change.
   */
  String change(MintRequest before, MintRequest after) {
    return word == null
        ? label(before) + " -> " + label(after)
        : word + " " + format(get(before)) + " -> " + format(get(after));
  }

  /**
   * The arguments that give this setting of {@code request} on the command line: {@code --length
   * 20}, {@code --no-symbols}, {@code --allow-ambiguous}.
   */
  public List<String> arguments(MintRequest request) {
    T value = get(request);
    if (paramLabel != null) {
      return List.of(option, format(value));
    }
    boolean on = (Boolean) value != inverted;
    return List.of(on ? option : "--no-" + option.substring(2));
  }

  /** The column of {@code site list} this setting is shown in (several flags share one). */
  public String column() {
    return column;
  }

  /** What this setting of {@code request} adds to its column of {@code site list}. */
  public String cell(MintRequest request) {
    return cell.apply(get(request));
  }

  /** Whether the row is a character class, shown with the others in {@code site show}'s line. */
  boolean shownAsClass() {
    return shownAsClass;
  }

  /** The field's name in {@code site show}. */
  String shownAs() {
    return shownAs;
  }

  /** The value in {@code site show}; for a character class, its name in the classes line. */
  String shownValue(MintRequest request) {
    return shown.apply(get(request));
  }

  @Override
  public String toString() {
    return key.name();
  }

  /** {@code r1, r2 or r3, the current page (default: r3)}: asked of {@link Revision}. */
  private static String revisions() {
    StringBuilder out = new StringBuilder();
    Revision[] all = Revision.values();
    for (int i = 0; i < all.length; i++) {
      out.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].id());
      if (all[i] == Revision.DEFAULT) {
        out.append(", the current page");
      }
    }
    return out + " (default: " + Revision.DEFAULT.id() + ")";
  }

  private static <T> SettingRowBuilder<T> text(Setting<T> key) {
    return new SettingRowBuilder<>(key, Json.TEXT);
  }

  private static SettingRowBuilder<Boolean> flag(Setting<Boolean> key) {
    return new SettingRowBuilder<>(key, Json.FLAG);
  }
}
