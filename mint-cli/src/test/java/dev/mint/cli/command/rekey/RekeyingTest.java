package dev.mint.cli.command.rekey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Pbkdf2Engine;
import dev.mint.PhraseCheck;
import dev.mint.cli.MintCli;
import dev.mint.cli.io.Io;
import dev.mint.cli.phrase.HeldPhrase;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.SiteEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service the walk and {@code rekey show/done} share, driven as the walk drives it: entries
 * read once, then their pairs made and marked done while other mint runs may change the file.
 */
class RekeyingTest {
  static final String OLD = "the walk's current phrase";
  static final String NEW = "the walk's next phrase";

  @TempDir Path dir;

  Io io(String stdin) {
    Map<String, String> env =
        Map.of(
            "MINT_SITES", dir.resolve("sites.json").toString(), "XDG_CONFIG_HOME", dir.toString());
    return Io.of(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new ByteArrayOutputStream(),
            new PrintWriter(new StringWriter(), true),
            env::get,
            () -> null,
            false,
            false)
        .withDescriptors(
            fd -> new ByteArrayInputStream((NEW + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  int mint(String stdin, String... args) {
    return MintCli.run(io(stdin), args);
  }

  static HeldPhrase held(String phrase) {
    return new HeldPhrase(phrase.toCharArray(), Pbkdf2Engine.fast());
  }

  @Test
  void aPairMadeForSettingsAnotherMintChangedMeanwhileIsNotRecorded() throws Exception {
    assertEquals(0, mint("", "site", "set", "plain.example"));
    assertEquals(0, mint("", "site", "set", "other.example", "--account", "me"));
    assertEquals(0, mint(OLD + "\n", "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3"));
    Rekeying rekeying = Rekeying.open(io(""));
    List<SiteEntry> toMove = rekeying.toMove();
    assertEquals(2, toMove.size());
    try (HeldPhrase current = held(OLD);
        HeldPhrase next = held(NEW)) {
      rekeying.requireChecks(PhraseCheck.of(OLD.toCharArray()), PhraseCheck.of(NEW.toCharArray()));
      // the walk's pair of the second entry, and its done
      try (Rekeying.Pair pair = rekeying.pair(toMove.get(1), current, next, "")) {
        assertEquals("other.example", pair.entry().site());
      }
      assertEquals("1", rekeying.done(toMove.get(1)).rekey().version());
      assertEquals(
          List.of("plain.example"), rekeying.toMove().stream().map(SiteEntry::site).toList());
      assertEquals(1, rekeying.moved().size());

      // another mint changes the first entry after the walk read it
      assertEquals(0, mint("", "site", "set", "plain.example", "--length", "20"));
      SitesException stale =
          assertThrows(SitesException.class, () -> rekeying.pair(toMove.get(0), current, next, ""));
      assertTrue(stale.getMessage().contains("show it again"), stale.getMessage());
      assertThrows(SitesException.class, () -> rekeying.done("plain.example", null));
      // read again, it goes
      SiteEntry fresh = rekeying.find("plain.example", null);
      try (Rekeying.Pair pair = rekeying.pair(fresh, current, next, "")) {
        assertEquals(20, pair.next().toCharArray().length);
      }
      rekeying.done(fresh);
      assertTrue(rekeying.toMove().isEmpty());
    }
  }
}
