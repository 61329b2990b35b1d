package dev.mint.cli.sites.policy;

import dev.mint.PhraseCheck;
import dev.mint.cli.io.Text;
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
