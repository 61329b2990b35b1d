package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.MintRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sites and accounts as mint stores them and shows them: no control character is ever stored (a tab
 * or a line break in a site would forge a {@code site<TAB>password} row of {@code batch}), and no
 * control or Unicode format character (a bidi override such as U+202E) is ever shown as it is.
 */
class StoredTextTest extends OwnSitesFile {
  static final String PHRASE = MintCliTest.MARKER;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The site of the forged row: a second row, {@code github.com<TAB>...}, after a tab. */
  static final String FORGING = "evil\tNOT-YOUR-PASSWORD\ngithub.com";

  CliRun run(String stdin, String... args) {
    return withStdin(stdin, args);
  }

  /**
   * An entry as mint writes it (every setting there), for {@code site}, then {@code more} fields
   * set on it: a file with it is refused for the control character, not for a missing field.
   */
  String entry(String site, String... more) throws IOException {
    Path scratch = Files.createTempDirectory(dir, "scratch").resolve("sites.json");
    CliRun set =
        CliRun.run(
            new byte[0],
            Map.of("MINT_SITES", scratch.toString()),
            "site",
            "set",
            "placeholder.example");
    assertEquals(0, set.exitCode(), set.err());
    ObjectNode node = (ObjectNode) JSON.readTree(scratch.toFile()).get("sites").get(0);
    node.put("site", site);
    for (int i = 0; i < more.length; i += 2) {
      node.put(more[i], more[i + 1]);
    }
    return JSON.writeValueAsString(node);
  }

  /** A sites file of mint's (0600) holding {@code entries}, a JSON array's elements. */
  void sitesFileWith(String entries) throws IOException {
    assertEquals(0, run("", "site", "set", "placeholder.example").exitCode());
    Files.writeString(sites(), "{\"format\": \"mint-sites/1\", \"sites\": [" + entries + "]}\n");
  }

  @Test
  void importRefusesASiteOrAccountWithAControlCharacterAndChangesNothing() throws IOException {
    assertEquals(0, run("", "site", "set", "github.com").exitCode());
    byte[] before = Files.readAllBytes(sites());
    for (String entry :
        List.of(
            entry(FORGING),
            entry("a.example", "account", "me\u001b[2J"),
            "{\"site\": \"b.example\", \"sameAs\": \"c.example\\tX\"}")) {
      Path incoming = dir.resolve("incoming.json");
      Files.writeString(incoming, "{\"format\": \"mint-sites/1\", \"sites\": [" + entry + "]}\n");
      CliRun imported = run("", "site", "import", incoming.toString());
      assertEquals(4, imported.exitCode(), imported.err());
      assertTrue(
          imported.err().contains("holds a control character"), entry + ": " + imported.err());
      assertFalse(imported.err().contains("\t"), imported.err());
      assertEquals(1, imported.err().lines().count(), imported.err());
      assertArrayEquals(before, Files.readAllBytes(sites()), entry);
    }
  }

  @Test
  void aSitesFileHoldingOneIsAFileMintCannotUseAndBatchAllWritesNoRowOfIt() throws IOException {
    sitesFileWith(entry(FORGING));
    byte[] before = Files.readAllBytes(sites());
    CliRun batch = run(PHRASE + "\n", "batch", "--all", "--phrase-stdin");
    assertEquals(4, batch.exitCode(), batch.err());
    assertEquals("", batch.out());
    assertTrue(batch.err().contains("entry 1"), batch.err());
    assertTrue(batch.err().contains("site: holds a control character"), batch.err());
    CliRun set = run("", "site", "set", "other.example");
    assertEquals(4, set.exitCode(), set.err());
    assertArrayEquals(before, Files.readAllBytes(sites()), "never rewritten");
  }

  @Test
  void setAndSameAsRefuseAControlCharacterInSiteOrAccount() throws IOException {
    assertEquals(0, run("", "site", "set", "github.com").exitCode());
    byte[] before = Files.readAllBytes(sites());
    List<List<String>> refused =
        List.of(
            List.of("site", "set", FORGING),
            List.of("site", "set", "a.example", "--account", "me\ngithub.com"),
            List.of("site", "set", "b.example", "--same-as", "c.example\u001b[2J"),
            List.of("--save", "--phrase-stdin", "d.example\tX"));
    for (List<String> args : refused) {
      CliRun r = run(PHRASE + "\n", args.toArray(String[]::new));
      assertEquals(3, r.exitCode(), args + ": " + r.err());
      assertTrue(r.err().contains("holds a control character"), args + ": " + r.err());
      assertArrayEquals(before, Files.readAllBytes(sites()), args.toString());
    }
  }

  @Test
  void aBatchLineWhoseSiteHoldsATabStillGivesOneRowOfTwoColumns() throws IOException {
    Path lines = Files.writeString(dir.resolve("lines.txt"), "'evil\tFORGED'\n");
    CliRun batch = run(PHRASE + "\n", "batch", lines.toString(), "--phrase-stdin");
    assertEquals(0, batch.exitCode(), batch.err());
    String password = SessionCommandTest.derive(MintRequest.builder("evil\tFORGED").build());
    assertEquals("evil?FORGED\t" + password + "\n", batch.out());
  }

  @Test
  void formatCharactersOfStoredTextAreNeverShownAsTheyAre() throws IOException {
    String site = "\u202Emoc.elpmaxe";
    String account = "\u2066me\u2069";
    List<CliRun> runs =
        List.of(
            run("", "site", "set", site, "--account", account, "--note", "n\u200Bote"),
            run("", "site", "list"),
            run("", "site", "show", site),
            run("", "site", "bump", site),
            run(PHRASE + "\n", "batch", "--all", "--phrase-stdin"),
            run(PHRASE + "\n", "--phrase-stdin", site));
    for (CliRun r : runs) {
      assertEquals(0, r.exitCode(), r.err());
      String all = r.out() + r.err();
      assertTrue(
          all.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT),
          "a format character shown: " + all);
    }
    assertTrue(runs.get(2).out().contains("site        ?moc.elpmaxe\n"), runs.get(2).out());
    assertTrue(runs.get(4).out().startsWith("?moc.elpmaxe (account ?me?)\t"), runs.get(4).out());
    assertTrue(
        runs.get(0).err().startsWith("added ?moc.elpmaxe (account ?me?)"), runs.get(0).err());
  }
}
