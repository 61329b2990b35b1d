package dev.mint.cli.sites.policy;

import dev.mint.InvalidInputException;
import dev.mint.PhraseCheck;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.KeptValue;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.store.SitesFile;
import java.util.Optional;

/**
 * The phrase check recorded in the sites file by {@code mint check --remember}: a top-level field
 * {@code "phraseCheck": "f40c"} (four hex digits, nothing else) beside the format and the entries.
 * With it, a derivation whose phrase gives another check is refused.
 *
 * <p>The trade-off (docs/THREAT_MODEL.md): whoever holds the file can discard wrong phrase guesses
 * at one derivation each, which is less than any one leaked site password gives.
 */
public final class RecordedCheck {
  static final String FIELD = "phraseCheck";

  private RecordedCheck() {}

  /**
   * The recorded check of {@code book}, or null when none is recorded.
   *
   * @throws SitesException (exit 4) when the field is there but is not four hex digits
   */
  public static PhraseCheck in(SiteBook book, String fileName) {
    return in(Optional.ofNullable(book.topLevel().get(FIELD)), fileName);
  }

  private static PhraseCheck in(Optional<KeptValue> field, String fileName) {
    if (field.isEmpty()) {
      return null;
    }
    String text = field.get().text();
    if (text != null && text.matches("[0-9a-fA-F]{4}")) {
      try {
        return PhraseCheck.parse(text);
      } catch (InvalidInputException e) {
        // not reached: four hex digits always parse
      }
    }
    throw SitesException.file(
        fileName
            + ": \""
            + FIELD
            + "\": must be four hex digits, as"
            + " 'mint check --remember' writes it (fix or remove the field)");
  }

  /** Whether {@code book} holds a recorded check (valid or not). */
  public static boolean isRecorded(SiteBook book) {
    return book.topLevel().containsKey(FIELD);
  }

  /**
   * {@code book} without its recorded check ({@code site export --no-phrase-check}); the sites file
   * is not written.
   */
  public static SiteBook leftOut(SiteBook book) {
    Sites sites = Sites.of(book);
    sites.setTopLevel(FIELD, null);
    return sites.book();
  }

  /** What {@code site import} did with the phrase check of the file it read. */
  public enum Imported {
    /** The file holds none, or the one recorded: nothing to say. */
    NOTHING,
    /** None was recorded: the file's is recorded now. */
    RECORDED,
    /** Another one is recorded: it is kept, the file's left out. */
    KEPT_RECORDED
  }

  /**
   * Merges the phrase check of {@code incoming} into {@code stored}, losing none: with none
   * recorded, the file's is recorded; with another one recorded, the recorded one is kept (only
   * {@code mint check --remember}, the phrase typed, replaces it). {@code incoming}'s check was
   * checked with {@link #in} before.
   */
  public static Imported importFrom(Sites stored, SiteBook incoming, String storedName) {
    Optional<KeptValue> theirs = Optional.ofNullable(incoming.topLevel().get(FIELD));
    if (theirs.isEmpty()) {
      return Imported.NOTHING;
    }
    PhraseCheck recorded = in(stored.topLevel(FIELD), storedName);
    PhraseCheck offered = in(theirs, storedName);
    if (recorded == null) {
      stored.setTopLevel(FIELD, KeptValue.ofText(offered.hex()));
      return Imported.RECORDED;
    }
    return recorded.equals(offered) ? Imported.NOTHING : Imported.KEPT_RECORDED;
  }

  /**
   * Records {@code check} in {@code file} (under its lock, atomically, creating it); returns the
   * check recorded before, or null.
   */
  public static PhraseCheck record(SitesFile file, PhraseCheck check) {
    return Sites.update(
        file,
        sites -> {
          PhraseCheck before = in(sites.topLevel(FIELD), file.name());
          sites.setTopLevel(FIELD, KeptValue.ofText(check.hex()));
          return before;
        });
  }
}
