package dev.mint.cli.sites.store;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.cli.CliRun;
import dev.mint.cli.MintCliTest;
import dev.mint.cli.OwnSitesFile;
import dev.mint.cli.io.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sites file on disk: where it is, how it is created, and every refusal, each of which must
 * leave the previous file byte for byte as it was (docs/THREAT_MODEL.md, C10 to C13).
 */
public class SitesFileTest extends OwnSitesFile {
  static final String PHRASE = MintCliTest.MARKER;
  private static final ObjectMapper JSON = new ObjectMapper();

  CliRun run(String stdin, String... args) {
    return withStdin(stdin, args);
  }

  /** A good file with one entry (github.com, length 20, no symbols), as mint writes it. */
  byte[] goodFile() throws IOException {
    CliRun set = run("", "site", "set", "github.com", "--length", "20", "--no-symbols");
    assertEquals(0, set.exitCode(), set.err());
    return Files.readAllBytes(sites());
  }

  @Test
  void theFileIsFoundThroughMintSitesThenXdgConfigHomeThenTheHomeDirectory() {
    Map<String, String> env = new HashMap<>();
    assertEquals(
        Path.of("/home/u/.config/mint/sites.json"), SitesFile.locate(env::get, "/home/u").path());
    env.put("XDG_CONFIG_HOME", "relative/dir"); // not absolute: ignored, as XDG says
    assertEquals(
        Path.of("/home/u/.config/mint/sites.json"), SitesFile.locate(env::get, "/home/u").path());
    env.put("XDG_CONFIG_HOME", "/xdg");
    assertEquals(Path.of("/xdg/mint/sites.json"), SitesFile.locate(env::get, "/home/u").path());
    env.put("MINT_SITES", "/elsewhere/s.json");
    assertEquals(Path.of("/elsewhere/s.json"), SitesFile.locate(env::get, "/home/u").path());
    env.put("MINT_SITES", "");
    assertEquals(Path.of("/xdg/mint/sites.json"), SitesFile.locate(env::get, "/home/u").path());
  }

