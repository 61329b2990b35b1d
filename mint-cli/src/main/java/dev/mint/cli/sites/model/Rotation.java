package dev.mint.cli.sites.model;

import dev.mint.Level;
import dev.mint.PhraseCheck;
import dev.mint.Revision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rotation under way ({@code mint rekey start}): what the sites move to, one by one, and since
 * when. Never a phrase or anything but the new phrase's 16-bit check, which the file holds anyway
 * once the rotation is finished. Written as the top-level field {@code "rotation"}:
 *
 * <pre>{@code
 * "rotation": {"phraseCheck": "ab12", "revision": "r3", "level": "high", "started": "2026-12-07"}
 * }</pre>
 *
 * @param phraseCheck the new phrase's check, or null when the phrase stays ({@code --keep-phrase})
 * @param revision the revision the sites move to, or null when each keeps its own
 * @param level the level the sites move to, or null when each keeps its own
 * @param started the date the rotation started (UTC, as the entries' dates)
 * @param addedRecordedCheck whether {@code start} recorded the current phrase's check because none
 *     was recorded (so that {@code abort} removes it again and leaves the file as it was)
 * @param extra fields a newer mint stored in the record, kept as read
 */
public record Rotation(
    PhraseCheck phraseCheck,
    Revision revision,
    Level level,
    String started,
    boolean addedRecordedCheck,
    Map<String, KeptValue> extra) {
  public static final String FIELD = "rotation";
  public static final String PHRASE_CHECK = "phraseCheck";
  public static final String REVISION = "revision";
  public static final String LEVEL = "level";
  public static final String STARTED = "started";
  public static final String ADDED_RECORDED_CHECK = "addedRecordedCheck";

  public Rotation {
    Objects.requireNonNull(started);
    extra =
        extra == null || extra.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  /** Whether the sites move to another phrase (not {@code --keep-phrase}). */
  public boolean movesPhrase() {
    return phraseCheck != null;
  }
}
