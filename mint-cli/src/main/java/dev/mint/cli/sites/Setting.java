package dev.mint.cli.sites;

import dev.mint.Level;
import dev.mint.MintRequest;
import dev.mint.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One setting of the sites file, declared once in {@link #ALL}: its JSON field, its option on the
 * command line, its label in messages, which of its values give a weaker password (C15), its column
 * in {@code site list}, and how it is read from and set on a {@link MintRequest}. The sites file
 * (read, written, applied), derive's "where each setting came from" line, the "stored entry weakens
 * its password" line, the messages of {@code site set}, {@code site bump}, {@code --save} and
 * {@code site import} ({@link Change}), {@code site show}'s equivalent command line, {@code site
 * list}'s columns and the options every command that mints takes ({@code SiteSettingsMixin}) all go
 * through this table, so a new setting is one row (CONTRIBUTING.md, "Adding a setting").
 *
 * <p>No picocli, no Jackson here: derive loads this class even when there is no sites file.
 *
 * @param <T> the value's type in {@link MintRequest}
 */
public final class Setting<T> {
  /** How the value is held in the JSON file. */
  enum Json {
    /** A JSON string, parsed into the value (and written back) with the row's text functions. */
    TEXT,
    /** A JSON whole number. */
    WHOLE,
    /** JSON true or false. */
    FLAG
  }

  /** The JSON field of the entry. */
  private final String field;

  private final Json json;
  private final Class<T> type;
  private final Function<MintRequest, T> get;
  private final BiConsumer<MintRequest.Builder, T> set;
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

  private Setting(Builder<T> b) {
    this.field = b.field;
    this.json = b.json;
    this.type = b.type;
    this.get = b.get;
    this.set = b.set;
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
  }

  public static final Setting<Revision> REVISION =
      text("revision", Revision.class, MintRequest::revision, MintRequest.Builder::revision)
          .parsed(Revision::parse, Revision::id)
          .option(
              "--revision",
              "REV",
              "The page release: r1, r2 or r3, the current page (default: r3).")
          .labelled("revision")
          .column("REV")
          .build();

  public static final Setting<String> VERSION =
      text("version", String.class, MintRequest::version, MintRequest.Builder::version)
          .option(
              "--site-version",
              "TEXT",
              "The version field's text, used verbatim: 1 to 9999 (page default: 1).")
          .labelled("version")
          .column("VERSION")
          .build();

  public static final Setting<Integer> LENGTH =
      new Builder<Integer>(
              "length", Json.WHOLE, Integer.class, MintRequest::length, MintRequest.Builder::length)
          .option("--length", "N", "Password length, 12 to 64 (page default: 16).")
          .labelled("length")
          .weakerWhen((value, than) -> value < than)
          .column("LENGTH")
          .build();

  public static final Setting<Boolean> UPPER =
      flag("upper", MintRequest::upper, MintRequest.Builder::upper)
          .option(
              "--upper", null, "Upper-case letters (page default: on; --no-upper turns them off).")
          .labelled("upper", "no upper")
          .weakerWhenOff()
          .column("CLASSES", "A", "-")
          .build();

  public static final Setting<Boolean> LOWER =
      flag("lower", MintRequest::lower, MintRequest.Builder::lower)
          .option("--lower", null, "Lower-case letters (page default: on).")
          .labelled("lower", "no lower")
          .weakerWhenOff()
          .column("CLASSES", "a", "-")
          .build();

  public static final Setting<Boolean> DIGITS =
      flag("digits", MintRequest::digits, MintRequest.Builder::digits)
          .option("--digits", null, "Digits (page default: on).")
          .labelled("digits", "no digits")
          .weakerWhenOff()
          .column("CLASSES", "9", "-")
          .build();

  public static final Setting<Boolean> SYMBOLS =
      flag("symbols", MintRequest::symbols, MintRequest.Builder::symbols)
          .option("--symbols", null, "Symbols (page default: on).")
          .labelled("symbols", "no symbols")
          .weakerWhenOff()
          .column("CLASSES", "!", "-")
          .build();

  public static final Setting<Boolean> EXCLUDE_AMBIGUOUS =
      flag("excludeAmbiguous", MintRequest::excludeAmbiguous, MintRequest.Builder::excludeAmbiguous)
          .invertedOption(
              "--allow-ambiguous",
              "Allow O I l 0 1 (page default: off, the \"exclude ambiguous\" box ticked).")
          .labelled("ambiguous excluded", "ambiguous allowed")
          .column("CLASSES", "", "+amb")
          .build();

  public static final Setting<Level> LEVEL =
      text("level", Level.class, MintRequest::level, MintRequest.Builder::level)
          .parsed(Level::parse, Level::id)
          .option(
              "--level",
              "LEVEL",
              "standard (210,000 PBKDF2 iterations) or high (400,000) (page default: standard).")
          .labelled("level")
          .weakerWhen((value, than) -> value.iterations() < than.iterations())
          .column("LEVEL")
          .build();

  /**
   * Every setting, in the order of the file's fields, the messages and the command lines shown. The
   * options are listed in the help in this order too, except {@code --revision}, which comes last.
   */
  public static final List<Setting<?>> ALL =
      List.of(REVISION, VERSION, LENGTH, UPPER, LOWER, DIGITS, SYMBOLS, EXCLUDE_AMBIGUOUS, LEVEL);

  /** The JSON field. */
  public String field() {
    return field;
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
    return get(MintRequest.builder("example.com").build());
  }

