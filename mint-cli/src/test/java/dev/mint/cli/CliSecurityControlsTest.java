package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.phrase.PhraseReader;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.internal.SecretSeam;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The CLI's parts of controls C1, C3 and C4 (docs/THREAT_MODEL.md): no option or parameter can
 * carry the phrase, the environment is read only for the variable named, standard input is read no
 * further than the limit, and the CLI's own phrase and password buffers are wiped. Everything runs
 * the real command line in this JVM.
 */
class CliSecurityControlsTest {
  private static final String MARKER = MintCliTest.MARKER;

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** Every command of the real command line, by qualified name, the top one included. */
  private static Map<String, CommandSpec> allCommands() {
    Map<String, CommandSpec> commands = new TreeMap<>();
    List<CommandLine> todo = new ArrayList<>(List.of(MintCli.newCommandLine(CliRun.quietIo())));
    while (!todo.isEmpty()) {
      CommandLine cli = todo.remove(0);
      commands.put(cli.getCommandSpec().qualifiedName(), cli.getCommandSpec());
      todo.addAll(cli.getSubcommands().values());
    }
    return commands;
  }

  /**
   * C1: walks picocli's model of every command. The options that take a value and the positional
   * parameters are exactly the reviewed ones below (a new one fails here until someone checks it
   * cannot be used for the phrase and adds it); no option is named like a phrase except the two
   * that take none or a variable's name; nothing collects arguments nobody declared.
   */
  @Test
  void noOptionOrParameterCanCarryThePhrase() {
    Set<String> siteOptions = Set.of("--site-version", "--length", "--level", "--revision");
    Map<String, Set<String>> valueOptions =
        Map.ofEntries(
            Map.entry("mint", Set.of()),
            // --clip takes only a number (ClipSeconds): anything else is left for SITE
            Map.entry(
                "mint derive",
                Set.of(
                    "--site-version",
                    "--length",
                    "--level",
                    "--revision",
                    "--phrase-env",
                    "--phrase-fd",
                    "--account",
                    "--clip")),
            Map.entry("mint check", Set.of("--phrase-env", "--phrase-fd")),
            Map.entry("mint session", Set.of("--phrase-env", "--phrase-fd", "--idle", "--clip")),
            Map.entry("mint batch", Set.of("--phrase-env", "--phrase-fd", "--threads")),
            Map.entry("mint normalize", Set.of("--revision")),
            Map.entry("mint rules", Set.of()),
            Map.entry("mint verify", Set.of("--threads")),
            Map.entry("mint bench", Set.of("--rounds")),
            Map.entry("mint help", Set.of()),
            Map.entry("mint __complete-sites", Set.of()),
            Map.entry("mint site", Set.of()),
            Map.entry(
                "mint site set", union(siteOptions, Set.of("--account", "--note", "--same-as"))),
            Map.entry("mint site list", Set.of()),
            Map.entry("mint site show", Set.of("--account")),
            Map.entry("mint site rm", Set.of("--account")),
            Map.entry("mint site bump", Set.of("--account", "--phrase-env", "--phrase-fd")),
            Map.entry("mint site export", Set.of()),
            Map.entry("mint site import", Set.of()),
            // --new-phrase-fd takes only a number, like --phrase-fd
            Map.entry("mint rekey", Set.of("--phrase-env", "--phrase-fd", "--new-phrase-fd")),
            Map.entry(
                "mint rekey start",
                Set.of(
                    "--phrase-env",
                    "--phrase-fd",
                    "--new-phrase-fd",
                    "--to-level",
                    "--to-revision")),
            Map.entry(
                "mint rekey show",
                Set.of("--account", "--phrase-env", "--phrase-fd", "--new-phrase-fd")),
            Map.entry("mint rekey done", Set.of("--account")),
            Map.entry("mint rekey status", Set.of()),
            Map.entry("mint rekey finish", Set.of()),
            Map.entry("mint rekey abort", Set.of()));
    Map<String, List<String>> positionals =
        Map.ofEntries(
            Map.entry("mint", List.of()),
            Map.entry("mint derive", List.of("SITE")),
            Map.entry("mint check", List.of()),
            Map.entry("mint session", List.of()),
            Map.entry("mint batch", List.of("FILE")),
            Map.entry("mint normalize", List.of("SITE")),
            Map.entry("mint rules", List.of("SITE")),
            Map.entry("mint verify", List.of("FILE")),
            Map.entry("mint bench", List.of()),
            Map.entry("mint help", List.of("COMMAND", "SUBCOMMAND")),
            Map.entry("mint __complete-sites", List.of()),
            Map.entry("mint site", List.of()),
            Map.entry("mint site set", List.of("SITE")),
            Map.entry("mint site list", List.of()),
            Map.entry("mint site show", List.of("SITE")),
            Map.entry("mint site rm", List.of("SITE")),
            Map.entry("mint site bump", List.of("SITE")),
            Map.entry("mint site export", List.of("FILE")),
            Map.entry("mint site import", List.of("FILE")),
            Map.entry("mint rekey", List.of()),
            Map.entry("mint rekey start", List.of()),
            Map.entry("mint rekey show", List.of("SITE")),
            Map.entry("mint rekey done", List.of("SITE")),
            Map.entry("mint rekey status", List.of()),
            Map.entry("mint rekey finish", List.of()),
            Map.entry("mint rekey abort", List.of()));
    Map<String, CommandSpec> commands = allCommands();
    assertEquals(valueOptions.keySet(), commands.keySet(), "the commands reviewed here");
    for (Map.Entry<String, CommandSpec> entry : commands.entrySet()) {
      String command = entry.getKey();
      CommandSpec spec = entry.getValue();
      Set<String> takingValues = new TreeSet<>();
      for (OptionSpec option : spec.options()) {
        if (option.arity().max() > 0) {
          takingValues.add(option.longestName());
        }
        for (String name : option.names()) {
          boolean phraseLike =
              name.toLowerCase(java.util.Locale.ROOT)
                  .matches(".*(phrase|pass|secret|master|key).*");
          if (phraseLike
              && !Set.of(
                      "--phrase-stdin",
                      "--phrase-env",
                      "--phrase-fd",
                      "--new-phrase-fd",
                      "--keep-phrase",
                      "--no-phrase-check",
                      "--no-phrase")
                  .contains(name)) {
            fail(command + " has an option named like the phrase: " + name);
          }
        }
      }
      assertEquals(valueOptions.get(command), takingValues, command + ": options taking a value");
      assertEquals(
          positionals.get(command),
          spec.positionalParameters().stream()
              .map(PositionalParamSpec::paramLabel)
              .collect(Collectors.toList()),
          command + ": positional parameters");
      for (PositionalParamSpec parameter : spec.positionalParameters()) {
        if (!parameter.paramLabel().equals("FILE")) {
          assertEquals(1, parameter.arity().max(), command + " " + parameter.paramLabel());
        }
      }
      assertTrue(spec.unmatchedArgsBindings().isEmpty(), command + " collects unmatched arguments");
      assertFalse(spec.parser().unmatchedArgumentsAllowed(), command + " allows unmatched ones");
    }
    OptionSpec phraseStdin = commands.get("mint derive").findOption("--phrase-stdin");
    assertEquals(0, phraseStdin.arity().max(), "--phrase-stdin takes no value");
    assertEquals("NAME", commands.get("mint derive").findOption("--phrase-env").paramLabel());
    assertEquals("SECONDS", commands.get("mint derive").findOption("--clip").paramLabel());
  }

