package dev.mint.cli.sites.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Level;
import dev.mint.PhraseCheck;
import dev.mint.Revision;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.RekeyMark;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rotation's fields in the sites file: a file without them (every file written before rotations
 * existed) reads into a book with no rotation and no marks and is written back byte for byte; a
 * file with them reads into the model and back byte for byte, unknown fields of the rotation kept;
 * a bad value is refused naming its line and column.
 */
class RotationJsonTest {
  static final String ENTRY =
      """
          {
            "site": "github.com",
            "revision": "r3",
            "version": "2",
            "length": 16,
            "upper": true,
            "lower": true,
            "digits": true,
            "symbols": true,
            "excludeAmbiguous": true,
            "level": "standard",
            "created": "2026-01-02",
            "updated": "2026-01-03"%s
          }""";

  static final String SAME_AS =
      """
          {
            "site": "icloud.com",
            "sameAs": "apple.com",
            "created": "2026-01-02",
            "updated": "2026-01-02"%s
          }""";

  static String file(String top, String... entries) {
    return "{\n  \"format\": \"mint-sites/1\",\n"
        + top
        + "  \"sites\": [\n"
        + String.join(
            ",\n", java.util.Arrays.stream(entries).map(e -> e.indent(4).stripTrailing()).toList())
        + "\n  ]\n}\n";
  }

  static SiteBook parse(String text) {
    return SitesJson.parse(text.getBytes(StandardCharsets.UTF_8), "sites.json");
  }

  static void rewritesIdentically(String text) {
    assertEquals(
        text, new String(SitesJson.toBytes(parse(text)), StandardCharsets.UTF_8), "rewritten");
  }

  @Test
  void aFileWithoutRotationFieldsReadsWithoutThemAndRewritesByteIdentically() {
    String text =
        file(
            "  \"phraseCheck\": \"3813\",\n  \"newerTopLevel\": \"kept\",\n",
            ENTRY.formatted(",\n  \"newerField\": \"kept\""),
            SAME_AS.formatted(""));
    SiteBook book = parse(text);
    assertNull(book.rotation());
    for (SiteEntry e : book.entries()) {
      assertSame(RekeyMark.NONE, e.rekey(), e.site());
    }
    rewritesIdentically(text);
    rewritesIdentically(file("", ENTRY.formatted("")));
  }

  @Test
  void aFileMidRotationReadsIntoTheModelAndRewritesByteIdentically() {
    String text =
        file(
            """
              "phraseCheck": "3813",
              "rotation": {
                "phraseCheck": "61b3",
                "revision": "r3",
                "level": "high",
                "started": "2026-12-07",
                "addedRecordedCheck": true,
                "fromANewerMint": "kept"
              },
            """,
            ENTRY.formatted(",\n  \"rekeyVersion\": \"4\",\n  \"rekeyed\": \"2026-12-08\""),
            ENTRY
                .replace("github.com", "gitlab.com")
                .formatted(",\n  \"phraseCheck\": \"0a1b\",\n  \"phraseSince\": \"2025-05-06\""),
            SAME_AS.formatted(""));
    SiteBook book = parse(text);
    Rotation r = book.rotation();
    assertEquals(PhraseCheck.parse("61b3"), r.phraseCheck());
    assertEquals(Revision.R3, r.revision());
    assertEquals(Level.HIGH, r.level());
    assertEquals("2026-12-07", r.started());
    assertTrue(r.addedRecordedCheck());
    assertTrue(r.extra().containsKey("fromANewerMint"), r.extra().toString());
    RekeyMark moved = book.entries().get(0).rekey();
    assertEquals(new RekeyMark(null, null, "4", "2026-12-08"), moved);
    assertTrue(moved.isMoved());
    RekeyMark left = book.entries().get(1).rekey();
    assertEquals(new RekeyMark(PhraseCheck.parse("0a1b"), "2025-05-06", null, null), left);
    assertFalse(left.isMoved());
    rewritesIdentically(text);
  }

  @Test
  void aRotationThatKeepsThePhraseHasNoCheck() {
    String text =
        file(
            """
              "rotation": {
                "level": "high",
                "started": "2026-12-07"
              },
            """,
            ENTRY.formatted(",\n  \"rekeyVersion\": \"1\""));
    Rotation r = parse(text).rotation();
    assertFalse(r.movesPhrase());
    assertNull(r.revision());
    assertFalse(r.addedRecordedCheck());
    rewritesIdentically(text);
  }

  /** What is damaged, how (from, to), and the text on the line the refusal names. */
  static final List<List<String>> DAMAGES =
      List.of(
          List.of(
              "a check not of four hex digits", "\"61b3\"", "\"61\"", "\"phraseCheck\": \"61\""),
          List.of("a rotation without its date", "\"started\"", "\"begun\"", "\"rotation\": {"),
          List.of(
              "an unknown revision", "\"r3\",\n    \"started", "\"r9\",\n    \"started", "\"r9\""),
          List.of(
              "moved without a version",
              "\"rekeyVersion\": \"4\"",
              "\"note\": \"4\"",
              "\"rekeyed\""),
          List.of("a check without its date", "\"phraseSince\"", "\"note\"", "\"0a1b\""),
          List.of("a date that is not one", "\"2026-12-08\"", "\"yesterday\"", "\"yesterday\""));

  @Test
  void aBadValueIsRefusedAtItsLineAndColumn() {
    String good =
        file(
            """
              "phraseCheck": "3813",
              "rotation": {
                "phraseCheck": "61b3",
                "revision": "r3",
                "started": "2026-12-07"
              },
            """,
            ENTRY.formatted(",\n  \"rekeyVersion\": \"4\",\n  \"rekeyed\": \"2026-12-08\""),
            ENTRY
                .replace("github.com", "gitlab.com")
                .formatted(",\n  \"phraseCheck\": \"0a1b\",\n  \"phraseSince\": \"2025-05-06\""));
    parse(good);
    for (List<String> damage : DAMAGES) {
      String bad = good.replace(damage.get(1), damage.get(2));
      assertFalse(bad.equals(good), "the damage applies: " + damage);
      SitesException e = assertThrows(SitesException.class, () -> parse(bad), damage.get(0));
      long line = bad.substring(0, bad.indexOf(damage.get(3))).lines().count();
      assertTrue(
          e.getMessage().startsWith("sites.json line " + line + ", column "),
          damage.get(0) + ": " + e.getMessage());
    }
  }

  @Test
  void anEntryTheSameAsAnotherHoldsNoPhraseOfItsOwn() {
    String text =
        file(
            "",
            SAME_AS.formatted(
                ",\n  \"phraseCheck\": \"0a1b\",\n  \"phraseSince\": \"2025-05-06\""));
    SitesException e = assertThrows(SitesException.class, () -> parse(text));
    assertTrue(e.getMessage().contains("follows that site's phrase"), e.getMessage());
  }
}
