package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.output.ClipboardClearer;
import dev.mint.cli.output.XServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --clip} against a real X server (Xvfb) and the real xclip: the password reaches the
 * clipboard and nothing else, the helper clears it or puts back what was there, leaves alone what
 * the user copied meanwhile, and a second --clip takes over the first's timer. mint runs in-process
 * (its helper is a real second JVM); the clipboard is read with {@code xclip -o}.
 */
class ClipboardTest {
  private static final String PHRASE = MintCliTest.MARKER;
  @RegisterExtension static final XServer x = XServer.forEachClass();

  @TempDir Path runtime;

  @AfterEach
  void endHelper() throws IOException {
    XServer.endHelper(runtime);
  }

  static String password(String site) {
    try (Password password = Mint.derive(MintRequest.builder(site).build(), PHRASE.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  private CliRun clip(String site, String... options) {
    String[] args = new String[options.length + 2];
    args[0] = "--phrase-stdin";
    System.arraycopy(options, 0, args, 1, options.length);
    args[args.length - 1] = site;
    return CliRun.run((PHRASE + "\n").getBytes(StandardCharsets.UTF_8), x.env(runtime), args);
  }

  /** {@code mint --clip github.com} in {@code env}, the delay left to it. */
  private static CliRun clipGithub(Map<String, String> env) {
    return CliRun.run(
        (PHRASE + "\n").getBytes(StandardCharsets.UTF_8),
        env,
        "--phrase-stdin",
        "--clip",
        "github.com");
  }

  /** The clipboard holds {@code before}; mint copies {@code site}'s password for 2 s (exit 0). */
  private CliRun clipOver(String before, String site) throws Exception {
    x.copy(before);
    CliRun run = clip(site, "--clip", "2");
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  @Test
  void copiesThePasswordPrintsNothingAndPutsBackWhatWasThere() throws Exception {
    CliRun run = clipOver("what the user had copied", "github.com");
    String password = password("github.com");
    assertAll(
        () -> assertEquals("", run.out()),
        () -> assertTrue(run.err().endsWith("copied to the clipboard; clears in 2 s\n"), run.err()),
        () -> assertFalse(run.err().contains(password)));
    assertEquals(password, x.read());
    assertEquals("what the user had copied", x.awaitChangeFrom(password, 60));
  }

  @Test
  void anEmptyClipboardIsClearedAgain() throws Exception {
    clipOver("", "example.org");
    String password = password("example.org");
    assertEquals(password, x.read());
    assertEquals("", x.awaitChangeFrom(password, 60));
  }

  @Test
  void whatTheUserCopiedMeanwhileIsLeftAlone() throws Exception {
    clipOver("before", "github.com");
    assertEquals(password("github.com"), x.read());
    x.copy("copied by the user meanwhile");
    Path dir = runtime.resolve("mint");
    awaitNoHelper(dir);
    assertEquals("copied by the user meanwhile", x.read());
  }

  @Test
  void aSecondClipTakesOverTheFirstsTimer() throws Exception {
    x.copy("before");
    Path dir = runtime.resolve("mint");
    CliRun first = clip("github.com", "--clip", "600");
    assertEquals(0, first.exitCode(), first.err());
    long firstHelper = awaitHelper(dir);

    CliRun second = clip("example.org", "--clip", "2");
    assertEquals(0, second.exitCode(), second.err());
    assertFalse(
        ProcessHandle.of(firstHelper).map(ProcessHandle::isAlive).orElse(false),
        "the first helper still runs");
    String password = password("example.org");
    assertEquals(password, x.read());
    // the first password is not put back: the clipboard is cleared instead
    assertEquals("", x.awaitChangeFrom(password, 60));
  }

  @Test
  void theDelayComesFromTheEnvironmentWhenNotGiven() throws Exception {
    Map<String, String> env = new HashMap<>(x.env(runtime));
    env.put("MINT_CLIP_SECONDS", "3");
    CliRun run = clipGithub(env);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().endsWith("copied to the clipboard; clears in 3 s\n"), run.err());
    assertEquals(password("github.com"), x.read());
  }

  @Test
  void noDisplayIsAnIoErrorAndThePasswordIsNowhere() throws Exception {
    x.copy("untouched");
    Map<String, String> env = new HashMap<>(x.env(runtime));
    env.remove("DISPLAY");
    CliRun run = clipGithub(env);
    assertAll(
        () -> assertEquals(ExitCodes.IO, run.exitCode()),
        () -> assertEquals("", run.out()),
        () ->
            assertEquals(
                "mint: --clip: no clipboard: neither WAYLAND_DISPLAY nor DISPLAY is set;"
                    + " the password was not shown\n",
                run.err()),
        () -> assertEquals("untouched", x.read()));
  }

  @Test
  void noClipboardToolIsAnIoErrorBeforeThePhraseIsRead() throws Exception {
    Path emptyPath = Files.createDirectory(runtime.resolve("bin"));
    Map<String, String> env = new HashMap<>(x.env(runtime));
    env.put("PATH", emptyPath.toString());
    // no phrase on stdin at all: the error comes first
    CliRun run = CliRun.run(new byte[0], env, "--phrase-stdin", "--clip", "github.com");
    assertAll(
        () -> assertEquals(ExitCodes.IO, run.exitCode()),
        () -> assertEquals("", run.out()),
        () ->
            assertTrue(
                run.err()
                    .startsWith(
                        "mint: --clip: no clipboard tool found: install xclip" + " or xsel"),
                run.err()));
  }

  @Test
  void aBadDelayIsAUsageError() {
    CliRun run = clip("github.com", "--clip", "0");
    assertEquals(ExitCodes.USAGE, run.exitCode());
    assertTrue(run.err().contains("--clip must be a number of seconds from 1 to 3600"), run.err());
    Map<String, String> env = new HashMap<>(x.env(runtime));
    env.put("MINT_CLIP_SECONDS", "soon");
    CliRun fromEnv = clipGithub(env);
    assertEquals(ExitCodes.USAGE, fromEnv.exitCode());
    assertTrue(fromEnv.err().contains("MINT_CLIP_SECONDS must be"), fromEnv.err());
  }

  private static void awaitNoHelper(Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Optional<Long> pid;
    while ((pid = ClipboardClearer.runningHelperPid(dir)).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the helper " + pid.get() + " did not finish");
      }
      Thread.sleep(200);
    }
  }

  /**
   * The helper's pid once its command line is its own: right after mint returns, the child may
   * still be the launcher's spawn helper on its way to exec the helper's JVM, which {@link
   * ClipboardClearer#runningHelperPid} does not take for mint's helper.
   */
  private static long awaitHelper(Path dir) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Optional<Long> pid;
    while ((pid = ClipboardClearer.runningHelperPid(dir)).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no clipboard helper runs for " + dir);
      }
      Thread.sleep(50);
    }
    return pid.get();
  }
}
