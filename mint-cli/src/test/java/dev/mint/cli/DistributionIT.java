package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.command.CompleteSitesCommand;
import dev.mint.cli.command.CompleteSitesCommandTest;
import dev.mint.testing.JarProcess;
import dev.mint.vectors.VectorRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The archives {@code mvn package} makes, used as a user would: unpacked into a temporary directory
 * outside the repository and run from yet another directory, as real processes. {@code
 * mint-VERSION.tar.gz} (and the same files in the .zip) always; the self-contained {@code
 * mint-VERSION-linux-x64.tar.gz} when the build made it (it needs a JDK 25+).
 */
class DistributionIT {
  private static final String VERSION = System.getProperty("mint.version", "0.1.0");
  private static final Path TARGET = Path.of(System.getProperty("mint.dist.dir", "target"));

  private static Path scratch;
  private static Path home; // the unpacked mint-VERSION/
  private static Path elsewhere; // where the commands run from

  /**
   * Runs {@code command} in {@code dir}; {@code env} null keeps this process's environment, else
   * the environment is {@code env} alone. Either way the sites file is never the user's: the
   * throwaway home of {@link TestHome#isolate} comes first, and {@code env} may name another.
   */
  static JarProcess run(Path dir, Map<String, String> env, byte[] stdin, String... command)
      throws IOException, InterruptedException {
    return JarProcess.exec(List.of(command), env == null ? Map.of() : env, stdin, dir, env != null);
  }

  static Path unpack(Path archive, String into) throws Exception {
    Path dir = Files.createDirectories(scratch.resolve(into));
    JarProcess tar = run(dir, null, new byte[0], "tar", "-xzf", archive.toString());
    assertEquals(0, tar.exitCode(), tar.err());
    return dir.resolve("mint-" + VERSION);
  }

