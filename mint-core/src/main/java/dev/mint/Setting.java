package dev.mint;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One of the page's settings, the key of {@link MintRequest#get} and {@link MintRequest#with}: the
 * one list of what a request holds besides its site. Callers that treat settings alike (the sites
 * file, the CLI's options, the rules' suggestions) iterate {@link #ALL} or keep their own data
 * keyed by these constants instead of naming each getter.
 *
 * <pre>{@code
 * MintRequest longer = request.with(Setting.LENGTH, 20);
 * boolean symbols = request.get(Setting.SYMBOLS);
 * }</pre>
 *
 * @param <T> the value's type
 */
public final class Setting<T> {
  /** The page release ({@link MintRequest#revision()}). */
  public static final Setting<Revision> REVISION =
      new Setting<>(
          "revision", Revision.class, MintRequest::revision, MintRequest.Builder::revision);

  /**
   * The version text ({@link MintRequest#version()}); set verbatim, read as it goes in the salt.
   */
  public static final Setting<String> VERSION =
      new Setting<>("version", String.class, MintRequest::version, MintRequest.Builder::version);

  /** The password length ({@link MintRequest#length()}). */
  public static final Setting<Integer> LENGTH =
      new Setting<>("length", Integer.class, MintRequest::length, MintRequest.Builder::length);

  /** The upper-case letters box ({@link MintRequest#upper()}). */
  public static final Setting<Boolean> UPPER =
      new Setting<>("upper", Boolean.class, MintRequest::upper, MintRequest.Builder::upper);

  /** The lower-case letters box ({@link MintRequest#lower()}). */
  public static final Setting<Boolean> LOWER =
      new Setting<>("lower", Boolean.class, MintRequest::lower, MintRequest.Builder::lower);

  /** The digits box ({@link MintRequest#digits()}). */
  public static final Setting<Boolean> DIGITS =
      new Setting<>("digits", Boolean.class, MintRequest::digits, MintRequest.Builder::digits);

  /** The symbols box ({@link MintRequest#symbols()}). */
  public static final Setting<Boolean> SYMBOLS =
      new Setting<>("symbols", Boolean.class, MintRequest::symbols, MintRequest.Builder::symbols);

  /** The "exclude ambiguous" box ({@link MintRequest#excludeAmbiguous()}). */
  public static final Setting<Boolean> EXCLUDE_AMBIGUOUS =
      new Setting<>(
          "excludeAmbiguous",
          Boolean.class,
          MintRequest::excludeAmbiguous,
          MintRequest.Builder::excludeAmbiguous);

  /** The security level ({@link MintRequest#level()}). */
  public static final Setting<Level> LEVEL =
      new Setting<>("level", Level.class, MintRequest::level, MintRequest.Builder::level);

  /** Every setting, in the order the sites file and mint's messages list them. */
  public static final List<Setting<?>> ALL =
      List.of(REVISION, VERSION, LENGTH, UPPER, LOWER, DIGITS, SYMBOLS, EXCLUDE_AMBIGUOUS, LEVEL);

  /**
   * The four character classes, in the page's pool order (the order the encoder draws a first
   * character from each): the keys of {@link Revision#pool}.
   */
  public static final List<Setting<Boolean>> CLASSES = List.of(UPPER, LOWER, DIGITS, SYMBOLS);

  private final String name;
  private final Class<T> type;
  private final Function<MintRequest, T> get;
  private final BiConsumer<MintRequest.Builder, T> set;

  private Setting(
      String name,
      Class<T> type,
      Function<MintRequest, T> get,
      BiConsumer<MintRequest.Builder, T> set) {
    this.name = name;
    this.type = type;
    this.get = get;
    this.set = set;
  }

  /**
   * The setting's name, as its getter and the sites file's field spell it.
   *
   * @return e.g. {@code length}, {@code excludeAmbiguous}
   */
  public String name() {
    return name;
  }

  /**
   * The value's type ({@code Boolean} for a box).
   *
   * @return the type
   */
  public Class<T> type() {
    return type;
  }

  /**
   * The page's default value: what {@link MintRequest#builder} starts from.
   *
   * @return the default
   */
  public T pageDefault() {
    return get(MintRequest.builder("example.com").build());
  }

  T get(MintRequest request) {
    return get.apply(request);
  }

  void set(MintRequest.Builder builder, T value) {
    set.accept(builder, type.cast(value));
  }

  /** Sets this setting of {@code from} on {@code builder}, typed here where T is known. */
  void copy(MintRequest from, MintRequest.Builder builder) {
    set(builder, get(from));
  }

  /** The name. */
  @Override
  public String toString() {
    return name;
  }
}
