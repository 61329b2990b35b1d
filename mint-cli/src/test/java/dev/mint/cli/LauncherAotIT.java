package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

  private void deleteCaches() throws IOException {
    for (Path cache : caches()) {
      Files.delete(cache);
    }
  }
}
