package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.io.HardenedJvm;
import dev.mint.conformance.Stages;
import dev.mint.testing.JarProcess;
import dev.mint.testing.ProcessMemory;
import dev.mint.testing.TestHome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both launchers (the repository's {@code ./mint} and the archive's {@code bin/mint}) keep a crash,
 * a core dump and a same-user attach from copying the phrase out of a live {@code mint session}
 * (docs/THREAT_MODEL.md, C27). Real processes: a session started the way a user would, with {@code
 * ulimit -c unlimited} in the parent shell, then {@code jcmd PID GC.heap_dump}, a scan of the JVM's
 * readable memory through {@code /proc/PID/mem}, and {@code kill -SEGV}.
 */
class LauncherCrashIT {
  private static final String PHRASE = MintCliTest.MARKER;

  @TempDir Path dir;

  /** The launcher to run: {@code repo} is ./mint, {@code archive} a bin/mint + lib/ layout. */
  private Path launcher(String which) throws IOException {
    return Launchers.launcher(which, dir);
  }

  private static final class Session implements AutoCloseable {
    final Process process;
    final Path cwd;
    final Path out;
    final Path err;
    final OutputStream keyboard;

    /** A session of {@code launcher} in {@code dir}: its working directory, phrase and output. */
    static Session in(Path dir, Path launcher) throws IOException {
      Path cwd = Files.createDirectories(dir.resolve("cwd"));
      Path phrase = Files.writeString(dir.resolve("phrase"), PHRASE + "\n");
      return new Session(launcher, cwd, dir.resolve("out"), dir.resolve("err"), phrase);
    }

    Session(Path launcher, Path cwd, Path out, Path err, Path phraseFile) throws IOException {
      this.cwd = cwd;
      this.out = out;
      this.err = err;
      // the parent allows any core; exec keeps the pid: the process is the JVM itself
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash",
                  "-c",
                  "ulimit -c unlimited; exec \"$0\" session --phrase-fd 3 --idle 5m 3<\"$1\"",
                  launcher.toString(),
                  phraseFile.toString())
              .directory(cwd.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      JarProcess.isolate(builder.environment());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("HOME", cwd.toString());
      builder.environment().put("MINT_AOT", "off");
      builder.environment().remove("MINT_JAVA_OPTS");
      process = builder.start();
      keyboard = process.getOutputStream();
    }

