package dev.mint.cli.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.InvalidInputException;
import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.conformance.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of the sites file: a site as the user typed it, an optional account label, every
 * setting the page asks for except the phrase, an optional note, and the dates it was created and
 * last changed. Never a phrase, a password or anything computed from them.
 *
 * <p>The settings are kept as a checked {@link MintRequest} built from the entry's own site, so an
 * entry that exists is one mint-core accepts. Fields this mint does not know are kept as they were
 * read ({@link #extra}) and written back unchanged, so that an older mint does not destroy what a
 * newer one stored.
 */
public final class SiteEntry {
  public static final String SITE = "site";
  public static final String ACCOUNT = "account";

  /**
   * The site whose password this entry gives (mint-only, {@code site set --same-as}): the entry
   * then holds no settings of its own.
   */
  public static final String SAME_AS = "sameAs";

  public static final String NOTE = "note";
  public static final String CREATED = "created";
  public static final String UPDATED = "updated";

  /**
   * The fields of an entry in the order they are written: the site, the account, the settings of
   * {@link SettingRow#ALL}, the note and the dates; any other field is kept as it is.
   */
  public static final List<String> KNOWN_FIELDS = knownFields();

  private static List<String> knownFields() {
    List<String> fields = new ArrayList<>(List.of(SITE, ACCOUNT, SAME_AS));
    SettingRow.ALL.forEach(setting -> fields.add(setting.field()));
    fields.addAll(List.of(NOTE, CREATED, UPDATED));
    return List.copyOf(fields);
  }

  private static final Set<String> KNOWN = Set.copyOf(KNOWN_FIELDS);

  /** The longest account label and note accepted, in UTF-16 code units. */
  static final int MAX_LABEL_LENGTH = 256;

  private final String account;
  private final String sameAs;
  private final MintRequest settings;
  private final String note;
  private final String created;
  private final String updated;
  private final ObjectNode extra;

  public SiteEntry(
      String account,
      MintRequest settings,
      String note,
      String created,
      String updated,
      ObjectNode extra) {
    this(account, null, settings, note, created, updated, extra);
  }

  /**
   * An entry; with {@code sameAs} not null, one that gives that site's password and has no settings
   * of its own ({@code settings} are then the page's defaults for its own site, never derived).
   */
  public SiteEntry(
      String account,
      String sameAs,
      MintRequest settings,
      String note,
      String created,
      String updated,
      ObjectNode extra) {
    this.account = account;
    this.sameAs = sameAs;
    this.settings = Objects.requireNonNull(settings);
    this.note = note;
    this.created = Objects.requireNonNull(created);
    this.updated = Objects.requireNonNull(updated);
    this.extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
  }

  /** The site as the user typed it. */
  public String site() {
    return settings.site();
  }

  /** The account label, or null. */
  public String account() {
    return account;
  }

  /**
   * The site as typed whose password this entry gives ({@code site set --same-as}), or null for an
   * entry with settings of its own.
   */
  public String sameAs() {
    return sameAs;
  }

  /**
   * {@code revision r3, length 20} (the settings that differ from the page's defaults), or {@code
   * same as apple.com}: what the entry stores, for messages.
   */
  public String describeSettings() {
    return sameAs != null ? "same as " + sameAs : SettingRow.nonDefaults(settings);
  }

  /**
   * Why a setting cannot be stored in this entry, which has {@code sameAs}: for the commands that
   * would store one.
   */
  public String noSettingsOfItsOwn() {
    String other = dev.mint.cli.io.Text.printable(sameAs);
    return dev.mint.cli.io.Text.printable(label())
        + " is the same as "
        + other
        + " and has no settings of its own: change "
        + other
        + "'s ('"
        + dev.mint.cli.io.Text.command("mint", "site", "set", sameAs)
        + " ...'), or remove this entry first ('mint site rm')";
  }

  /** The stored settings, as a request for the entry's own site. */
  public MintRequest settings() {
    return settings;
  }

  public Revision revision() {
    return settings.revision();
  }

  public String note() {
    return note;
  }

  public String created() {
    return created;
  }

  public String updated() {
    return updated;
  }

  /** The site as the entry's revision of the page normalizes it. */
  public String normalizedSite() {
    return Stages.normalizeSite(site(), revision());
  }

  /**
   * Whether {@code typedSite} means this entry's site: both normalize to the same site under the
   * entry's revision ({@code www.github.com} and {@code https://github.com/login} match an entry
   * for {@code github.com}).
   */
  public boolean matches(String typedSite) {
    return Stages.normalizeSite(typedSite, revision()).equals(normalizedSite());
  }

  /** Whether the account labels are the same (both absent counts as the same). */
  public boolean sameAccount(String otherAccount) {
    return Objects.equals(account, otherAccount);
  }

  /** {@code builder} with every stored setting except the site set on it. */
  public MintRequest.Builder applyTo(MintRequest.Builder builder) {
    return SettingRow.copyAll(settings, builder);
  }

  public SiteEntry withSettings(MintRequest newSettings, String date) {
    return new SiteEntry(account, sameAs, newSettings, note, created, date, extra);
  }

  public SiteEntry withNote(String newNote, String date) {
    return new SiteEntry(account, sameAs, settings, newNote, created, date, extra);
  }

  /** This entry made one that gives {@code other}'s password (its own settings dropped). */
  public SiteEntry withSameAs(String other, String date) {
    return new SiteEntry(
        account, other, MintRequest.builder(site()).build(), note, created, date, extra);
  }

  /** {@code site} or {@code site (account NAME)}, for messages and lists. */
  public String label() {
    return account == null ? site() : site() + " (account " + account + ")";
  }

  /** The entry as JSON: the known fields in their order, then the unknown ones as read. */
  ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(SITE, site());
    if (account != null) {
      node.put(ACCOUNT, account);
    }
    if (sameAs != null) {
      node.put(SAME_AS, sameAs); // and no settings: they are the other site's
    } else {
      for (SettingRow<?> setting : SettingRow.ALL) {
        write(node, setting);
      }
    }
    if (note != null) {
      node.put(NOTE, note);
    }
    node.put(CREATED, created);
    node.put(UPDATED, updated);
    for (Map.Entry<String, JsonNode> field : extra.properties()) {
      node.set(field.getKey(), field.getValue().deepCopy());
    }
    return node;
  }

  private <T> void write(ObjectNode node, SettingRow<T> setting) {
    T value = setting.get(settings);
    switch (setting.json()) {
      case TEXT -> node.put(setting.field(), setting.format(value));
      case WHOLE -> node.put(setting.field(), (Integer) value);
      case FLAG -> node.put(setting.field(), (Boolean) value);
    }
  }

  /**
   * A bad value in an entry: which field, and what is wrong. {@link Profiles} adds the file, the
   * line and column, and the entry.
   */
  public static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String field;

    public BadValue(String field, String whatIsWrong) {
      super(whatIsWrong, null, false, false);
      this.field = field;
    }
  }

  /**
   * The entry held by {@code node}; every field is checked, and the settings are checked by
   * building the request with mint-core.
   *
   * @throws BadValue naming the first field that is missing, of the wrong type or not accepted
   */
  static SiteEntry fromJson(JsonNode node) {
    if (!node.isObject()) {
      throw new BadValue(null, "an entry must be a JSON object");
    }
    String site = checkName(SITE, text(node, SITE, true));
    String account = checkName(ACCOUNT, label(node, ACCOUNT));
    String sameAs = checkName(SAME_AS, label(node, SAME_AS));
    List<Object> values = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (sameAs == null) {
        values.add(read(node, setting));
      } else if (node.hasNonNull(setting.field())) {
        throw new BadValue(
            setting.field(),
            "an entry with \"" + SAME_AS + "\" has no settings of its own (remove one of them)");
      }
    }
    String note = label(node, NOTE);
    // a hand-written entry may leave the dates out: it is dated today
    String created = text(node, CREATED, false);
    String updated = text(node, UPDATED, false);
    if (created == null) {
      created = SitesFile.today();
    }
    if (updated == null) {
      updated = created;
    }
    if (sameAs != null) {
      try {
        MintRequest.builder(sameAs).build(); // a site mint-core takes
      } catch (InvalidInputException e) {
        throw new BadValue(SAME_AS, e.getMessage().substring(e.field().length() + 2));
      }
    }
    MintRequest settings;
    try {
      MintRequest.Builder builder = MintRequest.builder(site);
      for (int i = 0; i < values.size(); i++) {
        set(builder, SettingRow.ALL.get(i), values.get(i));
      }
      settings = builder.build();
    } catch (InvalidInputException e) {
      String field = e.field().equals("classes") ? SettingRow.UPPER.field() : e.field();
      throw new BadValue(field, e.getMessage().substring(e.field().length() + 2));
    }
    ObjectNode extra = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!KNOWN.contains(field.getKey())) {
        extra.set(field.getKey(), field.getValue());
      }
    }
    return new SiteEntry(account, sameAs, settings, note, created, updated, extra);
  }

  private static <T> T read(JsonNode node, SettingRow<T> setting) {
    String field = setting.field();
    JsonNode given = node.get(field);
    if (setting.optionalInFile() && (given == null || given.isNull())) {
      return setting.pageDefault();
    }
    Object value =
        switch (setting.json()) {
          case TEXT -> parse(field, text(node, field, true), setting::parse);
          case WHOLE -> whole(node, field);
          case FLAG -> bool(node, field);
        };
    return setting.type().cast(value);
  }

  private static <T> void set(MintRequest.Builder builder, SettingRow<T> setting, Object value) {
    setting.set(builder, setting.type().cast(value));
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(String field, String text, Parser<T> parser) {
    try {
      return parser.parse(text);
    } catch (InvalidInputException e) {
      throw new BadValue(field, e.getMessage().substring(e.field().length() + 2));
    }
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new BadValue(field, "missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new BadValue(field, "must be a JSON string");
    }
    return value.textValue();
  }

  /** An optional label (account, note): absent, or a string of 1 to 256 code units. */
  private static String label(JsonNode node, String field) {
    String text = text(node, field, false);
    if (text != null) {
      checkLabel(field, text);
    }
    return text;
  }

  /**
   * Refuses a site or an account label holding a control character (a tab, a line break, an
   * escape...): such a name would forge rows and lines where mint writes it ({@code batch}'s {@code
   * site<TAB>password}), so no entry holds one, and a file with one is a file mint cannot use.
   *
   * @return {@code text}, which may be null
   */
  public static String checkName(String field, String text) {
    if (dev.mint.cli.io.Text.hasControl(text)) {
      throw new BadValue(
          field, "holds a control character (a tab, a line break, ...), which mint does not store");
    }
    return text;
  }

  /** Refuses a blank or overlong account or note. */
  public static void checkLabel(String field, String text) {
    if (text.isBlank()) {
      throw new BadValue(field, "must not be blank (leave it out instead)");
    }
    if (text.length() > MAX_LABEL_LENGTH) {
      throw new BadValue(field, "must be at most " + MAX_LABEL_LENGTH + " characters long");
    }
  }

  private static int whole(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new BadValue(field, "missing");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new BadValue(field, "must be a whole number");
    }
    return value.intValue();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new BadValue(field, "missing");
    }
    if (!value.isBoolean()) {
      throw new BadValue(field, "must be true or false");
    }
    return value.booleanValue();
  }
}
