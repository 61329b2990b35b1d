package dev.mint.cli.sites.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Level;
import dev.mint.PhraseCheck;
import dev.mint.Revision;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.format.SitesJson;
import dev.mint.cli.sites.model.RekeyMark;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rotation's rules without a phrase: which entries move, the settings they move to, which
 * phrase each entry needs (and the one line that refuses the other), and what start, done, finish
 * and abort leave in the book.
 */
class RotationsTest {
  static final PhraseCheck OLD = PhraseCheck.parse("3813");
  static final PhraseCheck NEW = PhraseCheck.parse("61b3");
  static final PhraseCheck OTHER = PhraseCheck.parse("0a1b");
  static final PhraseCheck STRANGER = PhraseCheck.parse("ffff");

  static Sites sites(String json) {
    return Sites.of(SitesJson.parse(json.getBytes(StandardCharsets.UTF_8), "sites.json"));
  }

  /** An entry with every setting, as mint writes it, and {@code more} fields. */
  static String full(String site, String revision, String version, int length, String more) {
    return "{\"site\": \""
        + site
        + "\", \"revision\": \""
        + revision
        + "\", \"version\": \""
        + version
        + "\", \"length\": "
        + length
        + ", \"upper\": true, \"lower\": true, \"digits\": true, \"symbols\": true,"
        + " \"excludeAmbiguous\": true, \"level\": \"standard\""
        + more
        + "}";
  }

  static final String FILE =
      "{\"format\": \"mint-sites/1\", \"phraseCheck\": \"3813\", \"sites\": ["
          + String.join(
              ", ",
              full("a.com", "r3", "2", 16, ""),
              full("b.com", "r1", "1", 20, ""),
              "{\"site\": \"c.com\", \"sameAs\": \"a.com\"}",
              full(
                  "d.com",
                  "r3",
                  "1",
                  16,
                  ", \"phraseCheck\": \"0a1b\", \"phraseSince\": \"2025-01-01\""))
          + "]}";

  static SiteEntry entry(Sites sites, String site) {
    return sites.entries().stream().filter(e -> e.site().equals(site)).findFirst().orElseThrow();
  }

  static Rotation rotation(PhraseCheck check, Revision revision, Level level) {
    return new Rotation(check, revision, level, "2026-12-07", false, Map.of());
  }

  @Test
  void startMovesEveryEntryWithSettingsOfItsOwnOnTheRecordedPhrase() {
    Sites s = sites(FILE);
    Rotations.start(s, rotation(NEW, Revision.R3, Level.HIGH), OLD, "sites.json");
    assertEquals(
        List.of("a.com", "b.com"), Rotations.toMove(s).stream().map(SiteEntry::site).toList());
    assertEquals(List.of("d.com"), Rotations.leftBehind(s).stream().map(SiteEntry::site).toList());
    assertEquals(
        "r3 high 1 20", describe(Rotations.newSettings(entry(s, "b.com"), s.rotation(), "1")));
    // before done, every entry gives what its stored settings give
    assertEquals(
        entry(s, "a.com").settings(), Rotations.settingsInUse(entry(s, "a.com"), s.rotation()));
  }

  static String describe(dev.mint.MintRequest r) {
    return r.revision().id() + " " + r.level().id() + " " + r.version() + " " + r.length();
  }

  @Test
  void startRefusesWhatCannotBeTold() {
    Sites s = sites(FILE);
    SitesException same =
        assertThrows(
            SitesException.class,
            () -> Rotations.start(s, rotation(OLD, null, null), OLD, "sites.json"));
    assertTrue(same.getMessage().contains("the same check as the current one"), same.getMessage());
    SitesException typo =
        assertThrows(
            SitesException.class,
            () -> Rotations.start(s, rotation(NEW, null, null), STRANGER, "sites.json"));
    assertTrue(typo.getMessage().contains("phrase check mismatch"), typo.getMessage());
    assertNull(s.rotation());
    Rotations.start(s, rotation(NEW, null, null), OLD, "sites.json");
    SitesException twice =
        assertThrows(
            SitesException.class,
            () -> Rotations.start(s, rotation(OTHER, null, null), OLD, "sites.json"));
    assertTrue(twice.getMessage().contains("under way already"), twice.getMessage());
    Sites orphan =
        sites(
            "{\"format\": \"mint-sites/1\", \"sites\": [{\"site\": \"c.com\", \"sameAs\": \"a.com\"}]}");
    assertThrows(
        SitesException.class,
        () -> Rotations.start(orphan, rotation(NEW, null, null), OLD, "sites.json"));
  }

