package dev.mint.cli.sites.policy;

import dev.mint.PhraseCheck;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.model.RekeyMark;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.HashSet;
import java.util.Set;

/**
 * Which master phrase one derivation needs, by its check (never by the phrase): the file's recorded
 * check, or the check an entry records of its own phrase (left on the old phrase when a rotation
 * finished, or moved to the new one while a rotation is under way). {@link #refusal} is the one
 * line that refuses another phrase.
 *
 * @param label the site (and account) as messages name it; null for a site without an entry
 * @param needed the check the phrase must give, or null when nothing is checked
 * @param alsoAccepted a second check taken (a site without an entry while a rotation moves the
 *     phrase: the new phrase's), or null
 * @param why how {@code needed} came to be the entry's phrase, for the refusal ({@code moved to it
 *     on 2026-12-07}); null for the recorded check
 * @param waiting when the phrase refused is the rotation's new one and the entry has not moved yet:
 *     that check, else null
 */
public record PhraseRoute(
    String label, PhraseCheck needed, PhraseCheck alsoAccepted, String why, PhraseCheck waiting) {

  /**
   * Every check a site of {@code book} needs: the recorded one, the new one of a rotation under
   * way, and those of the entries left on older phrases.
   */
  public static Set<PhraseCheck> knownChecks(SiteBook book, PhraseCheck recorded) {
    Set<PhraseCheck> known = new HashSet<>();
    if (recorded != null) {
      known.add(recorded);
    }
    if (book.rotation() != null && book.rotation().movesPhrase()) {
      known.add(book.rotation().phraseCheck());
    }
    for (SiteEntry e : book.entries()) {
      if (e.rekey().phraseCheck() != null) {
        known.add(e.rekey().phraseCheck());
      }
    }
    return known;
  }

  /**
   * Which phrase deriving {@code entry}'s password needs ({@code entry} null: a site without an
   * entry), for {@code book} whose recorded check is {@code recorded}; for an entry with {@code
   * sameAs}, {@code target} is the entry whose password it gives (null: none).
   */
  public static PhraseRoute of(
      SiteBook book, PhraseCheck recorded, SiteEntry entry, SiteEntry target) {
    Rotation rotation = book.rotation();
    PhraseCheck next = rotation != null && rotation.movesPhrase() ? rotation.phraseCheck() : null;
    SiteEntry used = entry != null && entry.sameAs() != null ? target : entry;
    if (used == null) {
      // a site without an entry: the recorded phrase, or the new one of a rotation under way
      return new PhraseRoute(null, recorded, next, null, null);
    }
    String label = entry.label();
    RekeyMark mark = used.rekey();
    if (mark.isMoved() && next != null) {
      return new PhraseRoute(label, next, null, "moved to it on " + mark.moved(), null);
    }
    if (mark.phraseCheck() != null) {
      return new PhraseRoute(
          label,
          mark.phraseCheck(),
          null,
          Rotations.onNewPhrase(used, rotation)
              ? "made with it on " + mark.phraseSince()
              : "left on it since " + mark.phraseSince() + ", when a rotation finished",
          null);
    }
    return new PhraseRoute(label, recorded, null, null, next);
  }

  /**
   * What {@code site list} says of {@code entry}'s phrase (in its note column), or null when it
   * needs the recorded phrase as any entry does: {@code moved 2026-12-07} in a rotation under way,
   * {@code older phrase 3813 since 2026-12-07} for an entry a finished rotation left behind.
   */
  public static String phraseNote(SiteEntry entry, Rotation rotation) {
    RekeyMark mark = entry.rekey();
    if (rotation != null && mark.isMoved()) {
      return "moved " + mark.moved();
    }
    if (Rotations.onNewPhrase(entry, rotation)) {
      return "new phrase since " + mark.phraseSince();
    }
    if (mark.phraseCheck() != null) {
      return "older phrase " + mark.phraseCheck().hex() + " since " + mark.phraseSince();
    }
    return null;
  }

  /**
   * What {@code site show} says of {@code entry}'s phrase and of the rotation under way, or null
   * when there is nothing to say.
   */
  public static String phraseLine(SiteEntry entry, Rotation rotation) {
    RekeyMark mark = entry.rekey();
    if (Rotations.onNewPhrase(entry, rotation)) {
      return "the new one (check "
          + mark.phraseCheck().hex()
          + "), made with it on "
          + mark.phraseSince();
    }
    if (mark.phraseCheck() != null) {
      return "the one with check "
          + mark.phraseCheck().hex()
          + " (left on it since "
          + mark.phraseSince()
          + ", when a rotation finished)";
    }
    if (rotation == null || entry.sameAs() != null) {
      return null;
    }
    String to =
        rotation.movesPhrase()
            ? "the new one (check " + rotation.phraseCheck().hex() + ")"
            : "its new settings";
    if (mark.isMoved()) {
      return to + ", moved on " + mark.moved() + " (the settings above are its new ones)";
    }
    return "the current one until moved to "
        + to
        + " ('"
        + (mark.version() == null ? Rotations.showCommand(entry) : Rotations.doneCommand(entry))
        + "')";
  }

  /** The recorded check only (null: nothing checked), as before any rotation. */
  public static PhraseRoute recorded(PhraseCheck recorded) {
    return new PhraseRoute(null, recorded, null, null, null);
  }

  /** Whether a phrase is checked at all. */
  public boolean checks() {
    return needed != null;
  }

  /** The checks a phrase may give. */
  public Set<PhraseCheck> accepted() {
    if (needed == null) {
      return Set.of();
    }
    return alsoAccepted == null || alsoAccepted.equals(needed)
        ? Set.of(needed)
        : Set.of(needed, alsoAccepted);
  }

  /**
   * The line that refuses a phrase whose check is {@code typed}, or null when it is taken (or
   * nothing is checked). Names the site, the check it needs and since when, and the typed one;
   * never the phrase.
   */
  public String refusal(PhraseCheck typed) {
    if (needed == null || accepted().contains(typed)) {
      return null;
    }
    if (label == null || why == null && (waiting == null || !waiting.equals(typed))) {
      // the recorded check, as mint check --remember records it (a phrase neither of a rotation's
      // two: a typo, said as before any rotation)
      return "phrase check mismatch: typed "
          + typed
          + ", recorded "
          + needed
          + " (a typo in the phrase? --force derives anyway)";
    }
    String site = Text.printable(label);
    if (waiting != null && waiting.equals(typed)) {
      return site
          + " is not moved to the new phrase yet: it needs the current one ("
          + needed.hex()
          + ") until 'mint rekey done' moves it (typed the new one, "
          + typed.hex()
          + ")";
    }
    return site
        + " needs the phrase with check "
        + needed.hex()
        + " ("
        + why
        + "); the phrase typed gives "
        + typed.hex()
        + " (--force derives anyway)";
  }
}