    /** Types a site line and waits for its password line on standard output. */
    String site(String site) throws Exception {
      long before = Files.readString(out).lines().count();
      keyboard.write((site + "\n").getBytes(StandardCharsets.UTF_8));
      keyboard.flush();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < deadline) {
        List<String> lines = Files.readString(out).lines().toList();
        if (lines.size() > before) {
          return lines.get(lines.size() - 1);
        }
        assertTrue(process.isAlive(), () -> "session ended: " + read(err));
        Thread.sleep(100);
      }
      throw new AssertionError("no password for " + site + "; stderr: " + read(err));
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(" + e + ")";
    }
  }

  private static List<Path> crashFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                String name = f.getFileName().toString();
                return name.startsWith("core")
                    || name.startsWith("hs_err")
                    || name.endsWith(".hprof");
              })
          .toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"repo", "archive"})
  void aSegfaultLeavesNoCoreNoReportAndNothingOnStdout(String which) throws Exception {
    try (Session session = Session.in(dir, launcher(which))) {
      String password = session.site("example.com");
      assertEquals(16, password.length(), read(session.err));
      long pid = session.process.pid();
      assertEquals(0, new ProcessBuilder("kill", "-SEGV", Long.toString(pid)).start().waitFor());
      assertTrue(session.process.waitFor(2, TimeUnit.MINUTES), "the JVM did not end");
      assertAll(
          () -> assertNotEquals(0, session.process.exitValue()),
          () ->
              assertEquals(
                  List.of(), crashFiles(session.cwd), "crash files in the working directory"),
          () -> assertFalse(Files.exists(Path.of("/tmp/hs_err_pid" + pid + ".log")), "/tmp"),
          () ->
              assertEquals(
                  password + "\n", read(session.out), "standard output: the password only"));
    }
  }

  /**
   * Every option of {@code jvm-hardening.options}, the one list of C27's options ({@link
   * HardenedJvm#options()} reads it), is in force in the JVM each launcher starts, as the JVM
   * itself reports it: {@code -XX:+PrintCommandLineFlags} (given through {@code MINT_JAVA_OPTS})
   * prints the flags it took. A launcher that left the file out, or overrode one of its options,
   * fails here.
   */
  @ParameterizedTest
  @ValueSource(strings = {"repo", "archive"})
  void everyOptionOfTheHardeningFileIsInForce(String which) throws Exception {
    List<String> options = HardenedJvm.options();
    assertFalse(options.isEmpty(), HardenedJvm.RESOURCE + " lists no option");
    JarProcess run =
        JarProcess.exec(
            List.of(launcher(which).toString(), "--version"),
            Map.of(
                "JAVA_HOME",
                System.getProperty("java.home"),
                "MINT_AOT",
                "off",
                "MINT_JAVA_OPTS",
                "-XX:+PrintCommandLineFlags"),
            new byte[0]);
    assertEquals(0, run.exitCode(), run.err());
    // both streams: a JVM without DisplayVMOutputToStderr prints its flags on standard output
    List<String> flags =
        (run.err() + "\n" + run.out())
            .lines()
            .filter(line -> line.contains("-XX:+PrintCommandLineFlags"))
            .flatMap(line -> Arrays.stream(line.strip().split("\\s+")))
            .toList();
    assertFalse(flags.isEmpty(), "no flags printed: " + run.err() + run.out());
    List<String> missing = options.stream().filter(o -> !flags.contains(o)).toList();
    assertEquals(List.of(), missing, "not in force; the JVM's flags: " + flags);
  }

  /**
   * A same-user {@code jcmd} cannot dump the heap of a live session, and the JVM's readable memory
   * (heap, native heaps, stacks: every readable mapping of {@code /proc/PID/mem}, read as root)
   * holds no copy of the phrase or of a password already printed. The hardened bytes are in it
   * while the session runs (that is what a session keeps); the count is reported.
   */
  @ParameterizedTest
  @ValueSource(strings = {"repo", "archive"})
  void noAttachAndNoPhraseOrPasswordInTheProcessMemory(String which) throws Exception {
    try (Session session = Session.in(dir, launcher(which))) {
      String first = session.site("example.com");
      String second = session.site("example.org --length 24");
      long pid = session.process.pid();

      Map<String, byte[]> secrets = new LinkedHashMap<>();
      secrets.put("phrase UTF-8", PHRASE.getBytes(StandardCharsets.UTF_8));
      secrets.put("phrase UTF-16LE", PHRASE.getBytes(StandardCharsets.UTF_16LE));
      secrets.put("phrase UTF-16BE", PHRASE.getBytes(StandardCharsets.UTF_16BE));
      for (String password : List.of(first, second)) {
        secrets.put(password + " Latin-1", password.getBytes(StandardCharsets.ISO_8859_1));
        secrets.put(password + " UTF-16LE", password.getBytes(StandardCharsets.UTF_16LE));
      }
      byte[] hardened = Stages.hardenPhrase(PHRASE.toCharArray());
      secrets.put("hardened", hardened);
      Map<String, Integer> found = ProcessMemory.count(pid, secrets);
      System.out.println("LauncherCrashIT " + which + " /proc/" + pid + "/mem: " + found);
      Map<String, Integer> expected = new LinkedHashMap<>(found);
      expected.replaceAll((name, n) -> name.equals("hardened") ? n : 0);
      // Before StdoutSink wrote through a wiped direct buffer, the last password printed stayed
      // once, as its bytes, in the native stack buffer of FileOutputStream.write (R24): on
      // Temurin 25 every time, on JDK 17 depending on what later reused that stack. None now.
      Path dump = session.cwd.resolve("dump.hprof");
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(pid),
                  "GC.heap_dump",
                  dump.toString())
              .redirectErrorStream(true)
              .start();
      String jcmdOut = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(jcmd.waitFor(2, TimeUnit.MINUTES));
      assertFalse(Files.exists(dump), () -> "jcmd dumped the heap: " + jcmdOut);
      // jcmd's SIGQUIT makes the JVM print a thread dump: on standard error, never among the
      // passwords on standard output (-XX:+DisplayVMOutputToStderr)
      assertEquals(
          first + "\n" + second + "\n", read(session.out), "standard output: the passwords only");

      assertEquals(expected, found, "copies in the JVM's memory");
      assertTrue(found.get("hardened") >= 1, "the scan sees the live hardened bytes");
    }
  }

  /**
   * A site whose rules the version-1 password breaks (easyjet.com requires a '-'), so mint names
   * the broken rules and searches the versions, deriving candidates: once the command is done
   * (derive, batch: held alive by {@link MemoryHoldMain}) or the session waits for its next line,
   * the JVM's readable memory holds no copy of the password printed, nor of the phrase.
   */
  @ParameterizedTest
  @ValueSource(strings = {"derive", "session", "batch"})
  void aVersionSearchLeavesNoCopyOfThePrintedPassword(String command) throws Exception {
    Path phrase = Files.writeString(dir.resolve("phrase"), PHRASE + "\n");
    Path sites = Files.writeString(dir.resolve("sites.txt"), "easyjet.com\n");
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    List<String> args =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                TestHome.javaOption(),
                "-cp",
                JarProcess.jar().toAbsolutePath()
                    + java.io.File.pathSeparator
                    + Path.of("target", "test-classes").toAbsolutePath(),
                MemoryHoldMain.class.getName(),
                command,
                "--phrase-fd",
                "3"));
    args.add(command.equals("batch") ? sites.toString() : "easyjet.com");
    if (command.equals("session")) {
      args.remove(args.size() - 1);
    }
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", "exec \"$@\" 3<\"$0\"", phrase.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.command().addAll(args);
    JarProcess.isolate(builder.environment());
    Process process = builder.start();
    try (OutputStream keyboard = process.getOutputStream()) {
      if (command.equals("session")) {
        keyboard.write("easyjet.com\n".getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (command.equals("session")
          ? Files.readString(out).lines().count() < 1
          : !read(err).contains("mint returned")) {
        assertTrue(process.isAlive(), () -> "mint ended: " + read(err));
        assertTrue(System.nanoTime() < deadline, () -> "no password; stderr: " + read(err));
        Thread.sleep(100);
      }
      assertTrue(read(err).contains("breaks the known rules of easyjet.com"), read(err));
      assertTrue(read(err).contains("makes a password easyjet.com accepts"), read(err));
      List<String> lines = Files.readString(out).lines().toList();
      String password = lines.get(lines.size() - 1);
      password = password.substring(password.lastIndexOf('\t') + 1); // a batch row: SITE, tab
      Map<String, byte[]> secrets = new LinkedHashMap<>();
      secrets.put("phrase UTF-8", PHRASE.getBytes(StandardCharsets.UTF_8));
      secrets.put("phrase UTF-16LE", PHRASE.getBytes(StandardCharsets.UTF_16LE));
      secrets.put("password Latin-1", password.getBytes(StandardCharsets.ISO_8859_1));
      secrets.put("password UTF-16LE", password.getBytes(StandardCharsets.UTF_16LE));
      Map<String, Integer> found = ProcessMemory.count(process.pid(), secrets);
      System.out.println("LauncherCrashIT " + command + " easyjet.com: " + found);
      Map<String, Integer> none = new LinkedHashMap<>(found);
      none.replaceAll((name, n) -> 0);
      assertEquals(none, found, "copies in the JVM's memory after a version search");
    } finally {
      process.destroyForcibly();
      process.waitFor(1, TimeUnit.MINUTES);
    }
  }
}