  @Test
  void eachEntryNeedsItsPhraseAndTheRefusalSaysWhich() {
    Sites s = sites(FILE);
    Rotations.start(s, rotation(NEW, null, null), OLD, "sites.json");
    Rotations.chose(s, entry(s, "a.com"), "4");
    Rotations.done(s, entry(s, "a.com"), "2026-12-08");
    SiteBook book = s.book();

    PhraseRoute moved = PhraseRoute.of(book, OLD, entry(s, "a.com"), null);
    assertNull(moved.refusal(NEW));
    assertEquals(
        "a.com needs the phrase with check 61b3 (moved to it on 2026-12-08); the phrase typed"
            + " gives 3813 (--force derives anyway)",
        moved.refusal(OLD));
    PhraseRoute follows = PhraseRoute.of(book, OLD, entry(s, "c.com"), entry(s, "a.com"));
    assertNull(follows.refusal(NEW));
    assertTrue(follows.refusal(OLD).startsWith("c.com needs the phrase with check 61b3"));

    PhraseRoute waiting = PhraseRoute.of(book, OLD, entry(s, "b.com"), null);
    assertNull(waiting.refusal(OLD));
    assertEquals(
        "b.com is not moved to the new phrase yet: it needs the current one (3813) until 'mint"
            + " rekey done' moves it (typed the new one, 61b3)",
        waiting.refusal(NEW));
    // a third phrase: a typo of the current one, said as before any rotation
    String typo = waiting.refusal(STRANGER);
    assertTrue(typo.startsWith("phrase check mismatch: typed "), typo);
    assertTrue(!typo.contains("null"), typo);

    PhraseRoute left = PhraseRoute.of(book, OLD, entry(s, "d.com"), null);
    assertNull(left.refusal(OTHER));
    assertEquals(
        "d.com needs the phrase with check 0a1b (left on it since 2025-01-01, when a rotation"
            + " finished); the phrase typed gives 3813 (--force derives anyway)",
        left.refusal(OLD));

    // a site without an entry takes either phrase of the rotation, and no other
    PhraseRoute none = PhraseRoute.of(book, OLD, null, null);
    assertNull(none.refusal(OLD));
    assertNull(none.refusal(NEW));
    assertTrue(none.refusal(STRANGER).startsWith("phrase check mismatch"));
  }

  @Test
  void doneNeedsAChosenVersionAndMovesOnce() {
    Sites s = sites(FILE);
    Rotations.start(s, rotation(NEW, null, null), OLD, "sites.json");
    assertThrows(SitesException.class, () -> Rotations.done(s, entry(s, "b.com"), "2026-12-08"));
    Rotations.chose(s, entry(s, "b.com"), "3");
    SiteEntry moved = Rotations.done(s, entry(s, "b.com"), "2026-12-08");
    assertEquals(new RekeyMark(null, null, "3", "2026-12-08"), moved.rekey());
    assertEquals(moved, Rotations.done(s, moved, "2026-12-09"));
    assertEquals("3", Rotations.settingsInUse(moved, s.rotation()).version());
  }

  @Test
  void finishStoresTheMovedSettingsAndLeavesTheOthersOnTheOldPhrase() {
    Sites s = sites(FILE);
    Rotations.start(s, rotation(NEW, Revision.R3, null), OLD, "sites.json");
    Rotations.chose(s, entry(s, "b.com"), "5");
    Rotations.done(s, entry(s, "b.com"), "2026-12-08");
    Rotations.Finished finished = Rotations.finish(s, "2026-12-09", "sites.json");
    assertEquals(List.of("b.com"), finished.moved().stream().map(SiteEntry::site).toList());
    assertEquals(List.of("a.com"), finished.leftBehind().stream().map(SiteEntry::site).toList());
    assertNull(s.rotation());
    assertEquals(NEW, RecordedCheck.in(s.book(), "sites.json"));
    SiteEntry b = entry(s, "b.com");
    assertEquals("r3 standard 5 20", describe(b.settings()));
    assertEquals(RekeyMark.NONE, b.rekey());
    assertEquals("2026-12-09", b.updated());
    assertEquals(new RekeyMark(OLD, "2026-12-09", null, null), entry(s, "a.com").rekey());
    assertEquals(RekeyMark.NONE, entry(s, "c.com").rekey());
    assertEquals(new RekeyMark(OTHER, "2025-01-01", null, null), entry(s, "d.com").rekey());
  }

  @Test
  void abortLeavesTheBookAsBeforeStart() {
    for (String file : List.of(FILE, FILE.replace("\"phraseCheck\": \"3813\", ", ""))) {
      SiteBook before = sites(file).book();
      Sites s = sites(file);
      Rotations.start(s, rotation(NEW, null, Level.HIGH), OLD, "sites.json");
      Rotations.chose(s, entry(s, "a.com"), "7");
      Rotations.done(s, entry(s, "a.com"), "2026-12-08");
      Rotations.chose(s, entry(s, "b.com"), "1");
      Rotations.abort(s);
      assertEquals(
          new String(SitesJson.toBytes(before), StandardCharsets.UTF_8),
          new String(SitesJson.toBytes(s.book()), StandardCharsets.UTF_8));
    }
  }
}
