package dev.mint.cli.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mint.InvalidInputException;
import dev.mint.PhraseCheck;
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
   * The recorded check of {@code profiles}, or null when none is recorded.
   *
   * @throws SitesException (exit 4) when the field is there but is not four hex digits
   */
  public static PhraseCheck in(Profiles profiles, String fileName) {
    Optional<JsonNode> field = profiles.topLevel(FIELD);
    if (field.isEmpty()) {
      return null;
    }
    JsonNode value = field.get();
    if (value.isTextual() && value.textValue().matches("[0-9a-fA-F]{4}")) {
      try {
        return PhraseCheck.parse(value.textValue());
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

  /** Whether {@code profiles} holds a recorded check (valid or not). */
  public static boolean isRecorded(Profiles profiles) {
    return profiles.topLevel(FIELD).isPresent();
  }

  /**
   * Takes the recorded check out of {@code profiles}, an in-memory copy ({@code site export
   * --no-phrase-check}); the sites file is not written.
   */
  public static void leaveOut(Profiles profiles) {
    profiles.setTopLevel(FIELD, null);
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
  public static Imported importFrom(Profiles stored, Profiles incoming, String storedName) {
    Optional<JsonNode> theirs = incoming.topLevel(FIELD);
    if (theirs.isEmpty()) {
      return Imported.NOTHING;
    }
    PhraseCheck recorded = in(stored, storedName);
    PhraseCheck offered = in(incoming, storedName);
    if (recorded == null) {
      stored.setTopLevel(FIELD, TextNode.valueOf(offered.hex()));
      return Imported.RECORDED;
    }
    return recorded.equals(offered) ? Imported.NOTHING : Imported.KEPT_RECORDED;
  }

  /**
   * Records {@code check} in {@code file} (under its lock, atomically, creating it); returns the
   * check recorded before, or null.
   */
  public static PhraseCheck record(SitesFile file, PhraseCheck check) {
    return file.update(
        profiles -> {
          PhraseCheck before = in(profiles, file.name());
          profiles.setTopLevel(FIELD, TextNode.valueOf(check.hex()));
          return before;
        });
  }
}