  @Test
  void theFileIsCreated0600InA0700DirectoryWithTheFormatMarker() throws IOException {
    Path xdg = dir.resolve("config");
    CliRun set =
        CliRun.run(
            new byte[0], Map.of("XDG_CONFIG_HOME", xdg.toString()), "site", "set", "github.com");
    assertEquals(0, set.exitCode(), set.err());
    Path file = xdg.resolve("mint/sites.json");
    assertAll(
        () -> assertEquals("rw-------", mode(file)),
        () -> assertEquals("rwx------", mode(file.getParent())),
        () -> assertEquals("rwx------", mode(xdg)),
        () -> assertEquals("rw-------", mode(file.resolveSibling("sites.json.lock"))),
        () -> assertEquals("", set.out(), "nothing from the file on stdout"),
        () -> assertTrue(set.err().startsWith("added github.com: revision r3 ("), set.err()));
    JsonNode root = JSON.readTree(file.toFile());
    assertEquals("mint-sites/1", root.get("format").textValue());
    assertEquals("github.com", root.get("sites").get(0).get("site").textValue());
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(
          List.of("sites.json", "sites.json.lock"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file is left behind");
    }
  }

  @Test
  void theFileNeverHoldsThePhraseOrThePassword() throws IOException {
    CliRun derive = run(PHRASE + "\n", "--phrase-stdin", "--save", "--length", "20", "github.com");
    assertEquals(0, derive.exitCode(), derive.err());
    String file = Files.readString(sites());
    String password = derive.out().strip();
    assertFalse(file.contains(PHRASE), file);
    assertFalse(file.contains(password), file);
    assertTrue(file.contains("\"length\": 20"), file);
  }

  public static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  /** Unknown fields at the top and in entries, as a newer mint might write them, survive. */
  @Test
  void unknownFieldsAreKeptOnRewrite() throws IOException {
    Files.writeString(
        sites(),
        """
        {
          "format": "mint-sites/1",
          "phraseCheck": {"code": "upshot article (f40c)", "kind": "v1"},
          "future": [1, 2.50, -0.1e-7, 12345678901234567890123, {"x": null, "y": [true, "\u00e9"]}],
          "sites": [
            {"site": "github.com", "revision": "r3", "version": "3", "length": 20,
             "upper": true, "lower": true, "digits": true, "symbols": false,
             "excludeAmbiguous": true, "level": "standard", "created": "2026-01-01",
             "updated": "2026-01-01", "colour": "blue", "history": [{"version": "2"}]}
          ]
        }
        """);
    Files.setPosixFilePermissions(sites(), PosixFilePermissions.fromString("rw-------"));
    JsonNode before = JSON.readTree(sites().toFile());
    CliRun bump = run("", "site", "bump", "github.com");
    CliRun add = run("", "site", "set", "gitlab.com");
    assertEquals(0, bump.exitCode(), bump.err());
    assertEquals(0, add.exitCode(), add.err());
    JsonNode after = JSON.readTree(sites().toFile());
    assertAll(
        () -> assertEquals(before.get("phraseCheck"), after.get("phraseCheck")),
        () -> assertEquals(before.get("future"), after.get("future")),
        () -> assertEquals("blue", after.get("sites").get(0).get("colour").textValue()),
        () ->
            assertEquals(
                before.get("sites").get(0).get("history"),
                after.get("sites").get(0).get("history")),
        () -> assertEquals("4", after.get("sites").get(0).get("version").textValue()),
        () -> assertEquals("gitlab.com", after.get("sites").get(1).get("site").textValue()),
        () ->
            assertTrue(
                Files.readString(sites())
                    .contains(
                        "\"future\": [\n    1,\n    2.50,\n    -1E-8,\n    12345678901234567890123,"),
                "numbers keep their exact value: " + Files.readString(sites())));
  }

  /** A way to damage a good file, what the refusal must say, and whether it names line:column. */
  record Damage(String name, String from, String to, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Damage> damages() {
    return List.of(
        new Damage("malformed JSON", "\"length\": 20,", "\"length\": 20", "not valid JSON"),
        new Damage("cut in half", null, null, "not valid JSON: "),
        new Damage(
            "cut after a bracket", null, "\"sites\": [", "not valid JSON: the text ends too early"),
        new Damage(
            "duplicate field",
            "\"length\": 20,",
            "\"length\": 20, \"length\": 21,",
            "a field appears twice"),
        new Damage(
            "unknown format", "mint-sites/1", "mint-sites/2", "unknown format \"mint-sites/2\""),
        new Damage("no format", "\"format\": \"mint-sites/1\",", "", "no \"format\" field"),
        new Damage(
            "length 8",
            "\"length\": 20",
            "\"length\": 8",
            "entry 1 (github.com): length: must be from 12 to 64, got 8"),
        new Damage(
            "length as text",
            "\"length\": 20",
            "\"length\": \"20\"",
            "entry 1 (github.com): length: must be a whole number"),
        new Damage(
            "revision r9",
            "\"r3\"",
            "\"r9\"",
            "entry 1 (github.com): revision: must be r1, r2 or r3"),
        new Damage(
            "unknown level",
            "\"standard\"",
            "\"extreme\"",
            "entry 1 (github.com): level: must be standard or high"),
        new Damage(
            "version 0",
            "\"version\": \"1\"",
            "\"version\": \"0\"",
            "entry 1 (github.com): version: must be a whole number from 1 to 9999"),
        new Damage(
            "no class",
            "\"upper\": true,\n      \"lower\": true,\n      \"digits\": true",
            "\"upper\": false,\n      \"lower\": false,\n      \"digits\": false",
            "entry 1 (github.com): upper: at least one of upper, lower, digits and symbols"),
        new Damage(
            "missing field",
            "\"level\": \"standard\",",
            "",
            "entry 1 (github.com): level: missing"),
        new Damage(
            "blank site",
            "\"site\": \"github.com\"",
            "\"site\": \" \"",
            "entry 1 ( ): site: must hold a character"));
  }

  /** The commands that read the file; those that would write it must not. */
  static List<List<String>> commands() {
    return List.of(
        List.of("--phrase-stdin", "github.com"),
        List.of("--phrase-stdin", "--save", "--length", "30", "github.com"),
        List.of("site", "set", "other.com"),
        List.of("site", "set", "github.com", "--length", "30"),
        List.of("site", "bump", "github.com"),
        List.of("site", "rm", "github.com"),
        List.of("site", "list"),
        List.of("site", "show", "github.com"),
        List.of("site", "export"));
  }

  static Stream<Arguments> damagesAndCommands() {
    List<Arguments> cases = new ArrayList<>();
    for (Damage damage : damages()) {
      for (List<String> command : commands()) {
        cases.add(Arguments.of(damage, command));
      }
    }
    return cases.stream();
  }

  /** C12: a damaged file is exit 4 naming file, line and column; it is left byte-identical. */
  @ParameterizedTest(name = "{0}: mint {1}")
  @MethodSource("damagesAndCommands")
  void aDamagedFileIsRefusedNamingFileLineAndColumnAndIsLeftAsItWas(
      Damage damage, List<String> command) throws IOException {
    String good = new String(goodFile(), StandardCharsets.UTF_8);
    String bad =
        damage.from() != null
            ? good.replace(damage.from(), damage.to())
            : damage.to() == null
                ? good.substring(0, good.length() / 2)
                : good.substring(0, good.indexOf(damage.to()) + damage.to().length()); // cut there
    assertFalse(bad.equals(good), "the damage applies");
    Files.writeString(sites(), bad);
    byte[] before = Files.readAllBytes(sites());
    CliRun run = run(PHRASE + "\n", command.toArray(String[]::new));
    assertAll(
        () -> assertEquals(ExitCodes.IO, run.exitCode(), run.err()),
        () -> assertEquals("", run.out(), "nothing on stdout"),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: " + sites() + " line "), run.err()),
        () -> assertTrue(run.err().matches("(?s)mint: \\S+ line \\d+, column \\d+: .*"), run.err()),
        () -> assertTrue(run.err().contains(damage.message()), run.err()),
        () -> assertArrayEquals(before, Files.readAllBytes(sites()), "the file changed"));
  }

  @Test
  void theLineAndColumnPointAtTheBadValue() throws IOException {
    String good = new String(goodFile(), StandardCharsets.UTF_8);
    Files.writeString(sites(), good.replace("\"length\": 20", "\"length\": 8"));
    CliRun run = run("", "site", "list");
    List<String> lines = good.lines().toList();
    int line = 0;
    while (!lines.get(line).contains("\"length\"")) {
      line++;
    }
    int column = lines.get(line).indexOf("20") + 1;
    assertTrue(run.err().contains(" line " + (line + 1) + ", column " + column + ": "), run.err());
  }

  static Stream<Arguments> looseModes() {
    return Stream.of(
        Arguments.of("file", "rw-rw----", "its group", "chmod 600"),
        Arguments.of("file", "rw----rw-", "others", "chmod 600"),
        Arguments.of("file", "rw-rw-rw-", "group and others", "chmod 600"),
        Arguments.of("dir", "rwxrwx---", "its group", "chmod 700"),
        Arguments.of("dir", "rwx---rwx", "others", "chmod 700"));
  }

  /** C11: a file or directory others can write is refused, saying which and how to fix it. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("looseModes")
  void aFileOrDirectoryWritableByOthersIsRefusedAndLeftAsItWas(
      String which, String mode, String who, String fix) throws IOException {
    byte[] before = goodFile();
    Path loose = which.equals("file") ? sites() : dir;
    Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString(mode));
    try {
      for (List<String> command : commands()) {
        CliRun run = run(PHRASE + "\n", command.toArray(String[]::new));
        assertAll(
            () -> assertEquals(ExitCodes.IO, run.exitCode(), command + ": " + run.err()),
            () -> assertEquals("", run.out()),
            () -> assertTrue(run.err().contains(loose + " is writable by " + who), run.err()),
            () -> assertTrue(run.err().contains("run '" + fix + " " + loose + "'"), run.err()),
            () -> assertArrayEquals(before, Files.readAllBytes(sites())),
            () -> assertEquals(mode, mode(loose), "the mode is left to the user"));
      }
    } finally {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void noProfileDoesNotEvenReadTheFile() throws IOException {
    Files.writeString(sites(), "{ not json");
    Files.setPosixFilePermissions(sites(), PosixFilePermissions.fromString("rw-rw-rw-"));
    CliRun run = run(PHRASE + "\n", "--phrase-stdin", "--no-profile", "github.com");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("normalized site: github (revision r3)\n", run.err());
    CliRun without = run(PHRASE + "\n", "--phrase-stdin", "github.com");
    assertEquals(ExitCodes.IO, without.exitCode());
    assertTrue(without.err().endsWith("(--no-profile derives without the file)\n"), without.err());
  }

  /** Refusals of what was typed: nothing is written, the file stays as it was. */
  @Test
  void refusedCommandsLeaveTheFileAsItWas() throws IOException {
    byte[] before = goodFile();
    List<List<String>> refused =
        List.of(
            List.of("site", "set", "github.com", "--length", "8"),
            List.of("site", "set", "github.com", "--site-version", "v2"),
            List.of("site", "set", "github.com", "--no-upper", "--no-lower", "--no-digits"),
            List.of("site", "set", " ", "--length", "20"),
            List.of("site", "set", "github.com", "--account", " "),
            List.of("site", "set", "github.com", "--revision", "r9"),
            List.of("site", "rm", "nothing.com"),
            List.of("site", "bump", "nothing.com"),
            List.of("site", "show", "github.com", "--account", "work"),
            List.of("--phrase-stdin", "--save", "--length", "8", "github.com"),
            List.of("--phrase-stdin", "--save", "--no-profile", "github.com"),
            List.of("--phrase-stdin", "--account", "work", "github.com"));
    for (List<String> command : refused) {
      CliRun run = run("\n", command.toArray(String[]::new));
      assertAll(
          () -> assertTrue(run.exitCode() == 2 || run.exitCode() == 3, command + ": " + run.err()),
          () -> assertEquals(1, run.err().lines().count(), run.err()),
          () -> assertArrayEquals(before, Files.readAllBytes(sites()), command + " changed it"));
    }
  }

  @Test
  void bumpRefusesToGoPastTheHighestVersion() throws IOException {
    assertEquals(0, run("", "site", "set", "github.com", "--site-version", "9999").exitCode());
    byte[] before = Files.readAllBytes(sites());
    CliRun bump = run("", "site", "bump", "github.com");
    assertEquals(ExitCodes.INVALID_INPUT, bump.exitCode());
    assertEquals("mint: version: 9999 is the highest version the page takes\n", bump.err());
    assertArrayEquals(before, Files.readAllBytes(sites()));
  }

  @Test
  void importOfAMalformedFileChangesNothing() throws IOException {
    byte[] before = goodFile();
    Path incoming = dir.resolve("incoming.json");
    Files.writeString(incoming, "{\"format\": \"mint-sites/1\", \"sites\": [{\"site\": 1}]}");
    CliRun run = run("", "site", "import", incoming.toString());
    assertEquals(ExitCodes.IO, run.exitCode());
    assertTrue(run.err().startsWith("mint: " + incoming + " line 1, column "), run.err());
    assertTrue(run.err().contains("entry 1: site: must be a JSON string"), run.err());
    assertArrayEquals(before, Files.readAllBytes(sites()));
  }

  /** A link to a device is not a file; no chmod advice, which would change the device itself. */
  @Test
  void aLinkToADeviceIsSaidToBeNoFileWithoutAdvisingToChangeTheDevice() throws IOException {
    Files.createSymbolicLink(sites(), Path.of("/dev/zero"));
    for (List<String> command : List.of(List.of("site", "list"), List.of("site", "set", "a.com"))) {
      CliRun run = run("", command.toArray(String[]::new));
      assertAll(
          () -> assertEquals(ExitCodes.IO, run.exitCode(), run.err()),
          () -> assertEquals(1, run.err().lines().count(), run.err()),
          () -> assertTrue(run.err().contains("not a regular file"), run.err()),
          () -> assertTrue(run.err().contains("/dev/zero"), run.err()),
          () -> assertFalse(run.err().contains("chmod"), run.err()));
    }
  }

  /** A shared sticky directory (/tmp) is never to be chmod-ed: others rely on its mode. */
  @Test
  void aFileInASharedDirectoryIsRefusedAdvisingAPrivateDirectory() throws IOException {
    Path shared = Path.of("/tmp", "mint-test-" + ProcessHandle.current().pid() + ".json");
    Files.deleteIfExists(shared);
    CliRun run =
        CliRun.run(new byte[0], Map.of("MINT_SITES", shared.toString()), "site", "set", "a.com");
    assertAll(
        () -> assertEquals(ExitCodes.IO, run.exitCode(), run.err()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().contains("/tmp is writable by "), run.err()),
        () -> assertTrue(run.err().contains("private directory"), run.err()),
        () -> assertFalse(run.err().contains("chmod"), run.err()),
        () -> assertFalse(Files.exists(shared), "nothing created in /tmp"));
  }

  /** A read-only sites file is refused, as editors do, not rewritten 0600: its owner froze it. */
  @Test
  void aReadOnlyFileIsReadButNotRewritten() throws IOException {
    byte[] before = goodFile();
    Files.setPosixFilePermissions(sites(), PosixFilePermissions.fromString("r--------"));
    assertEquals(0, run("", "site", "list").exitCode(), "reading is fine");
    for (List<String> command : commands()) {
      if (command.contains("set")
          || command.contains("bump")
          || command.contains("rm")
          || command.contains("--save")) {
        CliRun run = run(PHRASE + "\n", command.toArray(String[]::new));
        assertAll(
            () -> assertEquals(ExitCodes.IO, run.exitCode(), command + ": " + run.err()),
            () ->
                assertEquals(
                    1, run.err().lines().filter(l -> l.startsWith("mint: ")).count(), run.err()),
            () -> assertTrue(run.err().contains(sites() + " is read-only"), run.err()),
            () -> assertArrayEquals(before, Files.readAllBytes(sites())),
            () -> assertEquals("r--------", mode(sites()), "the mode is left to the user"));
      }
    }
  }
}
