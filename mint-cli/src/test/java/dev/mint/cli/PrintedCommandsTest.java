package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.MintRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command mint prints for copying, for a site and an account that hold {@code $()},
 * backquotes, {@code ;}, {@code '}, {@code "} and spaces: the line printed is given as it is to
 * real shells (bash, dash and zsh, each with a {@code mint} function that prints its arguments),
 * which must run nothing and pass exactly the words mint meant.
 */
class PrintedCommandsTest extends OwnSitesFile {
  /** A site whose host, bankofamerica.com, has rules in the bundled data. */
  static final String BOFA_SITE = "https://bankofamerica.com/?ref=$(touch dollar);`touch tick` 'q'";

  /** Envato's sites sign in with one account (the data's shared credentials). */
  static final String ENVATO_SITE = "https://envato.com/?a=$(touch shared) \"x\";y";

  static final String PHOTODUNE_SITE = "https://photodune.net/?b=`touch typed`'z";

  static final String ACCOUNT = "work$(touch account); `touch tick2` 'me' \"too\"";

  static final String[] SHELLS = {"bash", "dash", "zsh"};

  CliRun withPhrase(String phrase, String... args) {
    return withStdin(phrase + "\n", args);
  }

  CliRun run(String... args) {
    return withPhrase("", args);
  }

  /**
   * The words {@code line} gives {@code mint} in {@code shell}, run in an empty directory of its
   * own with an empty environment; fails if running it left anything behind (a {@code $(touch X)}
   * that ran).
   */
  List<String> argv(String shell, String line) throws IOException, InterruptedException {
    Path cwd = Files.createTempDirectory(dir, shell);
    String script = "mint() { printf '%s\\0' mint \"$@\"; }\n" + line + "\n";
    List<String> command = new ArrayList<>(List.of("/usr/bin/" + shell));
    if (shell.equals("zsh")) {
      command.add("-f");
    }
    command.addAll(List.of("-c", script));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().put("HOME", cwd.toString());
    Process p = pb.redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String text = new String(out, StandardCharsets.UTF_8);
    try (Stream<Path> left = Files.list(cwd)) {
      assertEquals(List.of(), left.toList(), shell + " ran part of: " + line);
    }
    assertEquals(0, p.exitValue(), shell + ": " + line + "\n" + text);
    List<String> words = new ArrayList<>(Arrays.asList(text.split("\0", -1)));
    assertEquals("", words.remove(words.size() - 1), text); // each word ends with a NUL
    return words;
  }

  /** {@code line} gives exactly {@code expected} in every shell. */
  void parsesTo(String line, String... expected) throws IOException, InterruptedException {
    for (String shell : SHELLS) {
      assertEquals(List.of(expected), argv(shell, line), shell + ": " + line);
    }
  }

  /** The text between {@code before} and {@code after} in {@code text}. */
  static String between(String text, String before, String after) {
    Matcher m =
        Pattern.compile(Pattern.quote(before) + "(.*?)" + Pattern.quote(after)).matcher(text);
    assertTrue(m.find(), "no " + before + "..." + after + " in: " + text);
    return m.group(1);
  }

  /** A phrase whose password of {@code site} breaks bankofamerica.com's rules at version 1 only. */
  static String phraseBrokenAtVersion1(String site) {
    for (int i = 0; ; i++) {
      String phrase = "printed phrase " + i;
      if (!SiteRulesCliTest.bofaAccepts(
              SiteRulesCliTest.password(MintRequest.builder(site).build(), phrase))
          && SiteRulesCliTest.bofaAccepts(
              SiteRulesCliTest.password(MintRequest.builder(site).version(2).build(), phrase))) {
        return phrase;
      }
    }
  }

  @Test
  void theVersionSearchPrintsACommandThatPassesTheSiteAndTheAccountAsTheyAre() throws Exception {
    assertEquals(0, run("site", "set", BOFA_SITE, "--account", ACCOUNT, "--no-rules").exitCode());
    String phrase = phraseBrokenAtVersion1(BOFA_SITE);
    CliRun derive = withPhrase(phrase, "--phrase-stdin", BOFA_SITE);
    assertEquals(0, derive.exitCode(), derive.err());
    String line = between(derive.err(), "to use it: ", "\n");
    List<String> words = argv("bash", line);
    assertEquals(
        List.of("mint", "site", "set", BOFA_SITE, "--site-version", "2", "--account", ACCOUNT),
        words.subList(0, 8),
        line);
    parsesTo(line, words.toArray(String[]::new));
    // and it does what it says: the entry now gives version 2's password
    assertEquals(0, run(words.subList(1, words.size()).toArray(String[]::new)).exitCode());
    assertEquals(
        SiteRulesCliTest.password(MintRequest.builder(BOFA_SITE).version(2).build(), phrase) + "\n",
        withPhrase(phrase, "--phrase-stdin", BOFA_SITE).out());
  }

  @Test
  void aTypedSettingTheRulesRefuseNamesTheRulesCommandQuoted() throws Exception {
    CliRun set = run("site", "set", BOFA_SITE, "--length", "30");
    assertEquals(0, set.exitCode(), set.err());
    parsesTo(between(set.err(), "(see '", "')\n"), "mint", "rules", BOFA_SITE);
  }

  @Test
  void theSharedSignInAdviceQuotesBothSites() throws Exception {
    assertEquals(0, run("site", "set", ENVATO_SITE).exitCode());
    CliRun derive = withPhrase("shared phrase", "--phrase-stdin", PHOTODUNE_SITE);
    assertEquals(0, derive.exitCode(), derive.err());
    parsesTo(between(derive.err(), "stored; use '", "' or '"), "mint", ENVATO_SITE);
    parsesTo(
        between(derive.err(), "' or '", "'\n"),
        "mint",
        "site",
        "set",
        PHOTODUNE_SITE,
        "--same-as",
        ENVATO_SITE);
  }

  @Test
  void twoEntriesWithOnePasswordGetABumpCommandQuoted() throws Exception {
    assertEquals(0, run("site", "set", ENVATO_SITE, "--account", ACCOUNT).exitCode());
    CliRun twin = run("site", "set", ENVATO_SITE, "--account", "other");
    assertEquals(0, twin.exitCode(), twin.err());
    parsesTo(
        between(twin.err(), "for example '", "'\n"),
        "mint",
        "site",
        "bump",
        ENVATO_SITE,
        "--account",
        "other");
    CliRun back = run("site", "set", ENVATO_SITE, "--account", ACCOUNT, "--note", "n");
    parsesTo(
        between(back.err(), "for example '", "'\n"),
        "mint",
        "site",
        "bump",
        ENVATO_SITE,
        "--account",
        ACCOUNT);
  }

  @Test
  void anEntryMadeWithSameAsNamesTheOtherSitesCommandsQuoted() throws Exception {
    assertEquals(0, run("site", "set", PHOTODUNE_SITE, "--same-as", ENVATO_SITE).exitCode());
    CliRun bump = run("site", "bump", PHOTODUNE_SITE);
    assertEquals(3, bump.exitCode(), bump.err());
    parsesTo(between(bump.err(), "bump that one ('", "')"), "mint", "site", "bump", ENVATO_SITE);
    CliRun set = run("site", "set", PHOTODUNE_SITE, "--length", "20");
    assertTrue(set.exitCode() != 0, set.err());
    parsesTo(between(set.err(), "'s ('", " ...')"), "mint", "site", "set", ENVATO_SITE);
  }

  @Test
  void showsDeriveLineGivesTheSiteAsItIs() throws Exception {
    assertEquals(0, run("site", "set", ENVATO_SITE, "--length", "20", "--no-rules").exitCode());
    CliRun show = run("site", "show", ENVATO_SITE);
    assertEquals(0, show.exitCode(), show.err());
    parsesTo(
        between(show.out(), "derive      ", "\n"),
        "mint",
        "derive",
        "--no-profile",
        "--revision",
        "r3",
        "--length",
        "20",
        ENVATO_SITE);
  }

  @Test
  void theQuotingFunctionGivesEveryStringBackInEveryShell() throws Exception {
    String[] words = {
      "",
      "a b",
      "'",
      "''",
      "a'b",
      "$(touch x)",
      "`touch y`",
      ";",
      "&&",
      "|",
      "*",
      "?",
      "[a]",
      "~",
      "~root",
      "=ls",
      "{a,b}",
      "!",
      "#",
      "\\",
      "\"",
      "$HOME",
      "%1",
      "-x",
      "--",
    };
    List<String> all = new ArrayList<>(List.of("mint"));
    all.addAll(List.of(words));
    parsesTo(dev.mint.cli.io.Text.command(all), all.toArray(String[]::new));
  }
}
