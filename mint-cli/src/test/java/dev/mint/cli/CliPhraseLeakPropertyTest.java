package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.phrase.PhraseReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Control C2 for the CLI (docs/THREAT_MODEL.md): whatever goes wrong, and wherever the phrase was
 * put, no output of any subcommand repeats it. Each try hides a fresh marker in a phrase, gives
 * that phrase to the CLI one way (standard input, the environment, an argument typed where it does
 * not belong, a row of a vector file) together with one mistake, runs the real command line, and
 * searches standard output and standard error for the marker in any case and as hex. The exit
 * status must be the documented one for that mistake.
 */
class CliPhraseLeakPropertyTest {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  @Provide
  Arbitrary<String> markers() {
    return Arbitraries.strings().withCharRange('a', 'z').ofLength(10).map(s -> "mrk" + s);
  }

  /** What surrounds the marker: nothing, spaces, odd characters, an option's look, an @file. */
  private static Arbitrary<String> noise() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(10),
        Arbitraries.of(
            "",
            " ",
            "\u3000",
            "\u00df",
            "\uD800",
            "\uDC00x",
            "=",
            "-",
            "--",
            "@",
            "'",
            "\"",
            "%s",
            "${x}",
            "undefined"));
  }

  /** How the phrase looks: an ordinary one, one over every limit, one that is not UTF-8 text. */
  enum Shape {
    PLAIN,
    OVERLONG,
    LONE_SURROGATE
  }

  record Marked(String marker, String phrase, Shape shape) {
    @Override
    public String toString() {
      return "Marked[" + shape + ", " + phrase.length() + " code units]";
    }
  }

  @Provide
  Arbitrary<Marked> markedPhrases() {
    return Combinators.combine(markers(), noise(), noise(), Arbitraries.of(Shape.class))
        .as(
            (marker, before, after, shape) -> {
              String plain = before + " " + marker + " " + after;
              String phrase =
                  switch (shape) {
                    case PLAIN -> plain;
                    case OVERLONG -> (plain + " ").repeat(PhraseReader.MAX_STDIN_BYTES / 8);
                    case LONE_SURROGATE -> plain + "\uD800";
                  };
              return new Marked(marker, phrase, shape);
            });
  }

  /** Where the phrase goes and what else is wrong; the documented exit status of that mistake. */
  enum Mistake {
    // the phrase on stdin or in the named variable, with a mistake in another argument
    BLANK_SITE(3, "--quiet", "\u3000"),
    VERSION_ZERO(3, "--site-version=0", "github.com"),
    VERSION_TEXT(3, "--site-version=v2", "github.com"),
    LENGTH_TOO_SHORT(3, "--length=11", "github.com"),
    LENGTH_NOT_A_NUMBER(2, "--length=abc", "github.com"),
    UNKNOWN_REVISION(2, "--revision=r4", "github.com"),
    UNKNOWN_LEVEL(2, "--level=extreme", "github.com"),
    NO_CLASSES(3, "--no-upper", "--no-lower", "--no-digits", "--no-symbols", "github.com"),
    CONFIRM_WITHOUT_CONSOLE(2, "--confirm", "github.com"),
    NO_SITE(2),
    // the phrase read and refused: over the limit, or not UTF-8 on stdin
    PHRASE_REFUSED(3, "github.com"),
    // the phrase typed on the command line where it does not belong (stdin holds it too)
    AS_EXTRA_ARGUMENT(2, "github.com", "PHRASE"),
    AS_PHRASE_OPTION(2, "--phrase", "PHRASE", "github.com"),
    AS_PHRASE_OPTION_ATTACHED(2, "--phrase=PHRASE", "github.com"),
    AS_SHORT_OPTION(2, "-p", "PHRASE", "github.com"),
    AS_FLAG_VALUE(2, "--phrase-stdin=PHRASE", "github.com"),
    AS_QUIET_VALUE(2, "--quiet=PHRASE", "github.com"),
    AS_LENGTH(2, "--length", "PHRASE", "github.com"),
    AS_REVISION(2, "--revision=PHRASE", "github.com"),
    AS_LEVEL(2, "--level", "PHRASE", "github.com"),
    AS_SITE_VERSION(3, "--site-version", "PHRASE", "github.com"),
    AS_VARIABLE_NAME(3, "--phrase-env", "PHRASE", "github.com"),
    AS_UNKNOWN_OPTION_VALUE(2, "--colour=PHRASE", "github.com"),
    AFTER_UNKNOWN_OPTION(2, "github.com", "--lenght", "PHRASE"),
    AS_CLIP_SECONDS(2, "--clip", "PHRASE", "github.com"),
    AS_QR_VALUE(2, "--qr=PHRASE", "github.com"),
    CHECK_EXTRA_ARGUMENT(2, "check", "PHRASE"),
    CHECK_VARIABLE_NAME(3, "check", "--phrase-env", "PHRASE"),
    NORMALIZE_EXTRA_ARGUMENT(2, "normalize", "github.com", "PHRASE"),
    NORMALIZE_REVISION(2, "normalize", "--revision", "PHRASE", "github.com"),
    VERIFY_THREADS(2, "verify", "--threads", "PHRASE", "FILE"),
    BENCH_ROUNDS(2, "bench", "--rounds", "PHRASE"),
    BENCH_EXTRA_ARGUMENT(2, "bench", "PHRASE"),
    HELP_TOPIC(2, "help", "PHRASE"),
    // the sites file's commands: the phrase typed where a site, an option value or a file goes
    SITE_SET_EXTRA_ARGUMENT(2, "site", "set", "github.com", "PHRASE"),
    SITE_SET_LENGTH(2, "site", "set", "--length", "PHRASE", "github.com"),
    SITE_SET_VERSION(3, "site", "set", "--site-version", "PHRASE", "github.com"),
    SITE_SHOW_AS_SITE(3, "site", "show", "PHRASE"),
    SITE_RM_AS_ACCOUNT(3, "site", "rm", "--account", "PHRASE", "github.com"),
    SITE_BUMP_EXTRA_ARGUMENT(2, "site", "bump", "github.com", "PHRASE"),
    SITE_BUMP_VARIABLE_NAME(3, "site", "bump", "github.com", "--phrase-env", "PHRASE"),
    SITE_AS_COMMAND(2, "site", "PHRASE"),
    DERIVE_AS_ACCOUNT(3, "--account", "PHRASE", "github.com"),
    // a file holding the phrase given to 'site import' by mistake
    SITE_IMPORT_PHRASE_FILE(4, "site", "import", "FILE"),
    // the phrase in a row of a vector file: the row disagrees, or the file is malformed
    VERIFY_ROW_DISAGREES(1, "verify", "FILE"),
    VERIFY_ROW_MALFORMED(4, "verify", "FILE");

    final int exitCode;
    final List<String> args;

    Mistake(int exitCode, String... args) {
      this.exitCode = exitCode;
      this.args = List.of(args);
    }

    boolean phraseOnCommandLine() {
      return args.stream().anyMatch(a -> a.contains("PHRASE"));
    }

    boolean usesFile() {
      return args.contains("FILE");
    }

    boolean derives() {
      return !args.contains("normalize")
          && !args.contains("verify")
          && !args.contains("help")
          && !args.contains("bench")
          && !args.contains("site");
    }
  }

  enum Source {
    STDIN,
    ENV
  }

  @Property(tries = 1000)
  void noSubcommandRepeatsThePhrase(
      @ForAll("markedPhrases") Marked marked, @ForAll Mistake mistake, @ForAll Source source)
      throws IOException {
    // a phrase mint accepts would be a real derivation: checked in the example below
    Assume.that(
        !(mistake == Mistake.PHRASE_REFUSED
            && (marked.shape() == Shape.PLAIN
                || (source == Source.ENV && marked.shape() == Shape.LONE_SURROGATE))));
    String phrase = marked.phrase();
    Path file = mistake.usesFile() ? vectorFile(mistake, phrase) : null;
    try {
      List<String> args = new ArrayList<>();
      if (mistake.derives() && !mistake.phraseOnCommandLine()) {
        args.add(source == Source.STDIN ? "--phrase-stdin" : "--phrase-env=MINT_PHRASE");
      }
      for (String arg : mistake.args) {
        args.add(arg.replace("PHRASE", phrase).replace("FILE", String.valueOf(file)));
      }
      CliRun run =
          CliRun.run(stdinFor(marked), Map.of("MINT_PHRASE", phrase), args.toArray(String[]::new));
      assertNoMarker(marked.marker(), run);
      // picocli's help command shows the general help for an argument that starts with '-'
      // and a positional SITE that starts with '-' is taken for an unknown option (exit 2)
      int expected =
          mistake == Mistake.HELP_TOPIC && phrase.startsWith("-")
              ? ExitCodes.OK
              : mistake == Mistake.SITE_SHOW_AS_SITE && phrase.startsWith("-")
                  ? ExitCodes.USAGE
                  : mistake.exitCode;
      assertEquals(expected, run.exitCode(), mistake + " " + source + ": " + run.err());
      if (expected != ExitCodes.VERIFICATION_FAILED && mistake != Mistake.HELP_TOPIC) {
        assertEquals("", run.out(), "only a verify report goes to standard output");
      }
    } finally {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** The phrase as standard input: UTF-8, except that a lone surrogate is sent as its raw bytes. */
  private static byte[] stdinFor(Marked marked) {
    if (marked.shape() != Shape.LONE_SURROGATE) {
      return (marked.phrase() + "\n").getBytes(StandardCharsets.UTF_8);
    }
    String withoutIt = marked.phrase().substring(0, marked.phrase().length() - 1);
    byte[] text =
        withoutIt.replace('\uD800', '?').replace('\uDC00', '?').getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 4];
    System.arraycopy(text, 0, bytes, 0, text.length);
    bytes[text.length] = (byte) 0xED; // U+D800 encoded as if it were a character: not UTF-8
    bytes[text.length + 1] = (byte) 0xA0;
    bytes[text.length + 2] = (byte) 0x80;
    bytes[text.length + 3] = '\n';
    return bytes;
  }

  /** A vector file with an upstream stage row whose phrase is {@code phrase}. */
  private static Path vectorFile(Mistake mistake, String phrase) throws IOException {
    if (mistake == Mistake.SITE_IMPORT_PHRASE_FILE) {
      Path file = Files.createTempFile("mint-leak", ".txt");
      Files.write(
          file, (phrase + "\n").getBytes(StandardCharsets.UTF_8)); // '?' for a lone surrogate
      return file;
    }
    String line =
        Files.readAllLines(CliRows.upstreamDir().resolve("r3-stage.jsonl")).stream()
            .filter(l -> l.contains("\"password\""))
            .findFirst()
            .orElseThrow();
    ObjectNode row = (ObjectNode) JSON.readTree(line);
    ((ObjectNode) row.get("input")).put("phrase", phrase);
    String text = JSON.writeValueAsString(row);
    if (mistake == Mistake.VERIFY_ROW_MALFORMED) {
      text = text.substring(0, text.length() - 1); // the closing brace is missing
    }
    Path file = Files.createTempFile("mint-leak", ".jsonl");
    Files.writeString(file, JSON.writeValueAsString(row) + "\n" + text + "\n");
    return file;
  }

  /** Successful derivations: standard output carries the password, nothing carries the phrase. */
  @Example
  void successfulDerivationsShowNoPhrase() {
    String marker = "mrkexamplezz";
    CliRun fromStdin = CliRun.withStdin("\u00df " + marker + " x\n", "--phrase-stdin", "gh.io");
    CliRun fromEnv =
        CliRun.run(
            new byte[0], Map.of("P", "\uD800 " + marker + "\uDC00"), "--phrase-env", "P", "gh.io");
    for (CliRun run : List.of(fromStdin, fromEnv)) {
      assertAll(
          () -> assertEquals(ExitCodes.OK, run.exitCode(), run.err()),
          () -> assertTrue(run.out().matches("[!-~]{16}\n"), run.out()),
          () -> assertEquals("normalized site: gh (revision r3)\n", run.err()));
      assertNoMarker(marker, run);
    }
  }

  private static void assertNoMarker(String marker, CliRun run) {
    String all = (run.out() + "\n" + run.err()).toLowerCase(Locale.ROOT);
    String shown = run.err().length() > 300 ? run.err().substring(0, 300) + "..." : run.err();
    HexFormat hex = HexFormat.of();
    for (String form : List.of(marker, marker.toUpperCase(Locale.ROOT))) {
      String inHex = hex.formatHex(form.getBytes(StandardCharsets.UTF_8));
      assertFalse(
          all.contains(form.toLowerCase(Locale.ROOT)), "the marker leaked; stderr: " + shown);
      assertFalse(all.contains(inHex), "the marker leaked as hex; stderr: " + shown);
    }
  }
}