  /** The phrase under every name someone might give it, in the environment of every run. */
  static final Map<String, String> TEMPTING_ENVIRONMENT =
      Map.of(
          "MINT_PHRASE",
          MARKER,
          "MINT_MASTER_PHRASE",
          MARKER,
          "MASTER_PHRASE",
          MARKER,
          "MINT_PASSWORD",
          MARKER,
          "PASSWORD",
          MARKER,
          "PHRASE",
          MARKER,
          "MINT_TEST_PHRASE",
          MARKER);

  private static String passwordFor(String phrase) {
    try (Password password =
        Mint.derive(MintRequest.builder("github.com").build(), phrase.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  /**
   * The variables that say where the sites file is: the only ones the CLI looks up besides the one
   * --phrase-env names, and none with --no-profile.
   */
  private static final Set<String> SITES_FILE_VARIABLES =
      Set.of(SitesFile.ENV_FILE, SitesFile.ENV_XDG);

  private static List<String> phraseLookups(List<String> lookedUp) {
    return lookedUp.stream()
        .filter(n -> !SITES_FILE_VARIABLES.contains(n))
        .collect(Collectors.toList());
  }

  /**
   * C1: without --phrase-env the CLI looks up no variable but the sites file's location (none at
   * all with --no-profile); with it, only that one besides.
   */
  @Test
  void theEnvironmentIsReadOnlyForTheVariableNamed() {
    List<String> lookedUp = new ArrayList<>();
    Function<String, String> env =
        name -> {
          lookedUp.add(name);
          return TEMPTING_ENVIRONMENT.get(name);
        };

    CliRun noSource = CliRun.run(new ByteArrayInputStream(new byte[0]), env, "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.USAGE, noSource.exitCode(), noSource.err()),
        () -> assertTrue(noSource.err().contains("no console"), noSource.err()),
        () -> assertEquals("", noSource.out()),
        () -> assertEquals(List.of(), phraseLookups(lookedUp), "looked up without --phrase-env"));

    CliRun fromStdin =
        CliRun.run(
            new ByteArrayInputStream("another phrase\n".getBytes(StandardCharsets.UTF_8)),
            env,
            "--phrase-stdin",
            "--quiet",
            "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.OK, fromStdin.exitCode(), fromStdin.err()),
        () -> assertEquals(passwordFor("another phrase") + "\n", fromStdin.out()),
        () -> assertEquals(List.of(), phraseLookups(lookedUp), "looked up with --phrase-stdin"));

    lookedUp.clear();
    CliRun noProfile =
        CliRun.run(
            new ByteArrayInputStream("another phrase\n".getBytes(StandardCharsets.UTF_8)),
            env,
            "--phrase-stdin",
            "--quiet",
            "--no-profile",
            "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.OK, noProfile.exitCode(), noProfile.err()),
        () -> assertEquals(List.of(), lookedUp, "looked up with --no-profile"));

    CliRun named =
        CliRun.run(
            new ByteArrayInputStream(new byte[0]),
            env,
            "--phrase-env",
            "MINT_PHRASE",
            "--quiet",
            "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.OK, named.exitCode(), named.err()),
        () -> assertEquals(passwordFor(MARKER) + "\n", named.out()),
        () -> assertEquals(List.of("MINT_PHRASE"), phraseLookups(lookedUp)));

    CliRun unset =
        CliRun.run(
            new ByteArrayInputStream(new byte[0]), env, "--phrase-env", "MINT_UNSET", "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.INVALID_INPUT, unset.exitCode()),
        () ->
            assertEquals(
                "mint: phrase: environment variable MINT_UNSET is not set\n", unset.err()));
  }

  /** A stream that never ends: counts what is read, and gives up (end of input) at 1 MiB. */
  private static final class EndlessInput extends InputStream {
    static final int GIVE_UP = 1 << 20;
    int read;

    @Override
    public int read() {
      return read == GIVE_UP ? -1 : (++read % 64 == 0 ? ' ' : 'x');
    }
  }

  /** C4: a phrase on standard input that never ends is refused after a few KiB. */
  @Test
  void anEndlessStandardInputIsRefusedAfterTheLimit() {
    EndlessInput stdin = new EndlessInput();
    CliRun run = CliRun.run(stdin, name -> null, "--phrase-stdin", "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.err()),
        () ->
            assertEquals(
                "mint: phrase: more than 4096 bytes on standard input (one line is read)\n",
                run.err()),
        () -> assertEquals("", run.out()),
        () ->
            assertTrue(
                stdin.read <= PhraseReader.MAX_STDIN_BYTES + 2, "read " + stdin.read + " bytes"));
  }

  /**
   * C3 for the CLI: every buffer the CLI marks (the line read from stdin, the decoded phrase, the
   * copy taken from the environment, the password it prints) is all zeros once the run is over,
   * whether it succeeded or was refused. Each case: the arguments, then '|' and the stdin line.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "--phrase-stdin --quiet github.com|" + MARKER,
        "--phrase-env=MINT_PHRASE --quiet github.com|",
        "--phrase-stdin github.com|\u3000 \t",
        "--phrase-stdin github.com|" + MARKER + " \u00ff",
        "--phrase-env=MINT_LONG github.com|",
      })
  void theCliWipesItsPhraseAndPasswordBuffers(String testCase) {
    String[] parts = testCase.split("\\|", -1);
    byte[] stdin =
        parts[1].endsWith("\u00ff")
            ? (parts[1] + "\n").getBytes(StandardCharsets.ISO_8859_1) // not UTF-8
            : (parts[1] + "\n").getBytes(StandardCharsets.UTF_8);
    Map<String, String> env =
        Map.of("MINT_PHRASE", MARKER, "MINT_LONG", (MARKER + " ").repeat(400));
    List<Object> buffers = new ArrayList<>();
    CliRun run =
        SecretSeam.watch(
            () -> CliRun.run(new ByteArrayInputStream(stdin), env::get, parts[0].split(" ")),
            buffers);
    boolean derived = run.exitCode() == ExitCodes.OK;
    int atLeast = parts[0].contains("stdin") ? (derived ? 4 : 2) : (derived ? 2 : 1);
    assertAll(
        () -> assertTrue(run.exitCode() == 0 || run.exitCode() == 3, run.err()),
        () ->
            assertTrue(
                buffers.size() >= atLeast,
                "the seam is wired: " + buffers.size() + " buffers, expected " + atLeast));
    for (Object buffer : buffers) {
      if (buffer instanceof char[] chars) {
        char[] zeros = new char[chars.length];
        assertTrue(Arrays.equals(zeros, chars), "a char[" + chars.length + "] was not wiped");
      } else if (buffer instanceof byte[] bytes) {
        assertTrue(
            Arrays.equals(new byte[bytes.length], bytes),
            "a byte[" + bytes.length + "] was not wiped");
      } else {
        fail("unexpected buffer " + buffer.getClass());
      }
    }
  }
}
