package dev.mint;

import dev.mint.internal.FiveStages;
import dev.mint.internal.VersionRule;

/**
 * Everything the page asks for except the master phrase: site, version, length, character classes,
 * exclude-ambiguous, security level and page revision. Immutable; every field is checked when the
 * request is built.
 *
 * <pre>{@code
 * MintRequest request = MintRequest.builder("github.com").build(); // the page's defaults
 * MintRequest old = MintRequest.builder("github.com").version(2).length(20).revision(Revision.R1).build();
 * }</pre>
 */
public final class MintRequest {
  /** The shortest password the page makes. */
  public static final int MIN_LENGTH = 12;

  /** The longest password the page makes. */
  public static final int MAX_LENGTH = 64;

  /** The page's default length. */
  public static final int DEFAULT_LENGTH = 16;

  /** The longest site text the port accepts, in UTF-16 code units. */
  public static final int MAX_SITE_LENGTH = 2048;

  private final String site;
  private final String version;
  private final int length;
  private final boolean upper;
  private final boolean lower;
  private final boolean digits;
  private final boolean symbols;
  private final boolean excludeAmbiguous;
  private final Level level;
  private final Revision revision;

  private MintRequest(Builder b) {
    this.revision = InvalidInputException.requireNonNull(b.revision, "revision");
    this.level = InvalidInputException.requireNonNull(b.level, "level");
    this.site = FiveStages.checkSite(b.site);
    this.version = VersionRule.check(b.version, revision);
    this.length = RequestChecks.length(b.length);
    RequestChecks.someClass(b.upper, b.lower, b.digits, b.symbols);
    this.upper = b.upper;
    this.lower = b.lower;
    this.digits = b.digits;
    this.symbols = b.symbols;
    this.excludeAmbiguous = b.excludeAmbiguous;
  }

  /**
   * A builder for {@code site} with the page's defaults for everything else.
   *
   * @param site the site as typed into the page, checked by {@link Builder#build()}
   * @return a new builder
   */
  public static Builder builder(String site) {
    return new Builder(site);
  }

  /**
   * A builder holding this request's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(site);
    for (Setting<?> setting : Setting.ALL) {
      setting.copy(this, builder);
    }
    return builder;
  }

  /**
   * The value of one setting.
   *
   * @param setting which, e.g. {@link Setting#LENGTH}
   * @param <T> the value's type
   * @return the value, as the setting's getter ({@link #length()}) returns it
   */
  public <T> T get(Setting<T> setting) {
    InvalidInputException.requireNonNull(setting, "setting");
    return setting.get(this);
  }

  /**
   * This request with one setting changed, checked as {@link Builder#build()} checks.
   *
   * @param setting which, e.g. {@link Setting#LENGTH}
   * @param value its new value
   * @param <T> the value's type
   * @return a new request
   * @throws InvalidInputException naming the field when the result is not allowed
   */
  public <T> MintRequest with(Setting<T> setting, T value) {
    return toBuilder().with(setting, value).build();
  }

  /**
   * The site as typed (normalization is {@link Revision#normalizeSite}).
   *
   * @return the site
   */
  public String site() {
    return site;
  }

  /**
   * The version text as it goes into the salt.
   *
   * @return the version, {@code "1"} for an empty field
   */
  public String version() {
    return VersionRule.effective(version);
  }

  /**
   * The password length.
   *
   * @return 12 to 64
   */
  public int length() {
    return length;
  }

  /**
   * Whether the password may hold upper-case letters.
   *
   * @return the page's "A-Z" box
   */
  public boolean upper() {
    return upper;
  }

  /**
   * Whether the password may hold lower-case letters.
   *
   * @return the page's "a-z" box
   */
  public boolean lower() {
    return lower;
  }

  /**
   * Whether the password may hold digits.
   *
   * @return the page's "0-9" box
   */
  public boolean digits() {
    return digits;
  }

  /**
   * Whether the password may hold the revision's symbols.
   *
   * @return the page's symbols box
   */
  public boolean symbols() {
    return symbols;
  }

  /**
   * Whether {@code O I l 0 1} are left out.
   *
   * @return the page's "exclude ambiguous" box
   */
  public boolean excludeAmbiguous() {
    return excludeAmbiguous;
  }

  /**
   * The security level.
   *
   * @return the level
   */
  public Level level() {
    return level;
  }

  /**
   * The page release.
   *
   * @return the revision
   */
  public Revision revision() {
    return revision;
  }

