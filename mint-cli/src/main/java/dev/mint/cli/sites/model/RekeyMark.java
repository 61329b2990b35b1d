package dev.mint.cli.sites.model;

import dev.mint.PhraseCheck;

/**
 * What an entry records of the master phrase it needs and of the rotation under way; all four
 * fields are absent from the file for an entry on the recorded phrase with no rotation under way,
 * so that files without rotations read and rewrite as they were. Never a phrase: a 16-bit check and
 * dates.
 *
 * @param phraseCheck the check of the phrase this entry is on when that is not the file's recorded
 *     one (an entry left on the old phrase when a rotation finished), else null
 * @param phraseSince since when the entry is on {@code phraseCheck} (with it, else null)
 * @param version the version {@code mint rekey show} chose for the entry's new settings (pending,
 *     stored by {@code mint rekey done}), else null
 * @param moved the date {@code mint rekey done} moved the entry in the rotation under way, else
 *     null; with it the entry's password is the one of its new settings and the new phrase
 */
public record RekeyMark(PhraseCheck phraseCheck, String phraseSince, String version, String moved) {
  public static final String PHRASE_CHECK = "phraseCheck";
  public static final String PHRASE_SINCE = "phraseSince";
  public static final String VERSION = "rekeyVersion";
  public static final String MOVED = "rekeyed";

  /** Nothing recorded. */
  public static final RekeyMark NONE = new RekeyMark(null, null, null, null);

  /** Whether nothing is recorded. */
  public boolean isNone() {
    return phraseCheck == null && phraseSince == null && version == null && moved == null;
  }

  /** Whether {@code mint rekey done} moved the entry in the rotation under way. */
  public boolean isMoved() {
    return moved != null;
  }

  public RekeyMark withVersion(String newVersion) {
    return new RekeyMark(phraseCheck, phraseSince, newVersion, moved);
  }

  public RekeyMark withMoved(String date) {
    return new RekeyMark(phraseCheck, phraseSince, version, date);
  }

  public RekeyMark withPhrase(PhraseCheck check, String since) {
    return new RekeyMark(check, check == null ? null : since, version, moved);
  }

  /** Without the rotation's fields (the version chosen, the date moved); the phrase kept. */
  public RekeyMark withoutRotation() {
    return new RekeyMark(phraseCheck, phraseSince, null, null);
  }
}
