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