  /** Equal when every field is, the version compared as it goes into the salt. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MintRequest)) {
      return false;
    }
    MintRequest r = (MintRequest) o;
    if (!site.equals(r.site)) {
      return false;
    }
    for (Setting<?> setting : Setting.ALL) {
      if (!get(setting).equals(r.get(setting))) {
        return false;
      }
    }
    return true;
  }

  /** Consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    int hash = site.hashCode();
    for (Setting<?> setting : Setting.ALL) {
      hash = 31 * hash + get(setting).hashCode();
    }
    return hash;
  }

  /** Every field; a request holds no secret. */
  @Override
  public String toString() {
    return "MintRequest{site="
        + site
        + ", version="
        + version()
        + ", length="
        + length
        + ", upper="
        + upper
        + ", lower="
        + lower
        + ", digits="
        + digits
        + ", symbols="
        + symbols
        + ", excludeAmbiguous="
        + excludeAmbiguous
        + ", level="
        + level.id()
        + ", revision="
        + revision.id()
        + "}";
  }

  /** Builds a {@link MintRequest}; starts from the page's defaults. Not thread-safe. */
  public static final class Builder {
    private final String site;
    private String version = "1";
    private int length = DEFAULT_LENGTH;
    private boolean upper = true;
    private boolean lower = true;
    private boolean digits = true;
    private boolean symbols = true;
    private boolean excludeAmbiguous = true;
    private Level level = Level.STANDARD;
    private Revision revision = Revision.DEFAULT;

    private Builder(String site) {
      this.site = site;
    }

    /**
     * The version text as typed into the page's field (default {@code "1"}).
     *
     * @param version empty or a whole number from 1 to 9999, kept verbatim ({@code "007"} stays)
     * @return this builder
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * The version as a number (default 1).
     *
     * @param version 1 to 9999
     * @return this builder
     */
    public Builder version(int version) {
      this.version = Integer.toString(version);
      return this;
    }

    /**
     * The password length (default 16).
     *
     * @param length 12 to 64
     * @return this builder
     */
    public Builder length(int length) {
      this.length = length;
      return this;
    }

    /**
     * Allow upper-case letters (default on).
     *
     * @param upper true to allow them; at least one class must stay allowed
     * @return this builder
     */
    public Builder upper(boolean upper) {
      this.upper = upper;
      return this;
    }

    /**
     * Allow lower-case letters (default on).
     *
     * @param lower true to allow them; at least one class must stay allowed
     * @return this builder
     */
    public Builder lower(boolean lower) {
      this.lower = lower;
      return this;
    }

    /**
     * Allow digits (default on).
     *
     * @param digits true to allow them; at least one class must stay allowed
     * @return this builder
     */
    public Builder digits(boolean digits) {
      this.digits = digits;
      return this;
    }

    /**
     * Allow the revision's symbols (default on).
     *
     * @param symbols true to allow them; at least one class must stay allowed
     * @return this builder
     */
    public Builder symbols(boolean symbols) {
      this.symbols = symbols;
      return this;
    }

    /**
     * Leave out {@code O I l 0 1} (default on).
     *
     * @param excludeAmbiguous true to leave them out
     * @return this builder
     */
    public Builder excludeAmbiguous(boolean excludeAmbiguous) {
      this.excludeAmbiguous = excludeAmbiguous;
      return this;
    }

    /**
     * The security level (default {@link Level#STANDARD}).
     *
     * @param level the level
     * @return this builder
     */
    public Builder level(Level level) {
      this.level = level;
      return this;
    }

    /**
     * The page release (default {@link Revision#DEFAULT}, r3).
     *
     * @param revision the revision
     * @return this builder
     */
    public Builder revision(Revision revision) {
      this.revision = revision;
      return this;
    }

    /**
     * Sets one setting.
     *
     * @param setting which, e.g. {@link Setting#LENGTH}
     * @param value its value, checked by {@link #build()}
     * @param <T> the value's type
     * @return this builder
     * @throws InvalidInputException naming the field when {@code value} is null
     */
    public <T> Builder with(Setting<T> setting, T value) {
      InvalidInputException.requireNonNull(setting, "setting");
      setting.set(this, InvalidInputException.requireNonNull(value, setting.name()));
      return this;
    }

    /**
     * The checked request.
     *
     * @return a new request
     * @throws InvalidInputException naming the first field that is not allowed
     */
    public MintRequest build() {
      return new MintRequest(this);
    }
  }
}
