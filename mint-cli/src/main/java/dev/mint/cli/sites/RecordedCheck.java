package dev.mint.cli.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mint.InvalidInputException;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
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
   * @throws CliException (exit 4) when the field is there but is not four hex digits
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
    throw CliException.io(
        fileName
            + ": \""
            + FIELD
            + "\": must be four hex digits, as"
            + " 'mint check --remember' writes it (fix or remove the field)");
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

  /**
   * Refuses {@code phrase} when the sites file records a check and the phrase gives another; for
   * commands that hold a phrase for many sites (session, batch), before the first one. Nothing when
   * there is no sites file or no recorded check.
   *
   * @throws CliException (exit 3) on a mismatch, (exit 4) when the file cannot be used
   */
  public static void require(Io io, char[] phrase) {
    SitesFile file = SitesFile.of(io);
    if (!file.exists()) {
      return;
    }
    PhraseCheck recorded = in(file.read(), file.name());
    if (recorded == null) {
      return;
    }
    PhraseCheck typed = PhraseCheck.of(phrase);
    if (!typed.equals(recorded)) {
      throw mismatch(typed, recorded);
    }
  }

  /** The mismatch refusal: exit 3, both checks named, before any password is shown. */
  public static CliException mismatch(PhraseCheck typed, PhraseCheck recorded) {
    return CliException.invalidInput(
        "phrase check mismatch: typed "
            + typed
            + ", recorded "
            + recorded
            + " (a typo in the phrase? --force derives anyway)");
  }
}
