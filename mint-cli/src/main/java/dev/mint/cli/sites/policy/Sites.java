package dev.mint.cli.sites.policy;

import dev.mint.MintRequest;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.TypedSettings;
import dev.mint.cli.sites.model.Edited;
import dev.mint.cli.sites.model.KeptValue;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.store.SitesFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The sites of one sites file, as a command works on them: a copy of the file's content ({@link
 * SiteBook}) whose entries can be found, added and changed by the rules of the file (one entry a
 * site and account, the same-as rules), and which gives the new content back ({@link #book}).
 */
public final class Sites {
  private final List<SiteEntry> entries;
  private final Map<String, KeptValue> topLevel;
  private Rotation rotation;

  private Sites(List<SiteEntry> entries, Map<String, KeptValue> topLevel, Rotation rotation) {
    this.entries = entries;
    this.topLevel = topLevel;
    this.rotation = rotation;
  }

  /** No entries, no other field. */
  public static Sites empty() {
    return of(SiteBook.empty());
  }

  /** The sites of {@code book}, to look up or change. */
  public static Sites of(SiteBook book) {
    return new Sites(
        new ArrayList<>(book.entries()), new LinkedHashMap<>(book.topLevel()), book.rotation());
  }

  /**
   * Changes the sites of {@code file} under its lock ({@link SitesFile#update}): {@code change}
   * finds and changes them, the file is written atomically when it returns normally, and what it
   * returns is returned.
   */
  public static <T> T update(SitesFile file, Function<Sites, T> change) {
    return file.update(
        book -> {
          Sites sites = of(book);
          T result = change.apply(sites);
          return new Edited<>(sites.book(), result);
        });
  }

  /** The content as it is now. */
  public SiteBook book() {
    return new SiteBook(entries, topLevel, rotation);
  }

  /** The rotation under way ({@code mint rekey start}), or null. */
  public Rotation rotation() {
    return rotation;
  }

  /** Starts (or with null, ends) a rotation: {@link Rotations} alone calls this. */
  void setRotation(Rotation newRotation) {
    rotation = newRotation;
  }

  /** The entries, in file order; the list may be changed (the change is in {@link #book}). */
  public List<SiteEntry> entries() {
    return entries;
  }

  /** A top-level field other than the format and the entries (for example a recorded check). */
  Optional<KeptValue> topLevel(String name) {
    return Optional.ofNullable(topLevel.get(name));
  }

  /** Sets (or with null, removes) a top-level field other than the format and the entries. */
  void setTopLevel(String name, KeptValue value) {
    if (name.equals("format") || name.equals("sites")) {
      throw new IllegalArgumentException(name); // the format's own fields: a bug
    }
    if (value == null) {
      topLevel.remove(name);
    } else {
      topLevel.put(name, value);
    }
  }

  /**
   * {@code --account -}: the entry without an account, so that it stays reachable once its site has
   * labelled entries too (mint only).
   */
  public static final String NO_ACCOUNT = "-";

  /**
   * The entries {@code typedSite} matches, with {@code account} when it is not null ({@link
   * #NO_ACCOUNT}: those without an account).
   */
  List<SiteEntry> matching(String typedSite, String account) {
    return entries.stream()
        .filter(e -> e.matches(typedSite))
        .filter(
            e ->
                account == null
                    || (account.equals(NO_ACCOUNT)
                        ? e.account() == null
                        : account.equals(e.account())))
        .collect(Collectors.toList());
  }

  /**
   * The one entry for {@code typedSite} (and {@code account} if given), or empty when there is
   * none.
   *
   * @throws SitesException (usage) when several entries match and no account tells them apart
   */
  public Optional<SiteEntry> find(String typedSite, String account, String fileName) {
    List<SiteEntry> found = matching(typedSite, account);
    if (found.size() <= 1) {
      return found.stream().findFirst();
    }
    if (account != null) {
      throw SitesException.file(
          fileName
              + ": holds "
              + found.size()
              + " entries for the same site"
              + " and account "
              + shortly(account)
              + "; remove one with 'mint site rm'");
    }
    String accounts =
        found.stream()
            .map(e -> e.account() == null ? "(no account)" : shortly(e.account()))
            .collect(Collectors.joining(", "));
    throw SitesException.usage(
        "the site matches "
            + found.size()
            + " entries of "
            + fileName
            + ", for the accounts "
            + accounts
            + ": choose one with --account NAME"
            + (found.stream().anyMatch(e -> e.account() == null)
                ? " (--account - for the entry without one)"
                : ""));
  }

  /**
   * Creates the entry for {@code typedSite} and {@code account} with the page's defaults and the
   * settings typed, or changes only the settings typed (and the note, if not null) in the entry
   * that matches.
   */
  public Change set(
      String typedSite,
      String account,
      TypedSettings typed,
      String note,
      String date,
      String fileName) {
    return upsert(
        typedSite,
        account,
        note,
        date,
        fileName,
        "site",
        labelled ->
            new SiteEntry(
                labelled, null, typed.request(typedSite), typed.chosenBy(), note, date, date, null),
        before -> {
          if (before.sameAs() != null && !typed.isEmpty()) {
            throw SitesException.invalid("site", before.noSettingsOfItsOwn());
          }
          SiteEntry after =
              before.withSettings(typed.applyTo(before.settings().toBuilder()).build(), date);
          // the rules' choice is recorded; a weaker setting the user typed makes them the user's
          if (typed.chosenBy() != null) {
            return after.withChosenBy(typed.chosenBy());
          }
          return typed.weakens(typedSite) ? after.withChosenBy(null) : after;
        });
  }

  /**
   * Creates the entry for {@code typedSite} and {@code account} that gives {@code other}'s password
   * ({@code site set --same-as}), or makes the entry that matches one (its settings dropped; its
   * note changed when {@code note} is not null).
   *
   * @throws SitesException (a typed value) when the file would then hold a chain, a loop, an entry
   *     that names itself or a site with several entries ({@link #sameAsProblem})
   */
  public Change setSameAs(
      String typedSite, String account, String other, String note, String date, String fileName) {
    checkName("same-as", other);
    return upsert(
        typedSite,
        account,
        note,
        date,
        fileName,
        "same-as",
        labelled ->
            new SiteEntry(
                labelled, other, MintRequest.builder(typedSite).build(), note, date, date, null),
        before -> before.withSameAs(other, date));
  }

  /**
   * The one way {@link #set} and {@link #setSameAs} change the entries: the entry of {@code
   * typedSite} and {@code account} is changed by {@code change} (its note too, when {@code note} is
   * not null), or, when there is none, made by {@code create} (given the account, null for {@code
   * --account -}); a change that gives the file a new {@link #sameAsProblem} is refused.
   */
  private Change upsert(
      String typedSite,
      String account,
      String note,
      String date,
      String fileName,
      String field,
      Function<String, SiteEntry> create,
      UnaryOperator<SiteEntry> change) {
    checkName("site", typedSite);
    checkName("account", NO_ACCOUNT.equals(account) ? null : account);
    Optional<String> problem = sameAsProblem();
    Optional<SiteEntry> found = find(typedSite, account, fileName);
    Change result;
    if (found.isEmpty()) {
      SiteEntry created = create.apply(NO_ACCOUNT.equals(account) ? null : account);
      entries.add(created);
      result = new Change(null, created);
    } else {
      SiteEntry before = found.get();
      SiteEntry after = change.apply(before);
      if (note != null) {
        after = after.withNote(note, date);
      }
      replace(before, after);
      result = new Change(before, after);
    }
    // a second entry for a site another one names, a chain or a loop
    refuseNewSameAsProblem(problem, field);
    return result;
  }

  /**
   * Refuses (a typed value, exit 3) a site or account no entry may hold ({@link
   * SiteEntry#checkName}).
   */
  private static void checkName(String field, String text) {
    try {
      SiteEntry.checkName(field, text);
    } catch (SiteEntry.BadValue e) {
      throw SitesException.invalid(field, e.getMessage() + "; nothing stored");
    }
  }

  /**
   * Refuses (a typed value, exit 3) a change that gave the file a {@link #sameAsProblem} it did not
   * have before ({@code before}); the file is then not written.
   */
  private void refuseNewSameAsProblem(Optional<String> before, String field) {
    Optional<String> after = sameAsProblem();
    if (after.isPresent() && !after.equals(before)) {
      throw SitesException.invalid(field, after.get() + "; nothing stored");
    }
  }

  /**
   * For an entry with {@code sameAs}: the entry of that site whose settings it takes (matched
   * without an account), or empty when the file has none (the page's defaults).
   *
   * @throws SitesException (the file, exit 4) when it names itself, a site with several entries, or
   *     a site whose entry has {@code sameAs} too (a chain or a loop)
   */
  public Optional<SiteEntry> sameAsTarget(SiteEntry entry, String fileName) {
    return SameAs.target(this, entry, fileName);
  }

  /**
   * The request that gives {@code entry}'s password, for its own site: its settings, or for an
   * entry with {@code sameAs} the other site with that site's entry's settings (the page's defaults
   * without one).
   *
   * @throws SitesException as {@link #sameAsTarget}
   */
  public MintRequest passwordRequest(SiteEntry entry, String fileName) {
    return SameAs.passwordRequest(this, entry, fileName);
  }

  /**
   * What is wrong with the file's {@code sameAs} entries, or empty: an entry that names itself, a
   * site with several entries, or a site whose entry has {@code sameAs} too (a chain or a loop).
   * {@code site set --same-as} and {@code site import} refuse to write such a file.
   */
  public Optional<String> sameAsProblem() {
    return SameAs.problem(this);
  }

  /**
   * The other entries that give {@code entry}'s password: the same normalized site under the same
   * revision, with the same settings (only the account or the note differs, and neither changes the
   * password).
   */
  public List<SiteEntry> samePasswordAs(SiteEntry entry) {
    return SamePassword.as(entries, entry);
  }

  /**
   * The warning lines for {@code entry} sharing its password with other entries (none when it does
   * not): for {@code site set} and {@code site bump}, which would otherwise say nothing.
   */
  public List<String> samePasswordWarnings(SiteEntry entry) {
    return SamePassword.warnings(entries, entry);
  }

  /** Puts {@code after} where {@code before} is. */
  public void replace(SiteEntry before, SiteEntry after) {
    int at = entries.indexOf(before);
    if (at < 0) {
      throw new IllegalStateException("not an entry of this file"); // a bug
    }
    if (before.rekey().isMoved()
        && after.rekey().isMoved()
        && !before.settings().equals(after.settings())) {
      // its password in use is the new settings' ('rekey show' printed it, the site has it now);
      // a change of the old ones would change that password behind the user's back
      throw SitesException.invalid(
          "site",
          Text.printable(before.label())
              + " was moved to its new password in the rotation under way: change its settings"
              + " after 'mint rekey finish'; nothing stored");
    }
    entries.set(at, after);
  }

  static String shortly(String text) {
    String shown = Text.printable(text);
    return shown.length() <= 60 ? shown : shown.substring(0, 57) + "...";
  }
}
