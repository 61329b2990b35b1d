package dev.mint.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.CliRun;
import dev.mint.cli.io.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mint __complete-sites}, the shell completion's source of site names. */
public class CompleteSitesCommandTest {
  @TempDir Path dir;

  /** A sites file (the format `mint site` writes) with one full entry for each site. */
  public static String sitesFile(String... sites) {
    StringBuilder json = new StringBuilder("{\"format\":\"mint-sites/1\",\"sites\":[");
    for (int i = 0; i < sites.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"site\":")
          .append(quote(sites[i]))
          .append(",\"revision\":\"r3\",\"version\":\"1\",\"length\":16,\"upper\":true,")
          .append("\"lower\":true,\"digits\":true,\"symbols\":true,\"excludeAmbiguous\":true,")
          .append("\"level\":\"standard\",\"created\":\"2026-11-23\",\"updated\":\"2026-11-23\"}");
    }
    return json.append("]}").toString();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private CliRun complete(Map<String, String> env) {
    return CliRun.run(new byte[0], env, CompleteSitesCommand.NAME);
  }

  @Test
  void printsTheStoredSiteNamesOneALineInFileOrder() throws IOException {
    Path file = dir.resolve("sites.json");
    Files.writeString(
        file,
        sitesFile("github.com", "b\u00fccher.example", "example.org"),
        StandardCharsets.UTF_8);
    CliRun run = complete(Map.of("MINT_SITES", file.toString()));
    assertEquals(ExitCodes.OK, run.exitCode());
    assertEquals("github.com\nb\u00fccher.example\nexample.org\n", run.out().replace("\r\n", "\n"));
    assertEquals("", run.err());
  }

  /** bash's compgen -W expands its word list: such a name must never get there. */
  @Test
  void leavesOutNamesAShellWouldExpandOrSplit() throws IOException {
    Path file = dir.resolve("sites.json");
    Files.writeString(
        file,
        sitesFile("$(touch pwned)", "`id`", "a b", "x;y", "~root", "ok.example"),
        StandardCharsets.UTF_8);
    CliRun run = complete(Map.of("MINT_SITES", file.toString()));
    assertEquals("ok.example", run.out().strip());
  }

  @Test
  void findsTheFileUnderXdgConfigHome() throws IOException {
    Path config = dir.resolve("config");
    Files.createDirectories(config.resolve("mint"));
    Files.writeString(config.resolve("mint/sites.json"), sitesFile("xdg.example"));
    assertEquals(
        "xdg.example", complete(Map.of("XDG_CONFIG_HOME", config.toString())).out().strip());
  }

  /** A completion never prints an error into the user's command line: nothing, exit 0. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1,2]",
        "{\"sites\":{}}",
        "{\"sites\":[1,\"x\",null]}",
        "{\"sites\":",
        "{\"sites\":[{\"site\":42}]}",
        "\u0000\u0001"
      })
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

  /**
   * A failure that is not the sites file's (here a bug in looking up the environment) is not
   * swallowed: it reaches MintCli, which reports an internal error on standard error (exit 5),
   * while standard output, the completion's word list, stays empty.
   */
  @Test
  void aBugIsNotSwallowed() {
    Function<String, String> broken =
        name -> {
          throw new IllegalStateException("a bug in the environment lookup");
        };
    CliRun run =
        CliRun.run(new ByteArrayInputStream(new byte[0]), broken, CompleteSitesCommand.NAME);
    assertEquals(ExitCodes.INTERNAL, run.exitCode(), run.err());
    assertEquals("", run.out());
    assertTrue(run.err().contains("internal error: java.lang.IllegalStateException"), run.err());
  }

  @Test
  void isHiddenFromTheHelp() {
    CliRun help = CliRun.run("--help");
    assertTrue(help.out().contains("derive"), help.out());
    assertFalse(help.out().contains(CompleteSitesCommand.NAME), help.out());
  }

  /** {@code json} (from {@link #sitesFile}) with {@code account} on {@code site}'s entry. */
  public static String withAccount(String json, String site, String account) {
    return json.replace(
        "{\"site\":" + quote(site) + ",",
        "{\"site\":" + quote(site) + ",\"account\":" + quote(account) + ",");
  }

  /** {@code --accounts}: the stored account names, for completing {@code --account}. */
  @Test
  void printsTheStoredAccountsSafeOnesOnly() throws IOException {
    Path file = dir.resolve("sites.json");
    String json = sitesFile("github.com", "example.org", "a.example", "b.example");
    json = withAccount(json, "github.com", "work");
    json = withAccount(json, "example.org", "me@example.org");
    json = withAccount(json, "a.example", "$(touch pwned)");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    CliRun run =
        CliRun.run(
            new byte[0],
            Map.of("MINT_SITES", file.toString()),
            CompleteSitesCommand.NAME,
            "--accounts");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("work\nme@example.org\n", run.out().replace("\r\n", "\n"));
    assertEquals("", run.err());
  }
}
