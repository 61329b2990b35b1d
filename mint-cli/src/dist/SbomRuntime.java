import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Build-time step of the self-contained archive (run as a source-file program by
 * build-runtime.sh, with the archive's Jackson jars on the class path):
 * {@code java SbomRuntime.java SBOM RUNTIME_DIR JDK_HOME} adds the jlink runtime of RUNTIME_DIR,
 * made from the JDK at JDK_HOME, to the CycloneDX SBOM in SBOM (rewritten in place): a component
 * of type {@code platform} whose version is the JAVA_RUNTIME_VERSION of JDK_HOME/release (the exact
 * build bundled, e.g. 25.0.3+9-LTS; jlink's own release file keeps only JAVA_VERSION and
 * MODULES), with its vendor, licence, modules and the SHA-256 of its module image, and a
 * dependency of mint-cli on it. Refuses a runtime whose JAVA_VERSION is not the JDK's. The SBOM's serial number becomes a name-based UUID of the
 * original one and the runtime version: another document, still the same for the same inputs.
 */
public final class SbomRuntime {
  /** The runtime component's bom-ref; SbomIT looks for it. */
  static final String REF = "mint-java-runtime";

  public static void main(String[] args) throws Exception {
    Path sbomFile = Path.of(args[0]);
    Path runtime = Path.of(args[1]);
    Map<String, String> image = release(runtime.resolve("release"));
    Map<String, String> release = release(Path.of(args[2]).resolve("release"));
    if (!required(image, "JAVA_VERSION").equals(required(release, "JAVA_VERSION"))) {
      throw new IllegalStateException(
          "the runtime is Java " + image.get("JAVA_VERSION") + ", the JDK " + release.get("JAVA_VERSION"));
    }
    // the JDK's facts, with the runtime's own module list
    release.put("MODULES", required(image, "MODULES"));
    String version = required(release, "JAVA_RUNTIME_VERSION");
    String implementor = required(release, "IMPLEMENTOR");
    String implementorVersion = release.getOrDefault("IMPLEMENTOR_VERSION", "");
    // "Temurin-25.0.3+9" names the distribution; a build without it is plain OpenJDK
    String name =
        implementorVersion.contains("-")
            ? implementorVersion.substring(0, implementorVersion.indexOf('-')).toLowerCase()
            : "openjdk";

    ObjectMapper json = new ObjectMapper();
    ObjectNode sbom = (ObjectNode) json.readTree(sbomFile.toFile());

    ObjectNode component = json.createObjectNode();
    component.put("type", "platform");
    component.put("bom-ref", REF);
    component.putObject("supplier").put("name", implementor);
    component.put("name", name);
    component.put("version", version);
    component.put(
        "description",
        "Java runtime bundled in runtime/: a jlink image (modules "
            + release.getOrDefault("MODULES", "?")
            + ") of "
            + (implementorVersion.isEmpty() ? version : implementorVersion));
    component
        .putArray("hashes")
        .addObject()
        .put("alg", "SHA-256")
        .put("content", sha256(runtime.resolve("lib/modules")));
    component
        .putArray("licenses")
        .addObject()
        .put("expression", "GPL-2.0-only WITH Classpath-exception-2.0");
    ArrayNode properties = component.putArray("properties");
    for (Map.Entry<String, String> entry : release.entrySet()) {
      properties
          .addObject()
          .put("name", "java.release:" + entry.getKey())
          .put("value", entry.getValue());
    }

    ((ArrayNode) sbom.withArray("/components")).add(component);
    String mainRef = sbom.path("metadata").path("component").path("bom-ref").asText();
    ArrayNode dependencies = (ArrayNode) sbom.withArray("/dependencies");
    boolean linked = false;
    for (JsonNode dependency : dependencies) {
      if (dependency.path("ref").asText().equals(mainRef)) {
        ((ObjectNode) dependency).withArray("/dependsOn").add(REF);
        linked = true;
      }
    }
    if (!linked) {
      throw new IllegalStateException("no dependency entry for " + mainRef + " in " + sbomFile);
    }
    dependencies.addObject().put("ref", REF).putArray("dependsOn");

    String serial = sbom.path("serialNumber").asText();
    UUID derived =
        UUID.nameUUIDFromBytes((serial + " " + REF + " " + version).getBytes(StandardCharsets.UTF_8));
    sbom.put("serialNumber", "urn:uuid:" + derived);

    byte[] out = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(sbom);
    Files.write(sbomFile, out);
  }

  /** The KEY="value" lines of a JDK's release file, in file order. */
  private static Map<String, String> release(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (eq > 0 && line.length() >= eq + 3 && line.charAt(eq + 1) == '"' && line.endsWith("\"")) {
        values.put(line.substring(0, eq), line.substring(eq + 2, line.length() - 1));
      }
    }
    return values;
  }

  private static String required(Map<String, String> release, String key) {
    String value = release.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("the runtime's release file has no " + key);
    }
    return value;
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
  }
}
