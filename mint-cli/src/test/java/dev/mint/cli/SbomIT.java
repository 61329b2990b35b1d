package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.cyclonedx.parsers.XmlParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SBOMs (install guide): every published module's CycloneDX SBOM, JSON and XML, is valid
 * against CycloneDX 1.6's schema (CycloneDX's own validator, cyclonedx-core-java); the archives
 * carry mint-cli's as {@code sbom.cdx.json}, naming every jar of {@code lib/} with that jar's
 * SHA-256; the self-contained archive's also names the bundled Java runtime, a component of type
 * {@code platform} whose version is what that runtime itself reports and the pinned version ({@code
 * mint.runtime.java.version}), and whose hash is its module image's.
 *
 * <p>The cyclonedx-maven-plugin runs in online mode only: after a {@code mvn -o} build there is no
 * SBOM, and these tests are skipped, saying so. Online (CI) a missing SBOM fails them.
 */
class SbomIT {
  private static final Path TARGET = Path.of(System.getProperty("mint.dist.dir"));
  private static final Path ROOT = Path.of(System.getProperty("mint.root"));
  private static final String VERSION = System.getProperty("mint.version");
  private static final String RUNTIME_REF = "mint-java-runtime";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path scratch;

  @BeforeAll
  static void onlyWhenTheBuildMadeSboms() {
    // CI builds online: there a missing SBOM fails every test below
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(
          Files.isRegularFile(sbom("mint-cli", "json")),
          "no SBOM: Maven ran offline (-o), where the cyclonedx-maven-plugin makes none: skipped");
    }
  }

  private static Path sbom(String module, String format) {
    return ROOT.resolve(module + "/target/" + module + "-" + VERSION + "-cyclonedx." + format);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mint-core", "mint-vectors", "mint-cli"})
  void eachPublishedModulesSbomIsValidCycloneDx(String module) throws Exception {
    Path json = sbom(module, "json");
    Path xml = sbom(module, "xml");
    assertTrue(Files.isRegularFile(json), "no SBOM " + json);
    assertTrue(Files.isRegularFile(xml), "no SBOM " + xml);
    assertEquals(List.of(), new JsonParser().validate(json.toFile(), Version.VERSION_16), module);
    assertEquals(List.of(), new XmlParser().validate(xml.toFile(), Version.VERSION_16), module);
    JsonNode bom = JSON.readTree(json.toFile());
    JsonNode main = bom.path("metadata").path("component");
    assertAll(
        () -> assertEquals("CycloneDX", bom.path("bomFormat").asText()),
        () -> assertEquals("dev.mint", main.path("group").asText()),
        () -> assertEquals(module, main.path("name").asText()),
        () -> assertEquals(VERSION, main.path("version").asText()),
        // reproducible: no time of the build (the plugin leaves the timestamp out when
        // project.build.outputTimestamp is set; if it wrote one, it would have to be that)
        () ->
            assertTrue(
                !bom.path("metadata").has("timestamp")
                    || bom.path("metadata")
                        .path("timestamp")
                        .asText()
                        .equals("2026-12-01T00:00:00Z"),
                bom.path("metadata").path("timestamp").toString()));
  }

  @Test
  void mintCoreShipsWithNoDependencies() throws Exception {
    JsonNode bom = JSON.readTree(sbom("mint-core", "json").toFile());
    assertEquals(0, bom.path("components").size(), bom.path("components").toString());
  }

  @Test
  void thePlainArchivesSbomIsMintClisAndNamesEveryJarOfLibWithItsHash() throws Exception {
    Path home = unpack(TARGET.resolve("mint-" + VERSION + ".tar.gz"), "plain");
    Path shipped = home.resolve("sbom.cdx.json");
    assertTrue(Files.isRegularFile(shipped), "no sbom.cdx.json in the archive");
    assertArrayEquals(Files.readAllBytes(sbom("mint-cli", "json")), Files.readAllBytes(shipped));
    assertEquals(List.of(), new JsonParser().validate(shipped.toFile(), Version.VERSION_16));
    assertLibMatches(home, JSON.readTree(shipped.toFile()));
  }

  @Test
  void theSelfContainedArchivesSbomNamesTheBundledRuntimeAndItsExactVersion() throws Exception {
    Path archive = TARGET.resolve("mint-" + VERSION + "-linux-x64.tar.gz");
    Assumptions.assumeTrue(
        Files.isRegularFile(archive),
        "no "
            + archive.getFileName()
            + " (built only with the pinned JDK on Linux x86-64): skipped");
    Path home = unpack(archive, "self-contained");
    Path shipped = home.resolve("sbom.cdx.json");
    assertTrue(Files.isRegularFile(shipped), "no sbom.cdx.json in the self-contained archive");
    assertEquals(List.of(), new JsonParser().validate(shipped.toFile(), Version.VERSION_16));
    JsonNode bom = JSON.readTree(shipped.toFile());
    assertLibMatches(home, bom);

    JsonNode runtime = null;
    for (JsonNode component : bom.path("components")) {
      if (component.path("bom-ref").asText().equals(RUNTIME_REF)) {
        runtime = component;
      }
    }
    assertNotNull(runtime, "no runtime component (bom-ref " + RUNTIME_REF + ")");
    // what the bundled java itself says it is
    Map<String, String> reported = properties(home.resolve("runtime/bin/java"));
    String modulesHash = sha256(home.resolve("runtime/lib/modules"));
    JsonNode found = runtime;
    assertAll(
        () -> assertEquals("platform", found.path("type").asText()),
        () -> assertEquals(reported.get("java.runtime.version"), found.path("version").asText()),
        () ->
            assertEquals(
                System.getProperty("mint.runtime.java.version"),
                found.path("version").asText(),
                "the bundled runtime is the pinned one"),
        () ->
            assertEquals(reported.get("java.vendor"), found.path("supplier").path("name").asText()),
        () -> assertEquals("SHA-256", found.path("hashes").path(0).path("alg").asText()),
        () -> assertEquals(modulesHash, found.path("hashes").path(0).path("content").asText()),
        () -> assertTrue(found.path("description").asText().contains("java.base"), "modules"));

    String mainRef = bom.path("metadata").path("component").path("bom-ref").asText();
    boolean dependsOnRuntime = false;
    for (JsonNode dependency : bom.path("dependencies")) {
      if (dependency.path("ref").asText().equals(mainRef)) {
        for (JsonNode on : dependency.path("dependsOn")) {
          dependsOnRuntime |= on.asText().equals(RUNTIME_REF);
        }
      }
    }
    assertTrue(dependsOnRuntime, "mint-cli does not depend on the runtime in the SBOM");
    assertFalse(
        bom.path("serialNumber").asText().equals(readSerial(sbom("mint-cli", "json"))),
        "the self-contained SBOM is another document: another serial number");
  }

  /** Every jar of lib/ but mint-cli.jar (the SBOM's own subject) is a component with its hash. */
  private static void assertLibMatches(Path home, JsonNode bom) throws Exception {
    Map<String, String> componentHashes = new TreeMap<>();
    for (JsonNode component : bom.path("components")) {
      if (!component.path("type").asText().equals("library")) {
        continue;
      }
      for (JsonNode hash : component.path("hashes")) {
        if (hash.path("alg").asText().equals("SHA-256")) {
          componentHashes.put(
              component.path("name").asText() + "-" + component.path("version").asText() + ".jar",
              hash.path("content").asText());
        }
      }
    }
    Map<String, String> libHashes = new TreeMap<>();
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      for (Path jar : (Iterable<Path>) jars::iterator) {
        String name = jar.getFileName().toString();
        if (name.endsWith(".jar") && !name.equals("mint-cli.jar")) {
          libHashes.put(name, sha256(jar));
        }
      }
    }
    assertFalse(libHashes.isEmpty(), "no jars in lib/");
    assertEquals(libHashes, componentHashes, "lib/ and the SBOM's components");
  }

  private static String readSerial(Path file) throws Exception {
    return JSON.readTree(file.toFile()).path("serialNumber").asText();
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** java -XshowSettings:properties -version, as a map (it prints them on standard error). */
  private static Map<String, String> properties(Path java) throws Exception {
    String out = runForOutput(List.of(java.toString(), "-XshowSettings:properties", "-version"));
    Map<String, String> properties = new TreeMap<>();
    for (String line : out.lines().toList()) {
      int eq = line.indexOf(" = ");
      if (eq > 0 && line.startsWith("    ") && !line.startsWith("     ")) {
        properties.put(line.substring(0, eq).strip(), line.substring(eq + 3));
      }
    }
    assertNotNull(properties.get("java.runtime.version"), out);
    return properties;
  }

  private static Path unpack(Path archive, String name) throws Exception {
    assertTrue(Files.isRegularFile(archive), "no " + archive);
    Path dir = scratch.resolve(name);
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
      runForOutput(List.of("tar", "-xzf", archive.toString(), "-C", dir.toString()));
    }
    return dir.resolve("mint-" + VERSION);
  }

  private static String runForOutput(List<String> command) throws Exception {
    Path output = Files.createTempFile(scratch, "run", ".out");
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(devNull());
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
    String out = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), command + ": " + out);
    return out;
  }

  private static File devNull() {
    return new File("/dev/null");
  }
}
