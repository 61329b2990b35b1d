package dev.mint.cli.sites.policy;

import dev.mint.PhraseCheck;
import dev.mint.cli.sites.model.RekeyMark;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code site import} does with a rotation ({@code mint rekey}) under way in the file it
 * reads: takes it when none is under way here and both files record the same current phrase, and
 * keeps the entries' marks only of the rotation that will be under way here.
 */
public final class RotationImport {
  private RotationImport() {}

  /** What {@code site import} did with the rotation of the file it read. */
  public enum Imported {
    /** The file has none, or the one under way here: nothing to say. */
    NOTHING,
    /** None was under way here: the file's is now. */
    TAKEN,
    /** Another one is under way here, or another phrase is recorded: the file's is left out. */
    KEPT
  }

  /**
   * {@code incoming} as {@code site import} merges it into {@code stored}: with its rotation's
   * marks (the versions {@code show} chose, the entries {@code done} moved) only when that rotation
   * is the one that will be under way in {@code stored} ({@link #importFrom} takes it, or it is
   * under way there already). A mark of another rotation would send an entry to a phrase it was
   * never moved to. The marks of entries left on an older phrase name their phrase by its check,
   * and stay.
   */
  public static SiteBook importable(Sites stored, SiteBook incoming, String storedName) {
    if (carried(stored, incoming, storedName)) {
      return incoming;
    }
    List<SiteEntry> entries = new ArrayList<>();
    for (SiteEntry e : incoming.entries()) {
      RekeyMark kept = e.rekey().withoutRotation();
      entries.add(kept.equals(e.rekey()) ? e : e.withRekey(kept.isNone() ? RekeyMark.NONE : kept));
    }
    return new SiteBook(entries, incoming.topLevel(), incoming.rotation());
  }

  /** Whether the rotation of {@code incoming} is, after importing it, the one under way here. */
  private static boolean carried(Sites stored, SiteBook incoming, String storedName) {
    Rotation theirs = incoming.rotation();
    if (theirs == null) {
      return false;
    }
    Rotation ours = stored.rotation();
    if (ours != null) {
      return sameRotation(ours, theirs);
    }
    PhraseCheck recorded = RecordedCheck.in(stored.book(), storedName);
    PhraseCheck offered = RecordedCheck.in(incoming, storedName);
    return offered != null && (recorded == null || recorded.equals(offered));
  }

  private static boolean sameRotation(Rotation ours, Rotation theirs) {
    return Objects.equals(ours.phraseCheck(), theirs.phraseCheck())
        && ours.revision() == theirs.revision()
        && ours.level() == theirs.level();
  }

  /**
   * Takes the rotation of {@code incoming} into {@code stored} when none is under way there and
   * both record the same current phrase check (call after {@link RecordedCheck#importFrom}), so
   * that a file exported in the middle of a rotation carries it to another machine.
   */
  public static Imported importFrom(Sites stored, SiteBook incoming, String storedName) {
    Rotation theirs = incoming.rotation();
    if (theirs == null) {
      return Imported.NOTHING;
    }
    Rotation ours = stored.rotation();
    if (ours != null) {
      return sameRotation(ours, theirs) ? Imported.NOTHING : Imported.KEPT;
    }
    PhraseCheck recorded = RecordedCheck.in(stored.book(), storedName);
    PhraseCheck offered = RecordedCheck.in(incoming, storedName);
    if (recorded == null || !recorded.equals(offered)) {
      return Imported.KEPT;
    }
    stored.setRotation(theirs);
    return Imported.TAKEN;
  }
}
