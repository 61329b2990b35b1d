package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mint __complete-sites}, the shell completion's source of site names. */
class CompleteSitesCommandTest {
  @TempDir Path dir;

  private CliRun complete(Map<String, String> env) {
    return CliRun.run(new byte[0], env, CompleteSitesCommand.NAME);
  }

  @Test
  void printsTheStoredSiteNamesOneALineInFileOrder() throws IOException {
    Path file = dir.resolve("sites.json");
    Files.writeString(file, "{\"version\":1,\"sites\":[{\"site\":\"github.com\",\"length\":20},"
        + "{\"site\":\"b\u00fccher.example\"},{\"site\":\"github.com\"},{\"account\":\"x\"},"
        + "{\"site\":\"example.org\",\"revision\":\"r2\"}]}", StandardCharsets.UTF_8);
    CliRun run = complete(Map.of("MINT_SITES", file.toString()));
    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("github.com\nb\u00fccher.example\nexample.org\n", run.out().replace("\r\n", "\n"));
    assertEquals("", run.err());
  }

  /** bash's compgen -W expands its word list: such a name must never get there. */
  @Test
  void leavesOutNamesAShellWouldExpandOrSplit() throws IOException {
    Path file = dir.resolve("sites.json");
    Files.writeString(file, "{\"sites\":[{\"site\":\"$(touch pwned)\"},{\"site\":\"`id`\"},"
        + "{\"site\":\"a b\"},{\"site\":\"x;y\"},{\"site\":\"~root\"},{\"site\":\"line\\nbreak\"},"
        + "{\"site\":\"ok.example\"}]}", StandardCharsets.UTF_8);
    CliRun run = complete(Map.of("MINT_SITES", file.toString()));
    assertEquals("ok.example", run.out().strip());
  }

  @Test
  void findsTheFileUnderXdgConfigHomeThenHome() throws IOException {
    Path config = dir.resolve("config");
    Files.createDirectories(config.resolve("mint"));
    Files.writeString(config.resolve("mint/sites.json"), "{\"sites\":[{\"site\":\"xdg.example\"}]}");
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".config/mint"));
    Files.writeString(home.resolve(".config/mint/sites.json"), "{\"sites\":[{\"site\":\"home.example\"}]}");
    assertEquals("xdg.example",
        complete(Map.of("XDG_CONFIG_HOME", config.toString(), "HOME", home.toString())).out().strip());
    assertEquals("home.example", complete(Map.of("HOME", home.toString())).out().strip());
  }

  /** A completion never prints an error into the user's command line: nothing, exit 0. */
  @ParameterizedTest
  @ValueSource(strings = {
      "", "not json", "[1,2]", "{\"sites\":{}}", "{\"sites\":[1,\"x\",null]}", "{\"sites\":",
      "{\"sites\":[{\"site\":42}]}", "\u0000\u0001"})
  void printsNothingForAFileItCannotUse(String content) throws IOException {
    Path file = dir.resolve("sites.json");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    CliRun run = complete(Map.of("MINT_SITES", file.toString()));
    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("", run.out());
    assertEquals("", run.err());
  }

  @Test
  void printsNothingWithoutASitesFile() {
    CliRun missing = complete(Map.of("MINT_SITES", dir.resolve("none.json").toString()));
    CliRun directory = complete(Map.of("MINT_SITES", dir.toString()));
    assertEquals("", missing.out() + missing.err());
    assertEquals("", directory.out() + directory.err());
    assertEquals(ExitCodes.OK, directory.exitCode());
  }

  @Test
  void isHiddenFromTheHelp() {
    CliRun help = CliRun.run("--help");
    assertTrue(help.out().contains("derive"), help.out());
    assertFalse(help.out().contains(CompleteSitesCommand.NAME), help.out());
  }
}
