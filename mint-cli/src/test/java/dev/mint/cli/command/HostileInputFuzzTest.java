package dev.mint.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.CliRun;
import dev.mint.cli.Failures;
import dev.mint.cli.io.BoundedLines;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.format.SitesJson;
import dev.mint.cli.sites.model.SiteBook;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzing of the inputs strangers control (docs/TESTING.md, "Fuzzing"): jqwik generators of hostile
 * input (deep nesting, huge strings, invalid UTF-8, NUL bytes, lone surrogates, control characters,
 * quotes and options out of place) for the sites-file parser ({@link SitesJson#parse}), the batch
 * and session line reader ({@link BoundedLines}) and line parser ({@link SiteLines}), and a whole
 * {@code mint batch} in-process. Every outcome must be a value or mint's own one-line error with
 * its documented exit code; anything else (a RuntimeException, an Error) is a bug. The tries are
 * bounded for the default build (well under a minute in all); every run draws a new seed, so the
 * longer run by hand is the same test run again and again (docs/TESTING.md, "Fuzzing").
 */
class HostileInputFuzzTest {
  /** An empty configuration directory: no sites file, never the user's. */
  private static final java.nio.file.Path CONFIG = emptyConfig();

  private static java.nio.file.Path emptyConfig() {
    try {
      return java.nio.file.Files.createTempDirectory("mint-fuzz-config");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final AtomicInteger sitesFiles = new AtomicInteger();
  private static final AtomicInteger sitesFilesRefused = new AtomicInteger();
  private static final AtomicInteger parsedFiles = new AtomicInteger();
  private static final AtomicInteger lines = new AtomicInteger();
  private static final AtomicInteger batches = new AtomicInteger();

  @AfterContainer
  static void report() {
    System.out.printf(
        "fuzz: %d sites files (%d refused with exit 4, %d read and written back the same), %d site"
            + " lines, %d whole batches%n",
        sitesFiles.get(), sitesFilesRefused.get(), parsedFiles.get(), lines.get(), batches.get());
  }

  // ---- generators ----

  /** Text a stranger could put anywhere: each piece hostile in its own way. */
  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(40), // any char, lone surrogates included
            Arbitraries.strings()
                .withChars('\0', '\r', '\n', '\t', '\u0085', '\u2028', '\ufeff')
                .ofMaxLength(8),
            Arbitraries.of("\ud800", "\udfff", "\udbff\udfff", "\uffff", "\u0000", "\u202e"),
            Arbitraries.of(
                "'",
                "\"",
                "\\",
                "--save",
                "--length",
                "--account",
                "-",
                "--",
                "@x",
                "--phrase",
                "#",
                "=",
                "--level=high",
                "--site-version",
                "--revision r9"),
            Arbitraries.integers().between(1, 50_000).map(n -> "[".repeat(n)),
            Arbitraries.integers().between(1, 20_000).map(n -> "{\"a\":".repeat(n)),
            Arbitraries.integers().between(1, 1 << 20).map(n -> "a".repeat(n)),
            Arbitraries.of(
                "github.com",
                "https://www.example.co.uk/path?q=1",
                "xn--80ak6aa92e.com",
                "MAIL.Example.COM",
                "ё.рф",
                "user@host",
                "localhost",
                "127.0.0.1"));
    return piece.list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(" ", l));
  }

  /** Bytes that are not always UTF-8: overlong forms, surrogates, cut sequences, 0xFF. */
  @Provide
  Arbitrary<byte[]> hostileBytes() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> invalid =
        Arbitraries.of(
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {0});
    Arbitrary<byte[]> text = hostileText().map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(raw, invalid, text)
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(
            parts -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              parts.forEach(out::writeBytes);
              return out.toByteArray();
            });
  }

  /** A sites file: mostly the right shape, with hostile values and structure in it. */
  @Provide
  Arbitrary<byte[]> sitesFile() {
    Arbitrary<String> value =
        Arbitraries.oneOf(
            hostileText().map(HostileInputFuzzTest::jsonString),
            Arbitraries.of(
                "null",
                "true",
                "1e999",
                "-0",
                "12",
                "8",
                "[]",
                "{}",
                "\"r9\"",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "9999999999999999999999"));
    Arbitrary<String> field =
        Arbitraries.of(
            "site",
            "account",
            "length",
            "upper",
            "lower",
            "digits",
            "symbols",
            "allowAmbiguous",
            "level",
            "revision",
            "version",
            "note",
            "unknown",
            "site",
            "");
    Arbitrary<String> entry =
        net.jqwik.api.Combinators.combine(field, value)
            .as((f, v) -> "\"" + f + "\":" + v)
            .list()
            .ofMaxSize(8)
            .map(fs -> "{" + String.join(",", fs) + "}");
    // entries of the right types whose free text (site, account, note) is hostile: these parse,
    // so the round trip (nothing lost) is tried on hostile strings
    Arbitrary<String> text =
        hostileText().filter(t -> t.length() <= 200).map(HostileInputFuzzTest::jsonString);
    Arbitrary<String> valid =
        net.jqwik.api.Combinators.combine(text, text, text, Arbitraries.integers().between(12, 64))
            .as(
                (site, account, note, length) ->
                    "{\"site\":"
                        + site
                        + ",\"account\":"
                        + account
                        + ",\"revision\":\"r3\",\"version\":\"1\",\"length\":"
                        + length
                        + ",\"upper\":true,\"lower\":true,\"digits\":true,\"symbols\":false,"
                        + "\"excludeAmbiguous\":false,\"level\":\"standard\",\"note\":"
                        + note
                        + ",\"created\":\"2026-01-01\",\"updated\":\"2026-01-02\"}");
    Arbitrary<String> wellShaped =
        Arbitraries.oneOf(entry, valid, valid)
            .list()
            .ofMaxSize(20)
            .map(es -> "{\"format\":\"mint-sites/1\",\"sites\":[" + String.join(",", es) + "]}");
    Arbitrary<String> deep =
        Arbitraries.integers()
            .between(1, 100_000)
            .map(
                n ->
                    "{\"format\":\"mint-sites/1\",\"sites\":["
                        + "[".repeat(n)
                        + "]".repeat(n)
                        + "]}");
    Arbitrary<String> huge =
        Arbitraries.integers()
            .between(1, 4 << 20)
            .map(
                n ->
                    "{\"format\":\"mint-sites/1\",\"sites\":[{\"site\":\""
                        + "x".repeat(n)
                        + "\"}]}");
    // files of one to three such entries only: one bad entry refuses a whole file
    Arbitrary<String> validOnly =
        valid
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(es -> "{\"format\":\"mint-sites/1\",\"sites\":[" + String.join(",", es) + "]}");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, validOnly.map(s -> s.getBytes(StandardCharsets.UTF_8))),
        net.jqwik.api.Tuple.of(3, wellShaped.map(s -> s.getBytes(StandardCharsets.UTF_8))),
        net.jqwik.api.Tuple.of(1, deep.map(s -> s.getBytes(StandardCharsets.UTF_8))),
        net.jqwik.api.Tuple.of(1, huge.map(s -> s.getBytes(StandardCharsets.UTF_8))),
        net.jqwik.api.Tuple.of(2, hostileBytes()));
  }

  /** {@code s} as a JSON string, lone surrogates as {@code \\uXXXX} escapes. */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  // ---- properties ----

  @Property(tries = 400)
  void theSitesFileParserGivesEntriesOrOneLineExit4(@ForAll("sitesFile") byte[] file) {
    {
      sitesFiles.incrementAndGet();
      SiteBook profiles;
      try {
        profiles = SitesJson.parse(file, "sites.json");
      } catch (SitesException e) {
        sitesFilesRefused.incrementAndGet();
        assertEquals(ExitCodes.IO, Failures.exitCode(e.kind()), e.getMessage());
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().startsWith("sites.json"), e.getMessage());
        return;
      }
      // nothing lost: what was read is written back and read again the same
      byte[] written = SitesJson.toBytes(profiles);
      SiteBook again = SitesJson.parse(written, "sites.json");
      assertEquals(profiles.entries().size(), again.entries().size());
      parsedFiles.incrementAndGet();
      assertArrayEquals(written, SitesJson.toBytes(again));
    }
  }

  @Property(tries = 1500)
  void aSiteLineParsesOrIsABadLine(@ForAll("hostileText") String text) {
    SiteLines parser = new SiteLines(io(new byte[0]), true, new dev.mint.cli.options.RulesMixin());
    {
      lines.incrementAndGet();
      try {
        SiteLines.Parsed parsed = parser.parse(text);
        assertFalse(parsed.site().isBlank());
        parsed.request(); // a value, validated at construction
      } catch (SiteLines.BadLine e) {
        assertOneLine(e.getMessage());
        String typed = text.strip();
        // an option name may be named back; a line that is no option must not be repeated
        assertFalse(
            !typed.startsWith("-") && typed.length() > 12 && e.getMessage().contains(typed),
            "a refused line is not repeated: " + e.getMessage());
      }
    }
  }

  @Property(tries = 400)
  void theLineReaderSplitsOrRefusesWithinItsLimits(@ForAll("hostileBytes") byte[] input) {
    {
      try {
        List<String> read = BoundedLines.read(new ByteArrayInputStream(input), "standard input");
        // null: a line over the limit, refused and not kept
        read.stream()
            .filter(java.util.Objects::nonNull)
            .forEach(l -> assertTrue(l.length() <= BoundedLines.MAX_LINE_CHARS));
        read.stream()
            .filter(java.util.Objects::nonNull)
            .forEach(l -> assertFalse(l.contains("\n") || l.contains("\r")));
      } catch (CliException e) {
        assertOneLine(e.getMessage());
        assertTrue(
            e.exitCode() == ExitCodes.IO || e.exitCode() == ExitCodes.INVALID_INPUT,
            e.getMessage());
      }
    }
  }

  /** A whole {@code mint batch} in-process on hostile lines: exit 0 or 3 (or 4), one line each. */
  @Property(tries = 25)
  void aWholeBatchOfHostileLinesEndsWithADocumentedExit(
      @ForAll("hostileText") String a, @ForAll("hostileText") String b) {
    String input = "correct horse battery staple\n" + a + "\n" + b + "\n";
    {
      batches.incrementAndGet();
      // a sites file of its own: a line may say --save (refused; were it not, it must not reach
      // other tests' file)
      java.nio.file.Path config = emptyConfig();
      CliRun run =
          CliRun.run(
              input.getBytes(StandardCharsets.UTF_8),
              Map.of("XDG_CONFIG_HOME", config.toString()),
              "batch",
              "--phrase-stdin",
              "--threads",
              "1",
              "--no-progress");
      assertTrue(List.of(0, 3, 4).contains(run.exitCode()), run.err());
      assertFalse(run.err().contains("\tat "), run.err());
      assertFalse(run.err().contains("internal error"), run.err());
      run.err().lines().forEach(l -> assertTrue(l.startsWith("mint: "), run.err()));
    }
  }

  private static void assertOneLine(String message) {
    assertFalse(message.isBlank());
    assertFalse(message.contains("\n") || message.contains("\r"), message);
  }

  private static Io io(byte[] stdin) {
    return Io.of(
        new ByteArrayInputStream(stdin),
        new ByteArrayOutputStream(),
        new PrintWriter(new StringWriter()),
        name -> name.equals("XDG_CONFIG_HOME") ? CONFIG.toString() : null,
        () -> null,
        false,
        false);
  }
}