  @BeforeAll
  static void unpackThePlainArchive() throws Exception {
    Path archive = TARGET.resolve("mint-" + VERSION + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), "mvn package made no " + archive);
    scratch = Files.createTempDirectory("mint-dist-it");
    Path repo = Path.of(System.getProperty("mint.root", "..")).toAbsolutePath().normalize();
    assertFalse(scratch.toAbsolutePath().startsWith(repo), "unpack outside the repository");
    home = unpack(archive, "plain");
    elsewhere = Files.createDirectories(scratch.resolve("elsewhere"));
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (scratch != null) {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
          Files.delete(p);
        }
      }
    }
  }

  private static String mint(Path installation) {
    return installation.resolve("bin/mint").toString();
  }

  // ------------------------------------------------------------------------------------------
  // the plain archive

  @Test
  void hasTheDocumentedLayout() throws IOException {
    for (String file :
        List.of(
            "bin/mint",
            "lib/mint-cli.jar",
            "lib/jvm-hardening.options",
            "share/man/man1/mint.1",
            "share/bash-completion/completions/mint",
            "share/zsh/site-functions/_mint")) {
      assertTrue(Files.isRegularFile(home.resolve(file)), "no " + file);
    }
    assertTrue(
        Files.getPosixFilePermissions(home.resolve("bin/mint"))
            .contains(PosixFilePermission.OTHERS_EXECUTE),
        "bin/mint is executable");
    assertTrue(
        Files.readString(home.resolve("bin/mint")).startsWith("#!/bin/sh\n"),
        "bin/mint is a POSIX sh script");
  }

  /**
   * The README's install commands, as written, in a fresh home (no {@code ~/.local} at all), from
   * the repository root: the installed {@code mint} runs.
   */
  @Test
  void theReadmesInstallCommandsWorkInAFreshHome() throws Exception {
    Path root = Launchers.root();
    String readme = Files.readString(root.resolve("README.md"));
    int install = readme.indexOf("\n## Install\n");
    int begin = readme.indexOf("```sh\n", install) + "```sh\n".length();
    String commands = readme.substring(begin, readme.indexOf("```", begin));
    assertTrue(install >= 0 && commands.contains("tar -xzf"), commands);
    Path fresh = Files.createDirectories(scratch.resolve("fresh-home"));
    JarProcess run =
        run(
            root,
            Map.of(
                "HOME",
                fresh.toString(),
                "PATH",
                fresh.resolve(".local/bin") + ":/usr/bin:/bin",
                "JAVA_HOME",
                System.getProperty("java.home")),
            new byte[0],
            "bash",
            "-e",
            "-c",
            commands);
    assertAll(
        () -> assertEquals(0, run.exitCode(), run.err()),
        () -> assertEquals("mint " + VERSION + "\n", run.out()));
  }

  @Test
  void holdsNoBouncyCastle() throws IOException {
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      for (Path jar : jars.collect(Collectors.toList())) {
        assertFalse(jar.getFileName().toString().startsWith("bc"), jar.toString());
        if (!jar.getFileName().toString().endsWith(".jar")) {
          continue; // jvm-hardening.options
        }
        try (JarFile file = new JarFile(jar.toFile())) {
          assertTrue(
              file.stream().noneMatch(e -> e.getName().startsWith("org/bouncycastle/")),
              jar + " holds BouncyCastle classes");
        }
      }
    }
  }

  @Test
  void theZipHoldsTheSameFiles() throws Exception {
    Set<String> inTar = new TreeSet<>();
    try (Stream<Path> files = Files.walk(home)) {
      files.filter(Files::isRegularFile).forEach(f -> inTar.add(home.relativize(f).toString()));
    }
    Set<String> inZip = new TreeSet<>();
    try (ZipFile zip = new ZipFile(TARGET.resolve("mint-" + VERSION + ".zip").toFile())) {
      zip.stream()
          .filter(e -> !e.isDirectory())
          .forEach(e -> inZip.add(e.getName().substring(("mint-" + VERSION + "/").length())));
    }
    assertEquals(inTar, inZip);
  }

  /** Control C9 (docs/THREAT_MODEL.md) for the archives: a sha256sum -c file next to each. */
  @Test
  void eachArchiveHasAMatchingSha256sumFile() throws Exception {
    for (String name :
        List.of(
            "mint-" + VERSION + ".tar.gz",
            "mint-" + VERSION + ".zip",
            "mint-" + VERSION + "-linux-x64.tar.gz")) {
      if (!Files.isRegularFile(TARGET.resolve(name)) && name.contains("linux")) {
        continue; // not built here
      }
      JarProcess check =
          run(
              TARGET,
              Map.of("PATH", "/usr/bin:/bin"),
              new byte[0],
              "sha256sum",
              "-c",
              name + ".sha256");
      assertEquals(0, check.exitCode(), name + ": " + check.out() + check.err());
      assertEquals(name + ": OK\n", check.out());
    }
  }

  @Test
  void printsItsVersionFromAnotherDirectory() throws Exception {
    JarProcess version = run(elsewhere, null, new byte[0], mint(home), "--version");
    assertEquals(0, version.exitCode(), version.err());
    assertEquals("mint " + VERSION + "\n", version.out());
  }

  @Test
  void derivesThePagesPassword() throws Exception {
    for (String revision : List.of("r1", "r3")) {
      VectorRow row = CliRows.e2eRows(revision, 1, true).get(0);
      List<String> command = new ArrayList<>(List.of(mint(home)));
      command.addAll(CliRows.deriveArgs(row));
      JarProcess derive = run(elsewhere, null, CliRows.stdin(row), command.toArray(String[]::new));
      assertAll(
          () -> assertEquals(0, derive.exitCode(), derive.err()),
          () -> assertEquals(row.password() + "\n", derive.out()));
    }
  }

  @Test
  void refusesAJavaOlderThan17WithAClearError() throws Exception {
    Path oldJdk = Files.createDirectories(scratch.resolve("old-jdk/bin"));
    Files.writeString(oldJdk.resolveSibling("release"), "JAVA_VERSION=\"11.0.2\"\n");
    Path java = oldJdk.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'must not run' >&2\nexit 99\n");
    java.toFile().setExecutable(true);
    JarProcess run =
        run(
            elsewhere,
            Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", oldJdk.getParent().toString()),
            new byte[0],
            mint(home),
            "--version");
    assertAll(
        () -> assertEquals(127, run.exitCode(), run.err()),
        () -> assertTrue(run.err().startsWith("mint: needs Java 17 or later"), run.err()),
        () -> assertEquals("", run.out()));
  }

  @Test
  void theManPageRendersCleanly() throws Exception {
    JarProcess man =
        run(
            elsewhere,
            Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C.UTF-8", "MANWIDTH", "80"),
            new byte[0],
            "man",
            "-P",
            "cat",
            "-l",
            home.resolve("share/man/man1/mint.1").toString());
    assertAll(
        () -> assertEquals(0, man.exitCode(), man.err()),
        () -> assertEquals("", man.err(), "no warnings from man or groff"),
        () -> assertTrue(man.out().startsWith("MINT(1)"), man.out()),
        () -> assertTrue(man.out().contains("mint derive"), man.out()),
        () -> assertTrue(man.out().contains("--length=N"), man.out()),
        () -> assertTrue(man.out().contains("EXIT STATUS"), man.out()),
        () -> assertFalse(man.out().contains(CompleteSitesCommand.NAME), "hidden command shown"));
  }

  private JarProcess bash(String script) throws Exception {
    Path sites = scratch.resolve("sites.json");
    Files.writeString(
        sites,
        CompleteSitesCommandTest.withAccount(
            CompleteSitesCommandTest.sitesFile("github.com", "example.org"), "github.com", "work"));
    return run(
        elsewhere,
        Map.of("PATH", "/usr/bin:/bin", "HOME", scratch.toString(), "MINT_SITES", sites.toString()),
        new byte[0],
        "bash",
        "-c",
        script);
  }

  @Test
  void theBashCompletionRegistersMint() throws Exception {
    JarProcess bash =
        bash(
            "source '"
                + home.resolve("share/bash-completion/completions/mint")
                + "' && complete -p mint");
    assertEquals(0, bash.exitCode(), bash.err());
    assertTrue(
        bash.out().contains("-F _complete_mint") && bash.out().strip().endsWith(" mint"),
        bash.out());
  }

  /** What bash would offer after the words given (the last one being completed). */
  @Test
  void theBashCompletionCompletesCommandsOptionsValuesAndStoredSites() throws Exception {
    String script =
        "source '"
            + home.resolve("share/bash-completion/completions/mint")
            + "'\n"
            + "t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=();"
            + " _complete_mint 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
            + "m='"
            + mint(home)
            + "'\n"
            + "t \"$m\" no\n"
            + "t \"$m\" derive --revision ''\n"
            + "t \"$m\" derive --level ''\n"
            + "t \"$m\" derive --le\n"
            + "t \"$m\" github.com --up\n"
            + "t \"$m\" derive gi\n"
            + "t \"$m\" ex\n"
            // bash splits '--revision=' into '--revision' and '='
            + "t \"$m\" derive --revision =\n"
            + "t \"$m\" github.com --account w\n"
            + "t \"$m\" site show github.com --account = w\n"
            + "t \"$m\" rules apple.c\n"
            + "t \"$m\" help se\n";
    JarProcess bash = bash(script);
    assertEquals(0, bash.exitCode(), bash.err());
    assertEquals(
        List.of(
            "normalize",
            "r1 r2 r3",
            "standard high",
            "--length --level",
            "--upper",
            "github.com",
            "example.org",
            "r1 r2 r3",
            "work",
            "work",
            "apple.com",
            "session"),
        bash.out().lines().collect(Collectors.toList()));
  }

  @Test
  void theZshCompletionRegistersMintThroughBashcompinit() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
        "zsh not installed (.ci/run installs it): skipped");
    Path zsh = home.resolve("share/zsh/site-functions/_mint");
    JarProcess syntax = run(elsewhere, null, new byte[0], "zsh", "-n", zsh.toString());
    assertEquals(0, syntax.exitCode(), syntax.err());
    JarProcess zshRun =
        run(
            elsewhere,
            Map.of("PATH", "/usr/bin:/bin", "HOME", scratch.toString()),
            new byte[0],
            "zsh",
            "-f",
            "-c",
            "autoload -U compinit && compinit -u -D; fpath=('"
                + zsh.getParent()
                + "' $fpath);"
                + " autoload -U +X bashcompinit && bashcompinit;"
                + " source '"
                + home.resolve("share/bash-completion/completions/mint")
                + "';"
                + " print -r -- \"$_comps[mint]\"; head -1 '"
                + zsh
                + "'");
    assertAll(
        () -> assertEquals(0, zshRun.exitCode(), zshRun.err()),
        () ->
            assertEquals(
                List.of("_bash_complete -F _complete_mint -o default", "#compdef mint"),
                zshRun.out().lines().collect(Collectors.toList())));
  }

  // ------------------------------------------------------------------------------------------
  // the self-contained archive

  private static Path selfContained() throws Exception {
    Path archive = TARGET.resolve("mint-" + VERSION + "-linux-x64.tar.gz");
    Assumptions.assumeTrue(
        Files.isRegularFile(archive),
        "no " + archive.getFileName() + " (built only with a JDK 25+ on Linux x86-64): skipped");
    Path dir = scratch.resolve("self-contained/mint-" + VERSION);
    return Files.isDirectory(dir) ? dir : unpack(archive, "self-contained");
  }

  /** A PATH with the tools bin/mint uses and no java: links to them, in a directory of its own. */
  private static String pathWithoutJava() throws IOException {
    Path bin = scratch.resolve("no-java-bin");
    if (!Files.isDirectory(bin)) {
      Files.createDirectories(bin);
      for (String tool : List.of("sh", "sed", "dirname", "readlink", "ls", "locale", "head")) {
        for (String dir : List.of("/usr/bin/", "/bin/")) {
          Path found = Path.of(dir + tool);
          if (Files.isExecutable(found) && !Files.exists(bin.resolve(tool))) {
            Files.createSymbolicLink(bin.resolve(tool), found);
          }
        }
      }
    }
    return bin.toString();
  }

  @Test
  void theSelfContainedArchiveDerivesWithNoJavaInstalled() throws Exception {
    Path installation = selfContained();
    VectorRow row = CliRows.e2eRows("r3", 1, true).get(0);
    List<String> command = new ArrayList<>(List.of(mint(installation)));
    command.addAll(CliRows.deriveArgs(row));
    // -XX:AOTMode=on: the JVM refuses to start unless it can use the AOT cache shipped
    for (Map<String, String> env :
        List.of(
            Map.of("PATH", pathWithoutJava()),
            Map.of("PATH", pathWithoutJava(), "MINT_JAVA_OPTS", "-XX:AOTMode=on"))) {
      JarProcess derive = run(elsewhere, env, CliRows.stdin(row), command.toArray(String[]::new));
      assertAll(
          () -> assertEquals(0, derive.exitCode(), env + ": " + derive.err()),
          () -> assertEquals(row.password() + "\n", derive.out(), env.toString()));
    }
  }

  @Test
  void theSelfContainedRuntimeHoldsOnlyTheModulesMintNeeds() throws Exception {
    Path installation = selfContained();
    JarProcess modules =
        run(
            elsewhere,
            Map.of("PATH", "/usr/bin:/bin"),
            new byte[0],
            installation.resolve("runtime/bin/java").toString(),
            "--list-modules");
    assertEquals(0, modules.exitCode(), modules.err());
    assertEquals(
        List.of("java.base"),
        modules.out().lines().map(l -> l.split("@")[0]).collect(Collectors.toList()));
    assertTrue(Files.isRegularFile(installation.resolve("lib/mint.aot")), "no AOT cache");
  }
}
