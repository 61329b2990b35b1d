package dev.mint.cli.sites.policy;

import dev.mint.MintRequest;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.KeptValue;
import dev.mint.cli.sites.model.RekeyMark;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a rotation ({@code mint rekey}): which entries it moves, their new settings, the
 * steps that change the file (start, a version chosen, one entry moved, finish, abort), and which
 * phrase each entry needs while one is under way and after it. Nothing here sees a phrase: only
 * checks, settings and dates.
 *
 * <p>While a rotation is under way an entry keeps its stored settings (what the current phrase
 * gives); {@code rekey show} records the version chosen for the new settings ({@link
 * RekeyMark#version}) and {@code rekey done} marks the entry moved ({@link RekeyMark#moved}): from
 * then on it gives the new settings' password with the new phrase. {@code finish} writes the new
 * settings into the moved entries and records the new check; {@code abort} drops the marks, so the
 * file is again what it was before {@code start}.
 */
public final class Rotations {
  private Rotations() {}

  /**
   * The entries a rotation moves that are not moved yet, in file order: those with settings of
   * their own on the recorded phrase (an entry with {@code sameAs} moves with its site; an entry
   * left on an older phrase stays there).
   */
  public static List<SiteEntry> toMove(Sites sites) {
    List<SiteEntry> found = new ArrayList<>();
    for (SiteEntry e : sites.entries()) {
      if (movable(e) && !e.rekey().isMoved()) {
        found.add(e);
      }
    }
    return found;
  }

  /** The entries moved in the rotation under way, in file order. */
  public static List<SiteEntry> moved(Sites sites) {
    return sites.entries().stream().filter(e -> e.rekey().isMoved()).toList();
  }

  /**
   * The entries on an older phrase than the recorded one (left behind by a finished rotation); not
   * those made with the new phrase of the rotation under way ({@link #savedWith}).
   */
  public static List<SiteEntry> leftBehind(Sites sites) {
    return sites.entries().stream()
        .filter(
            e ->
                e.sameAs() == null
                    && e.rekey().phraseCheck() != null
                    && !onNewPhrase(e, sites.rotation()))
        .toList();
  }

  /**
   * Whether {@code entry} was made with the new phrase of {@code rotation} ({@link #savedWith}).
   */
  static boolean onNewPhrase(SiteEntry entry, Rotation rotation) {
    return rotation != null
        && rotation.movesPhrase()
        && rotation.phraseCheck().equals(entry.rekey().phraseCheck());
  }

  /**
   * Records on {@code created}, an entry {@code mint SITE --save} has just made, that its password
   * was made with the new phrase of the rotation under way when {@code typed} is that phrase's
   * check: it needs that phrase from then on (and it has nothing to move). {@code finish} makes it
   * an entry like any other on the recorded phrase; {@code abort} leaves it on the phrase it was
   * made with.
   */
  public static void savedWith(Sites sites, SiteEntry created, PhraseCheck typed, String date) {
    Rotation rotation = sites.rotation();
    if (typed == null
        || created.sameAs() != null
        || !created.rekey().isNone()
        || rotation == null
        || !rotation.movesPhrase()
        || !typed.equals(rotation.phraseCheck())) {
      return;
    }
    sites.replace(created, created.withRekey(RekeyMark.NONE.withPhrase(typed, date)));
  }

  private static boolean movable(SiteEntry e) {
    return e.sameAs() == null && e.rekey().phraseCheck() == null;
  }

  /**
   * The settings {@code entry} moves to with {@code version}: its own, with the rotation's revision
   * and level when it moves them.
   */
  public static MintRequest newSettings(SiteEntry entry, Rotation rotation, String version) {
    MintRequest.Builder b = entry.settings().toBuilder().version(version);
    if (rotation.revision() != null) {
      b.revision(rotation.revision());
    }
    if (rotation.level() != null) {
      b.level(rotation.level());
    }
    return b.build();
  }

  /**
   * The settings that give {@code entry}'s password now: after {@code rekey done} in the rotation
   * under way, the new ones; else those stored.
   */
  public static MintRequest settingsInUse(SiteEntry entry, Rotation rotation) {
    if (rotation != null && entry.rekey().isMoved()) {
      return newSettings(entry, rotation, entry.rekey().version());
    }
    return entry.settings();
  }

  /**
   * Starts {@code rotation} in {@code sites}; with no check recorded, records {@code current} first
   * ({@code rotation} then says so, for {@code abort}).
   *
   * @throws SitesException (a typed value, exit 3) when a rotation is under way already, when an
   *     entry with {@code sameAs} names a site without an entry (it cannot move), or when the new
   *     phrase gives the current one's check
   */
  public static void start(Sites sites, Rotation rotation, PhraseCheck current, String fileName) {
    if (sites.rotation() != null) {
      throw SitesException.invalid(
          "rekey",
          "a rotation is under way already (started "
              + sites.rotation().started()
              + "): see 'mint rekey status', or drop it with 'mint rekey abort'");
    }
    if (rotation.phraseCheck() != null && rotation.phraseCheck().equals(current)) {
      throw SitesException.invalid(
          "new phrase",
          "the new phrase gives the same check as the current one ("
              + current.hex()
              + "): checks are 16 bits, so one phrase in 65,536 shares it; choose another new"
              + " phrase, so that mint can tell which phrase each site needs");
    }
    for (SiteEntry e : sites.entries()) {
      if (e.sameAs() != null && sites.sameAsTarget(e, fileName).isEmpty()) {
        throw SitesException.invalid(
            "rekey",
            Text.printable(e.label())
                + " is the same as "
                + Text.printable(e.sameAs())
                + ", which has no entry to move with: create one first ('"
                + Text.command("mint", "site", "set", e.sameAs())
                + "'); nothing stored");
      }
    }
    PhraseCheck recorded = RecordedCheck.in(sites.book(), fileName);
    boolean adding = recorded == null;
    if (adding) {
      sites.setTopLevel(RecordedCheck.FIELD, KeptValue.ofText(current.hex()));
    } else if (!recorded.equals(current)) {
      throw SitesException.invalid(
          "phrase",
          "phrase check mismatch: typed "
              + current
              + ", recorded "
              + recorded
              + "; nothing stored");
    }
    sites.setRotation(
        new Rotation(
            rotation.phraseCheck(),
            rotation.revision(),
            rotation.level(),
            rotation.started(),
            adding,
            rotation.extra()));
  }

  /** The rotation under way in {@code book}, or a refusal (exit 3) that says how to start one. */
  public static Rotation underWay(SiteBook book) {
    if (book.rotation() == null) {
      throw SitesException.invalid(
          "rekey", "no rotation is under way: start one with 'mint rekey start'");
    }
    return book.rotation();
  }

  /**
   * The one entry that {@code typedSite} and {@code account} name, to move.
   *
   * @throws SitesException (exit 3) when there is none, when it has {@code sameAs} (it moves with
   *     its site), or when it is on another phrase than the recorded one
   */
  public static SiteEntry entryToMove(
      Sites sites, String typedSite, String account, String fileName) {
    Optional<SiteEntry> found = sites.find(typedSite, account, fileName);
    if (found.isEmpty()) {
      throw SitesException.invalid(
          "site", "no entry of " + fileName + " for this site (see 'mint rekey status')");
    }
    SiteEntry e = found.get();
    if (e.sameAs() != null) {
      throw SitesException.invalid(
          "site",
          Text.printable(e.label())
              + " is the same as "
              + Text.printable(e.sameAs())
              + " and moves with it: '"
              + Text.command("mint", "rekey", "show", e.sameAs())
              + "'");
    }
    if (onNewPhrase(e, sites.rotation())) {
      throw SitesException.invalid(
          "site",
          Text.printable(e.label())
              + " was made with the new phrase (check "
              + e.rekey().phraseCheck().hex()
              + ") on "
              + e.rekey().phraseSince()
              + ": it has nothing to move");
    }
    if (e.rekey().phraseCheck() != null) {
      throw SitesException.invalid(
          "site",
          Text.printable(e.label())
              + " was left on the phrase with check "
              + e.rekey().phraseCheck().hex()
              + " (since "
              + e.rekey().phraseSince()
              + "), which this rotation does not move");
    }
    return e;
  }

  /** Records {@code version} as the one chosen for {@code entry}'s new settings ({@code show}). */
  public static SiteEntry chose(Sites sites, SiteEntry entry, String version) {
    SiteEntry after = entry.withRekey(entry.rekey().withVersion(version));
    sites.replace(entry, after);
    return after;
  }

  /**
   * Marks {@code entry} moved on {@code date} ({@code done}): from then on it gives the password of
   * the new settings {@code show} printed. Moving an entry moved already changes nothing.
   *
   * @throws SitesException (exit 3) when {@code show} has chosen no version for it yet
   */
  public static SiteEntry done(Sites sites, SiteEntry entry, String date) {
    if (entry.rekey().isMoved()) {
      return entry;
    }
    if (entry.rekey().version() == null) {
      throw SitesException.invalid(
          "site",
          Text.printable(entry.label())
              + ": its new password has not been shown yet: '"
              + showCommand(entry)
              + "' first; nothing stored");
    }
    SiteEntry after = entry.withRekey(entry.rekey().withMoved(date));
    sites.replace(entry, after);
    return after;
  }

  /** {@code mint rekey done SITE [--account A]} for {@code entry}, each word shell-quoted. */
  public static String doneCommand(SiteEntry entry) {
    return rekeyCommand("done", entry);
  }

  /** {@code mint rekey show SITE [--account A]} for {@code entry}, each word shell-quoted. */
  public static String showCommand(SiteEntry entry) {
    return rekeyCommand("show", entry);
  }

  private static String rekeyCommand(String step, SiteEntry entry) {
    return entry.account() == null
        ? Text.command("mint", "rekey", step, entry.site())
        : Text.command("mint", "rekey", step, entry.site(), "--account", entry.account());
  }

  /** What {@code finish} did. */
  public record Finished(Rotation rotation, List<SiteEntry> moved, List<SiteEntry> leftBehind) {}

  /**
   * Ends the rotation under way: the moved entries get their new settings (dated {@code date}); the
   * others stay as they were and, when the phrase moved, record the old phrase's check (since
   * {@code date}); the new phrase's check becomes the recorded one.
   */
  public static Finished finish(Sites sites, String date, String fileName) {
    Rotation rotation = underWay(sites.book());
    PhraseCheck old = RecordedCheck.in(sites.book(), fileName);
    List<SiteEntry> moved = new ArrayList<>();
    List<SiteEntry> left = new ArrayList<>();
    for (SiteEntry e : List.copyOf(sites.entries())) {
      SiteEntry after;
      if (e.rekey().isMoved()) {
        after =
            e.withSettings(newSettings(e, rotation, e.rekey().version()), date)
                .withRekey(RekeyMark.NONE);
        moved.add(after);
      } else if (movable(e)) {
        after = e.withRekey(RekeyMark.NONE);
        if (rotation.movesPhrase()) {
          after = after.withRekey(RekeyMark.NONE.withPhrase(old, date));
        }
        left.add(after);
      } else if (rotation.movesPhrase()
          && e.rekey().phraseCheck() != null
          && e.rekey().phraseCheck().equals(rotation.phraseCheck())) {
        after = e.withRekey(RekeyMark.NONE); // back on the recorded phrase, the new one
      } else {
        after = e.withRekey(e.rekey().withoutRotation());
      }
      sites.replace(e, after);
    }
    if (rotation.movesPhrase()) {
      sites.setTopLevel(RecordedCheck.FIELD, KeptValue.ofText(rotation.phraseCheck().hex()));
    }
    sites.setRotation(null);
    return new Finished(rotation, moved, left);
  }

  /**
   * Drops the rotation under way: every entry as it was before {@code start} (the versions chosen
   * and the moves forgotten), and the recorded check removed again when {@code start} recorded it.
   */
  public static Rotation abort(Sites sites) {
    Rotation rotation = underWay(sites.book());
    for (SiteEntry e : List.copyOf(sites.entries())) {
      RekeyMark kept = e.rekey().withoutRotation();
      if (!kept.equals(e.rekey())) {
        sites.replace(e, e.withRekey(kept.isNone() ? RekeyMark.NONE : kept));
      }
    }
    if (rotation.addedRecordedCheck()) {
      sites.setTopLevel(RecordedCheck.FIELD, null);
    }
    sites.setRotation(null);
    return rotation;
  }
}
