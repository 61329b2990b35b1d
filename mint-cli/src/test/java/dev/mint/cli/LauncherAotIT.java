package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.testing.JarProcess;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code ./mint} launcher's AOT cache on a JDK 25 or later (the newest under /usr/lib/jvm,
 * whatever JDK runs the tests): made once by a training run on a fixed throwaway phrase, used
 * afterwards, made again when the jar changes, and never holding the phrase of the user's run.
 */
class LauncherAotIT {
  static final String MARKER = "launcher aot Marker Zq7Wv9 phrase";

  private Path root;
  private Path aotDir;
  private Path jdk;

  /** The newest JDK 25+ under /usr/lib/jvm, if any. */
  static Optional<Path> jdk25() throws IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(jvms)) {
      return dirs.filter(d -> feature(d) >= 25 && Files.isExecutable(d.resolve("bin/java")))
          .max(Comparator.comparingInt(LauncherAotIT::feature));
    }
  }

  private static int feature(Path jdk) {
    try {
      for (String line : Files.readAllLines(jdk.resolve("release"))) {
        if (line.startsWith("JAVA_VERSION=\"")) {
          return Integer.parseInt(line.substring(14).split("[^0-9]", 2)[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not a JDK
    }
    return 0;
  }

  @BeforeEach
  void findJdk() throws IOException {
    Optional<Path> found = jdk25();
    Assumptions.assumeTrue(found.isPresent(), "no JDK 25 or later under /usr/lib/jvm: skipped");
    jdk = found.get();
    root = Path.of(System.getProperty("mint.root", "..")).toAbsolutePath().normalize();
    aotDir = root.resolve("mint-cli/target/aot");
  }

  private JarProcess launch(String stdin, Map<String, String> extraEnv, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("mint").toString());
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("JAVA_HOME", jdk.toString());
    return JarProcess.exec(command, env, stdin.getBytes(StandardCharsets.UTF_8));
  }

  private List<Path> caches() throws IOException {
    if (!Files.isDirectory(aotDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(aotDir)) {
      return files.filter(f -> f.toString().endsWith(".aot")).collect(Collectors.toList());
    }
  }

  private static String passwordFor(String phrase) {
    try (Password password =
        Mint.derive(MintRequest.builder("github.com").build(), phrase.toCharArray())) {
      return new String(password.toCharArray());
    }
  }

  /** Whether {@code text} is in {@code file} as Latin-1, UTF-8 or UTF-16 bytes. */
  static boolean holds(Path file, String text) throws IOException {
    byte[] data = Files.readAllBytes(file);
    for (Charset charset :
        List.of(
            StandardCharsets.ISO_8859_1,
            StandardCharsets.UTF_8,
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE)) {
      byte[] pattern = text.getBytes(charset);
      outer:
      for (int i = 0; i + pattern.length <= data.length; i++) {
        for (int j = 0; j < pattern.length; j++) {
          if (data[i + j] != pattern[j]) {
            continue outer;
          }
        }
        return true;
      }
    }
    return false;
  }

  @Test
  void theFirstRunMakesACacheFromTheTrainingPhraseNeverFromTheUsers() throws Exception {
    deleteCaches();
    JarProcess first = launch(MARKER + "\n", Map.of(), "--phrase-stdin", "--quiet", "github.com");
    String password = passwordFor(MARKER);
    assertAll(
        () -> assertEquals(0, first.exitCode(), first.err()),
        () -> assertEquals(password + "\n", first.out()),
        () -> assertEquals("", first.err(), "nothing on stderr when it is not a terminal"));
    List<Path> caches = caches();
    assertEquals(1, caches.size(), "one AOT cache for this JDK: " + caches);
    assertFalse(holds(caches.get(0), MARKER), "the user's phrase is in the AOT cache");
    assertFalse(holds(caches.get(0), password), "the user's password is in the AOT cache");

    // AOTMode=on: the JVM refuses to start unless it can use the cache
    JarProcess second =
        launch(
            MARKER + "\n",
            Map.of("MINT_JAVA_OPTS", "-XX:AOTMode=on"),
            "--phrase-stdin",
            "--quiet",
            "github.com");
    assertAll(
        () -> assertEquals(0, second.exitCode(), second.err()),
        () -> assertEquals(password + "\n", second.out()),
        () -> assertEquals(caches, caches(), "the cache is made once"));
  }

  @Test
  void aNewerJarMakesTheCacheAgain() throws Exception {
    launch("", Map.of(), "--version");
    List<Path> caches = caches();
    assertEquals(1, caches.size(), caches.toString());
    Path jar = root.resolve("mint-cli/target/mint-cli.jar");
    FileTime jarTime = Files.getLastModifiedTime(jar);
    Files.setLastModifiedTime(caches.get(0), FileTime.fromMillis(jarTime.toMillis() - 60_000));

    JarProcess run = launch("", Map.of("MINT_JAVA_OPTS", "-XX:AOTMode=on"), "--version");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        Files.getLastModifiedTime(caches.get(0)).compareTo(jarTime) >= 0,
        "the cache was made again after the jar changed");
  }

  @Test
  void mintAotOffRunsWithoutACache() throws Exception {
    deleteCaches();
    JarProcess run = launch("", Map.of("MINT_AOT", "off"), "--version");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(), caches());
  }

  // ------------------------------------------------------------------------------------------
  // the user's own sites file: the training run never reads it

  /**
   * A JDK whose {@code java} has {@code home} as Java's home: the real JDK's {@code java}, started
   * with {@code -Duser.home=HOME} before the launcher's options. Java takes {@code user.home} from
   * the passwd entry, not from {@code HOME} (the training run's {@code env -i} changes nothing
   * there), so this stands for a user whose passwd home is {@code home}, without touching the
   * machine's real home. The launcher's own {@code -Duser.home}, later on the command line, wins.
   */
  private Path jdkWithJavaHome(Path dir, Path home) throws IOException {
    Path fake = Files.createDirectories(dir.resolve("jdk/bin"));
    Files.createSymbolicLink(fake.resolveSibling("release"), jdk.resolve("release"));
    Path java = fake.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\nexec '" + jdk.resolve("bin/java") + "' '-Duser.home=" + home + "' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    return fake.getParent();
  }

  /** Runs the jar with {@code home} as the home: {@code home}'s sites file is the user's. */
  private static JarProcess asUser(Path home, String stdin, String... args) throws Exception {
    return JarProcess.run(
        stdin.getBytes(StandardCharsets.UTF_8),
        Map.of("XDG_CONFIG_HOME", home.resolve(".config").toString()),
        List.of(),
        List.of(args));
  }

  /** {@code ./mint ARGS} by a user whose home (HOME and Java's) is {@code home}. */
  private JarProcess launchAs(
      Path fakeJdk, Path home, String stdin, String javaOpts, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("mint").toString());
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>();
    env.put("JAVA_HOME", fakeJdk.toString());
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", ""); // unset, as for most users: the file is HOME/.config/mint
    env.put("MINT_JAVA_OPTS", ("-Duser.home=" + home + " " + javaOpts).strip());
    return JarProcess.exec(command, env, stdin.getBytes(StandardCharsets.UTF_8));
  }

  /** Deletes what the run of a test made under target/aot, so the other tests find their state. */
  private void deleteNewFiles(List<Path> before) throws IOException {
    if (!Files.isDirectory(aotDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(aotDir)) {
      for (Path file : files.filter(f -> !before.contains(f)).collect(Collectors.toList())) {
        Files.deleteIfExists(file);
      }
    }
  }

  private List<Path> aotFiles() throws IOException {
    if (!Files.isDirectory(aotDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(aotDir)) {
      return files.collect(Collectors.toList());
    }
  }

  /**
   * The training run must never read the user's files: a sites file at Java's home holding a
   * recorded phrase check of another phrase and an entry for github.com with other settings. The
   * training run derives github.com with its throwaway phrase: had it read the file, the check
   * would have refused it (no cache, silently) or the entry would have changed its password. The
   * cache is made, passwords are the page's, the file is not touched, and nothing of the run is
   * left readable by others.
   */
  @Test
  void aHostileSitesFileAtJavasHomeNeitherStopsTheCacheNorReachesTheTraining(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    String other = "not the test phrase";
    JarProcess remember = asUser(home, other + "\n", "check", "--remember", "--phrase-stdin");
    assertEquals(0, remember.exitCode(), remember.err());
    JarProcess set = asUser(home, "", "site", "set", "github.com", "--length", "20");
    assertEquals(0, set.exitCode(), set.err());
    Path sites = home.resolve(".config/mint/sites.json");
    byte[] planted = Files.readAllBytes(sites);
    String text = new String(planted, StandardCharsets.UTF_8);
    assertTrue(text.matches("(?s).*\"length\" ?: ?20.*"), text);
    assertTrue(text.contains("phraseCheck") || text.contains("check"), text);
    Path fakeJdk = jdkWithJavaHome(dir, home);

    List<Path> before = aotFiles();
    deleteCaches();
    try {
      JarProcess first =
          launchAs(
              fakeJdk,
              home,
              MARKER + "\n",
              "",
              "--no-profile",
              "--phrase-stdin",
              "--quiet",
              "github.com");
      String password = passwordFor(MARKER);
      assertAll(
          () -> assertEquals(0, first.exitCode(), first.err()),
          () -> assertEquals(password + "\n", first.out(), "the page's password"),
          () -> assertEquals("", first.err()));
      List<Path> caches = caches();
      assertEquals(1, caches.size(), "one AOT cache for this JDK: " + caches);
      assertFalse(holds(caches.get(0), MARKER), "the user's phrase is in the AOT cache");
      for (Path file : aotFiles()) {
        if (!before.contains(file)) {
          assertTrue(
              file.getFileName().toString().endsWith(".aot"), "left behind by training: " + file);
          assertEquals(
              "rw-------",
              PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
              file.toString());
        }
      }

      // the user's own runs still use the user's file (and the cache: AOTMode=on)
      JarProcess own =
          launchAs(
              fakeJdk,
              home,
              other + "\n",
              "-XX:AOTMode=on",
              "--phrase-stdin",
              "--quiet",
              "github.com");
      assertAll(
          () -> assertEquals(0, own.exitCode(), own.err()),
          () -> assertEquals(21, own.out().length(), "the entry's --length 20: " + own.out()));
      assertArrayEquals(planted, Files.readAllBytes(sites), "the user's sites file was changed");
    } finally {
      deleteNewFiles(before);
    }
  }

  /** A user who recorded a phrase check ({@code mint check --remember}) gets the cache too. */
  @Test
  void aUserWithARecordedCheckGetsTheCache(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    JarProcess remember = asUser(home, MARKER + "\n", "check", "--remember", "--phrase-stdin");
    assertEquals(0, remember.exitCode(), remember.err());
    Path fakeJdk = jdkWithJavaHome(dir, home);

    List<Path> before = aotFiles();
    deleteCaches();
    try {
      String password = passwordFor(MARKER);
      JarProcess first =
          launchAs(fakeJdk, home, MARKER + "\n", "", "--phrase-stdin", "--quiet", "github.com");
      assertAll(
          () -> assertEquals(0, first.exitCode(), first.err()),
          () -> assertEquals(password + "\n", first.out()));
      List<Path> caches = caches();
      assertEquals(1, caches.size(), "one AOT cache for this JDK: " + caches);
      JarProcess second =
          launchAs(
              fakeJdk,
              home,
              MARKER + "\n",
              "-XX:AOTMode=on",
              "--phrase-stdin",
              "--quiet",
              "github.com");
      assertAll(
          () -> assertEquals(0, second.exitCode(), second.err()),
          () -> assertEquals(password + "\n", second.out()));
    } finally {
      deleteNewFiles(before);
    }
  }

  private void deleteCaches() throws IOException {
    for (Path cache : caches()) {
      Files.delete(cache);
    }
  }
}
