package dev.mint.cli.sites;

import dev.mint.MintRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings given on a command line (or a session line), each as the request takes it; the
 * others are absent, so that these can be laid over other settings (the page's defaults, or a
 * stored entry) and only what was typed overrides them.
 */
public final class TypedSettings {
  private final Map<SettingRow<?>, Object> values;
  private final String chosenBy;

  private TypedSettings(Map<SettingRow<?>, Object> values, String chosenBy) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.chosenBy = chosenBy;
  }

  /** None typed. */
  public static TypedSettings none() {
    return new TypedSettings(Map.of(), null);
  }

  /**
   * {@code rules of wsj.com} when a site's known password rules chose some of these settings and
   * none typed by the user weakens the password (the entry's {@code chosenBy}); null otherwise.
   */
  public String chosenBy() {
    return chosenBy;
  }

  /** Whether a setting typed by the user gives a weaker password than the page's default. */
  public boolean weakens(String site) {
    MintRequest request = request(site);
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (has(setting) && setting.weakens(request)) {
        return true;
      }
    }
    return false;
  }

  /** A builder of typed settings, in the table's order whatever the order they are put in. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether no setting was typed. */
  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Whether {@code setting} was typed. */
  public boolean has(SettingRow<?> setting) {
    return values.containsKey(setting);
  }

  /** The request for {@code site}: the page's defaults, then the settings typed. */
  public MintRequest request(String site) {
    return applyTo(MintRequest.builder(site)).build();
  }

  /** {@code builder} with every setting typed set on it; the others left as they are. */
  public MintRequest.Builder applyTo(MintRequest.Builder builder) {
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (values.containsKey(setting)) {
        put(setting, builder);
      }
    }
    return builder;
  }

  private <T> void put(SettingRow<T> setting, MintRequest.Builder builder) {
    setting.set(builder, setting.type().cast(values.get(setting)));
  }

  /** Collects the settings typed. */
  public static final class Builder {
    private final Map<SettingRow<?>, Object> values = new LinkedHashMap<>();
    private String chosenBy;

    private Builder() {}

    /** Who chose the settings ({@link TypedSettings#chosenBy}), or null for the user. */
    public Builder chosenBy(String who) {
      this.chosenBy = who;
      return this;
    }

    /** {@code setting} typed with {@code value}, as the request takes it. */
    public <T> Builder put(SettingRow<T> setting, T value) {
      values.put(setting, setting.type().cast(value));
      return this;
    }

    public TypedSettings build() {
      return new TypedSettings(values, chosenBy);
    }
  }
}