  /** The value's type, as the option takes it ({@code Boolean} for a flag). */
  public Class<T> type() {
    return type;
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
    return get.apply(request);
  }

  /** Sets {@code value} on {@code builder}. */
  public void set(MintRequest.Builder builder, T value) {
    set.accept(builder, value);
  }

  /** Copies this setting of {@code from} onto {@code builder}. */
  void copy(MintRequest from, MintRequest.Builder builder) {
    set(builder, get(from));
  }

  /** The value given to the option on the command line, as the request takes it. */
  public T fromOption(Object optionValue) {
    Object value = inverted ? Boolean.valueOf(!((Boolean) optionValue)) : optionValue;
    return type.cast(value);
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
    return Objects.equals(get(request), get(MintRequest.builder(request.site()).build()));
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
   * Every setting that differs between {@code before} and {@code after}, in the table's order:
   * {@code length 16 -> 12, symbols -> no symbols}; empty when none does.
   */
  public static List<String> changes(MintRequest before, MintRequest after) {
    List<String> parts = new ArrayList<>();
    for (Setting<?> setting : ALL) {
      if (!Objects.equals(setting.get(before), setting.get(after))) {
        parts.add(setting.change(before, after));
      }
    }
    return parts;
  }

  /** Whether any setting of {@code request} is weaker than the same setting of {@code than}. */
  public static boolean anyWeakerThan(MintRequest request, MintRequest than) {
    for (Setting<?> setting : ALL) {
      if (setting.weakerThan(request, than)) {
        return true;
      }
    }
    return false;
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

  /**
   * The settings of {@code request} that differ from the page's defaults, always with the revision
   * first: {@code revision r3, version 3, length 20, no symbols}.
   */
  public static String nonDefaults(MintRequest request) {
    List<String> parts = new ArrayList<>();
    for (Setting<?> setting : ALL) {
      if (setting == REVISION || !setting.isDefault(request)) {
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
    for (Setting<?> setting : ALL) {
      if (setting == REVISION || !setting.isDefault(request)) {
        args.addAll(setting.arguments(request));
      }
    }
    return args;
  }

  /** {@code builder} with every setting of {@code from} set on it (the site is not a setting). */
  public static MintRequest.Builder copyAll(MintRequest from, MintRequest.Builder builder) {
    for (Setting<?> setting : ALL) {
      setting.copy(from, builder);
    }
    return builder;
  }

  @Override
  public String toString() {
    return field;
  }

  private static <T> Builder<T> text(
      String field,
      Class<T> type,
      Function<MintRequest, T> get,
      BiConsumer<MintRequest.Builder, T> set) {
    return new Builder<>(field, Json.TEXT, type, get, set);
  }

  private static Builder<Boolean> flag(
      String field,
      Function<MintRequest, Boolean> get,
      BiConsumer<MintRequest.Builder, Boolean> set) {
    return new Builder<>(field, Json.FLAG, Boolean.class, get, set);
  }

  /** The row's parts, named, so that each row of the table reads as what it says. */
  private static final class Builder<T> {
    final String field;
    final Json json;
    final Class<T> type;
    final Function<MintRequest, T> get;
    final BiConsumer<MintRequest.Builder, T> set;
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

    Builder(
        String field,
        Json json,
        Class<T> type,
        Function<MintRequest, T> get,
        BiConsumer<MintRequest.Builder, T> set) {
      this.field = field;
      this.json = json;
      this.type = type;
      this.get = get;
      this.set = set;
      this.parse = type::cast;
    }

    Builder<T> parsed(Function<String, T> fromText, Function<T, String> toText) {
      this.parse = fromText;
      this.format = toText;
      this.cell = toText;
      return this;
    }

    Builder<T> option(String name, String valueLabel, String help) {
      this.option = name;
      this.paramLabel = valueLabel;
      this.description = help;
      return this;
    }

    Builder<T> invertedOption(String name, String help) {
      this.inverted = true;
      return option(name, null, help);
    }

    /** A valued setting: {@code word VALUE}. */
    Builder<T> labelled(String word) {
      this.word = word;
      this.label = value -> word + " " + format.apply(value);
      return this;
    }

    /** A flag: one text when on, another when off. */
    Builder<T> labelled(String on, String off) {
      this.label = value -> (Boolean) value ? on : off;
      return this;
    }

    /**
     * When a value gives a weaker password than another ({@code than}): a row without this is never
     * weaker (C15 shows a weakened entry; see {@link Setting#weakerThan}).
     */
    Builder<T> weakerWhen(BiPredicate<T, T> weakerThanOther) {
      this.weaker = weakerThanOther;
      return this;
    }

    /** A character class: turned off where the other has it on is weaker. */
    Builder<T> weakerWhenOff() {
      return weakerWhen((value, than) -> (Boolean) than && !(Boolean) value);
    }

    Builder<T> column(String name) {
      this.column = name;
      return this;
    }

    /** A flag's column: a mark when on, another when off. */
    Builder<T> column(String name, String on, String off) {
      this.column = name;
      this.cell = value -> (Boolean) value ? on : off;
      return this;
    }

    /**
     * An entry that lacks the field (a file written before the setting existed) has the page's
     * default: every setting added after mint-sites/1 needs this, so older files stay readable.
     */
    Builder<T> optionalInFile() {
      this.optionalInFile = true;
      return this;
    }

    Setting<T> build() {
      return new Setting<>(this);
    }
  }
}
