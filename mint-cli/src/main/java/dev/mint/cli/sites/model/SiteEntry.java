package dev.mint.cli.sites.model;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.AllSettings;
import dev.mint.cli.sites.SettingRow;
import dev.mint.conformance.Stages;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

  /**
   * Who chose the entry's settings when mint chose them for a site's known password rules ({@code
   * rules of wsj.com}): such settings are not the user's weakening of the password. Absent for
   * settings the user chose.
   */
  public static final String CHOSEN_BY = "chosenBy";

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
    fields.addAll(List.of(CHOSEN_BY, NOTE, CREATED, UPDATED));
    fields.addAll(
        List.of(
            RekeyMark.PHRASE_CHECK, RekeyMark.PHRASE_SINCE, RekeyMark.VERSION, RekeyMark.MOVED));
    return List.copyOf(fields);
  }

  /** The longest account label and note accepted, in UTF-16 code units. */
  static final int MAX_LABEL_LENGTH = 256;

  private final String account;
  private final String sameAs;
  private final MintRequest settings;
  private final String chosenBy;
  private final String note;
  private final String created;
  private final String updated;
  private final Map<String, KeptValue> extra;
  private final RekeyMark rekey;

  public SiteEntry(
      String account,
      MintRequest settings,
      String note,
      String created,
      String updated,
      Map<String, KeptValue> extra) {
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
      Map<String, KeptValue> extra) {
    this(account, sameAs, settings, null, note, created, updated, extra);
  }

  /**
   * An entry whose settings were chosen by {@code chosenBy} ({@link #CHOSEN_BY}, null for the
   * user's own).
   */
  public SiteEntry(
      String account,
      String sameAs,
      MintRequest settings,
      String chosenBy,
      String note,
      String created,
      String updated,
      Map<String, KeptValue> extra) {
    this(account, sameAs, settings, chosenBy, note, created, updated, extra, RekeyMark.NONE);
  }

  /** An entry with what it records of its phrase and of a rotation ({@link RekeyMark}). */
  public SiteEntry(
      String account,
      String sameAs,
      MintRequest settings,
      String chosenBy,
      String note,
      String created,
      String updated,
      Map<String, KeptValue> extra,
      RekeyMark rekey) {
    this.rekey = Objects.requireNonNull(rekey);
    this.account = account;
    this.sameAs = sameAs;
    this.settings = Objects.requireNonNull(settings);
    this.chosenBy = sameAs == null ? chosenBy : null;
    this.note = note;
    this.created = Objects.requireNonNull(created);
    this.updated = Objects.requireNonNull(updated);
    this.extra =
        extra == null || extra.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
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
    return sameAs != null ? "same as " + sameAs : AllSettings.nonDefaults(settings);
  }

  /**
   * Why a setting cannot be stored in this entry, which has {@code sameAs}: for the commands that
   * would store one.
   */
  public String noSettingsOfItsOwn() {
    String other = Text.printable(sameAs);
    return Text.printable(label())
        + " is the same as "
        + other
        + " and has no settings of its own: change "
        + other
        + "'s ('"
        + Text.command("mint", "site", "set", sameAs)
        + " ...'), or remove this entry first ('mint site rm')";
  }

  /** The stored settings, as a request for the entry's own site. */
  public MintRequest settings() {
    return settings;
  }

  /**
   * {@code rules of wsj.com} when mint chose the stored settings for those rules, or null when they
   * are the user's ({@link #CHOSEN_BY}).
   */
  public String chosenBy() {
    return chosenBy;
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
    return AllSettings.copyAll(settings, builder);
  }

  public SiteEntry withSettings(MintRequest newSettings, String date) {
    // a version 'rekey show' chose was chosen for the old settings: void, so that 'rekey done'
    // never stores settings whose password nobody saw (a moved entry keeps its marks; the policy
    // refuses to change its settings while the rotation is under way)
    RekeyMark mark =
        rekey.isMoved() || newSettings.equals(settings) ? rekey : rekey.withVersion(null);
    return new SiteEntry(
        account,
        sameAs,
        newSettings,
        chosenBy,
        note,
        created,
        date,
        extra,
        mark.isNone() ? RekeyMark.NONE : mark);
  }

  /** This entry with its settings' chooser ({@link #chosenBy}) changed; the dates unchanged. */
  public SiteEntry withChosenBy(String who) {
    return new SiteEntry(account, sameAs, settings, who, note, created, updated, extra, rekey);
  }

  public SiteEntry withNote(String newNote, String date) {
    return new SiteEntry(account, sameAs, settings, chosenBy, newNote, created, date, extra, rekey);
  }

  /** This entry made one that gives {@code other}'s password (its own settings dropped). */
  public SiteEntry withSameAs(String other, String date) {
    return new SiteEntry(
        account,
        other,
        MintRequest.builder(site()).build(),
        null,
        note,
        created,
        date,
        extra,
        RekeyMark.NONE); // it follows the other site's phrase
  }

  /** What the entry records of its phrase and of a rotation under way. */
  public RekeyMark rekey() {
    return rekey;
  }

  /** This entry with {@code mark} recorded; the dates unchanged. */
  public SiteEntry withRekey(RekeyMark mark) {
    return new SiteEntry(account, sameAs, settings, chosenBy, note, created, updated, extra, mark);
  }

  /** {@code site} or {@code site (account NAME)}, for messages and lists. */
  public String label() {
    return account == null ? site() : site() + " (account " + account + ")";
  }

  /** The fields this mint does not know, by name in the order read, kept to be written back. */
  public Map<String, KeptValue> extra() {
    return extra;
  }

  /** Today's date in UTC, as the entries record it. */
  public static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  /**
   * A bad value in an entry: which field, and what is wrong. The format adds the file, the line and
   * column, and the entry.
   */
  public static final class BadValue extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public BadValue(String field, String whatIsWrong) {
      super(whatIsWrong, null, false, false);
      this.field = field;
    }

    /** The field whose value is wrong, or null for the entry as a whole. */
    public String field() {
      return field;
    }
  }

  /**
   * Refuses a site or an account label holding a control character (a tab, a line break, an
   * escape...): such a name would forge rows and lines where mint writes it ({@code batch}'s {@code
   * site<TAB>password}), so no entry holds one, and a file with one is a file mint cannot use.
   *
   * @return {@code text}, which may be null
   */
  public static String checkName(String field, String text) {
    if (Text.hasControl(text)) {
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
}
