package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.sites.store.SitesFileTest;
import dev.mint.testing.HostileFs;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code mint site export} and the sites file are written (docs/THREAT_MODEL.md, C38): only
 * to a regular file, or a new one; a pipe, a socket or a directory is refused, exit 4, whatever
 * {@code --force} says, and left as it was; a link of the user's to a regular file keeps being a
 * link and its target is replaced. And what {@code site export} to standard output and {@code site
 * import} say of the recorded phrase check (C40). Never a device: a FIFO and links of the test's
 * own stand for them.
 */
class SiteExportTargetTest {
  private static final String PHRASE = "correct horse battery staple";

  @TempDir Path dir;

  Path sites() {
    return dir.resolve("config/sites.json");
  }

  CliRun mint(String... args) {
    return mintWith(sites(), args);
  }

  CliRun mintWith(Path sites, String... args) {
    return CliRun.run(
        (PHRASE + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of("MINT_SITES", sites.toString()),
        args);
  }

  @BeforeEach
  void anEntry() {
    CliRun set = mint("site", "set", "a.com");
    assertEquals(0, set.exitCode(), set.err());
  }

  static Path fifo(Path path) throws IOException, InterruptedException {
    HostileFs.run("mkfifo", path.toString());
    return path;
  }

  static boolean isFifo(Path path) throws IOException {
    PosixFileAttributes attributes =
        Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    return attributes.isOther() && !attributes.isDirectory();
  }

  static void assertRefused(CliRun run, Path named) {
    assertAll(
        () -> assertEquals(ExitCodes.IO, run.exitCode(), run.err()),
        () -> assertEquals(1, run.err().lines().count(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: "), run.err()),
        () -> assertTrue(run.err().contains(named.toString()), run.err()),
        () -> assertEquals("", run.out()));
  }

  @Test
  void aFifoIsRefusedWithOrWithoutForceAndStaysAFifo() throws Exception {
    Path fifo = fifo(dir.resolve("out.json"));
    for (List<String> force : List.of(List.<String>of(), List.of("--force"))) {
      CliRun run = mint(args(List.of("site", "export", fifo.toString()), force));
      assertRefused(run, fifo);
      assertTrue(run.err().contains("not a regular file"), run.err());
      assertTrue(isFifo(fifo), "the FIFO was replaced " + force);
    }
  }

  @Test
  void aSocketIsRefusedAndStaysASocket() throws Exception {
    Path socket = dir.resolve("out.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      CliRun run = mint("site", "export", socket.toString(), "--force");
      assertRefused(run, socket);
      assertTrue(run.err().contains("not a regular file"), run.err());
      assertFalse(Files.isRegularFile(socket, LinkOption.NOFOLLOW_LINKS), "replaced by a file");
    }
  }

  @Test
  void aDirectoryIsRefusedWithOrWithoutForce() throws Exception {
    Path directory = Files.createDirectory(dir.resolve("out"));
    for (List<String> force : List.of(List.<String>of(), List.of("--force"))) {
      CliRun run = mint(args(List.of("site", "export", directory.toString()), force));
      assertRefused(run, directory);
      assertTrue(run.err().contains("not a regular file (a directory)"), run.err());
      assertTrue(Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS));
    }
  }

  /** A link of the user's to a regular file stays a link; the file it names is replaced. */
  @Test
  void aLinkToARegularFileOfYoursStaysALinkAndItsFileIsReplaced() throws Exception {
    Path real = Files.writeString(dir.resolve("backup.json"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
    CliRun refused = mint("site", "export", link.toString());
    assertEquals(ExitCodes.USAGE, refused.exitCode(), "exists, no --force: " + refused.err());
    assertEquals("old\n", Files.readString(real));

    CliRun forced = mint("site", "export", link.toString(), "--force");
    assertAll(
        () -> assertEquals(0, forced.exitCode(), forced.err()),
        () -> assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file"),
        () -> assertEquals(real, Files.readSymbolicLink(link)),
        () -> assertEquals(mint("site", "export").out(), Files.readString(real)),
        () -> assertEquals("rw-------", SitesFileTest.mode(real)));
  }

  @Test
  void aLinkToAFifoADirectoryOrNothingIsRefusedAndKept() throws Exception {
    Path fifo = fifo(dir.resolve("pipe"));
    Path directory = Files.createDirectory(dir.resolve("d"));
    for (Path to : List.of(fifo, directory, dir.resolve("missing.json"))) {
      Path link = dir.resolve("link-" + to.getFileName());
      Files.createSymbolicLink(link, to);
      CliRun run = mint("site", "export", link.toString(), "--force");
      assertRefused(run, link);
      assertEquals(to, Files.readSymbolicLink(link), "the link was replaced");
      assertFalse(Files.exists(dir.resolve("missing.json")), "created through the link");
    }
    assertTrue(isFifo(fifo));
  }

  @Test
  void dashIsStandardOutput() throws Exception {
    Path dash = Path.of("-").toAbsolutePath();
    boolean before = Files.exists(dash, LinkOption.NOFOLLOW_LINKS);
    try {
      CliRun run = mint("site", "export", "-");
      assertAll(
          () -> assertEquals(0, run.exitCode(), run.err()),
          () -> assertEquals(mint("site", "export").out(), run.out()),
          () -> assertTrue(run.out().contains("a.com"), run.out()),
          () ->
              assertEquals(
                  before, Files.exists(dash, LinkOption.NOFOLLOW_LINKS), "a file named '-'"));
    } finally {
      if (!before) {
        Files.deleteIfExists(dash);
      }
    }
  }

  /** The sites file itself (MINT_SITES) goes through the same refusal. */
  @Test
  void aSitesFileThatIsAFifoIsRefusedForEveryCommandAndStaysAFifo() throws Exception {
    Path fifo = fifo(dir.resolve("fifo.json"));
    for (List<String> command :
        List.of(
            List.of("site", "set", "b.com"),
            List.of("site", "list"),
            List.of("check", "--remember", "--phrase-stdin"))) {
      CliRun run = mintWith(fifo, command.toArray(String[]::new));
      assertRefused(run, fifo);
      assertTrue(run.err().contains("not a regular file"), run.err());
      assertTrue(isFifo(fifo), command + " replaced the FIFO");
    }
  }

  // the phrase check (C40) ---------------------------------------------------------------------

  @Test
  void exportToStandardOutputSaysItHoldsThePhraseCheck() {
    CliRun remember = mint("check", "--remember", "--phrase-stdin");
    assertEquals(0, remember.exitCode(), remember.err());
    CliRun with = mint("site", "export");
    assertAll(
        () -> assertEquals(0, with.exitCode(), with.err()),
        () -> assertTrue(with.out().contains("\"phraseCheck\""), with.out()),
        () -> assertEquals(1, with.err().lines().count(), with.err()),
        () -> assertTrue(with.err().contains("standard output"), with.err()),
        () -> assertTrue(with.err().contains("phrase check"), with.err()),
        () -> assertTrue(with.err().contains("--no-phrase-check"), with.err()));
    CliRun without = mint("site", "export", "--no-phrase-check");
    assertAll(
        () -> assertEquals(0, without.exitCode(), without.err()),
        () -> assertFalse(without.out().contains("phraseCheck"), without.out()),
        () -> assertFalse(without.err().contains("phrase check"), without.err()));
  }

  /** A file whose check differs: the entries are imported, the recorded check is kept, exit 3. */
  @Test
  void importOfAnotherPhraseCheckKeepsTheRecordedOneAndSaysSo() throws Exception {
    assertEquals(0, mint("check", "--remember", "--phrase-stdin").exitCode());
    String recorded = recordedCheck(sites());
    Path elsewhere = dir.resolve("elsewhere/sites.json");
    assertEquals(0, mintWith(elsewhere, "site", "set", "b.com").exitCode());
    CliRun otherPhrase =
        CliRun.run(
            "another phrase entirely\n".getBytes(StandardCharsets.UTF_8),
            Map.of("MINT_SITES", elsewhere.toString()),
            "check",
            "--remember",
            "--phrase-stdin");
    assertEquals(0, otherPhrase.exitCode(), otherPhrase.err());
    String other = recordedCheck(elsewhere);
    assertFalse(other.equals(recorded), "two phrases with one check: choose another");
    Path incoming = dir.resolve("incoming.json");
    assertEquals(0, mintWith(elsewhere, "site", "export", incoming.toString()).exitCode());
    CliRun run = mint("site", "import", incoming.toString());
    List<String> lines = run.err().lines().filter(l -> l.contains("phrase check")).toList();
    String shown = run.err().replace(dir.toString(), "");
    assertAll(
        () -> assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.err()),
        () -> assertEquals(1, lines.size(), run.err()),
        () -> assertTrue(lines.get(0).contains(incoming.toString()), run.err()),
        () -> assertTrue(lines.get(0).contains("kept"), run.err()),
        () -> assertFalse(shown.contains(other), "no check value shown: " + run.err()),
        () -> assertFalse(shown.contains(recorded), "no check value shown: " + run.err()),
        () -> assertEquals(recorded, recordedCheck(sites()), "the recorded check was replaced"),
        () -> assertTrue(mint("site", "list").out().contains("b.com"), "entries imported"));
  }

  /** Nothing is lost: into a file without a recorded check, FILE's is recorded, and said. */
  @Test
  void importIntoAFileWithoutACheckRecordsFilesAndSaysSo() throws Exception {
    Path other = dir.resolve("other/sites.json");
    assertEquals(0, mintWith(other, "check", "--remember", "--phrase-stdin").exitCode());
    Path exported = dir.resolve("exported.json");
    assertEquals(0, mintWith(other, "site", "export", exported.toString()).exitCode());
    CliRun run = mint("site", "import", exported.toString());
    List<String> lines = run.err().lines().filter(l -> l.contains("phrase check")).toList();
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals(1, lines.size(), run.err()),
        () -> assertTrue(lines.get(0).contains("recorded"), run.err()),
        () -> assertEquals(recordedCheck(other), recordedCheck(sites())));
    CliRun check = mint("check", "--phrase-stdin");
    assertEquals(0, check.exitCode(), "the phrase matches the imported check: " + check.err());
  }

  @Test
  void importOfTheSameCheckSaysNothingOfIt() throws Exception {
    assertEquals(0, mint("check", "--remember", "--phrase-stdin").exitCode());
    Path exported = dir.resolve("exported.json");
    assertEquals(0, mint("site", "export", exported.toString()).exitCode());
    byte[] before = Files.readAllBytes(sites());
    CliRun run = mint("site", "import", exported.toString());
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertFalse(run.err().contains("phrase check"), run.err()),
        () -> assertArrayEquals(before, Files.readAllBytes(sites())));
  }

  static String recordedCheck(Path sites) throws IOException {
    String text = Files.readString(sites);
    int at = text.indexOf("\"phraseCheck\"");
    assertTrue(at >= 0, "no recorded check in " + text);
    int open = text.indexOf('"', text.indexOf(':', at)) + 1;
    return text.substring(open, text.indexOf('"', open));
  }

  static String[] args(List<String> first, List<String> more) {
    return Stream.concat(first.stream(), more.stream()).toArray(String[]::new);
  }
}
