package example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.*;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of the README ("Use it from Java") and of the Java guide (docs/guide/java.md),
 * compiled and run as written, from a package outside mint: they see mint-core's public API only.
 * Each snippet's statements sit between marker comments below; the {@code ...Shows...} tests check
 * that README.md and the guide hold exactly those lines and imports, so neither can drift from code
 * that compiles.
 */
class ReadmeSnippetTest {
  private static final String BEGIN = "// README snippet begins";
  private static final String END = "// README snippet ends";

  private final List<char[]> typed = new ArrayList<>();

  /** The snippet's "your code": records what it was given. */
  private void type(char[] chars) {
    typed.add(chars.clone());
  }

  @Test
  void theSnippetRunsAndGivesThePagesDefaultsPassword() {
    char[] phrase = "correct horse battery staple".toCharArray();
    // spotless:off (the README shows these lines as they stand here)
    // README snippet begins
    MintRequest request = MintRequest.builder("github.com")   // the page's defaults:
        .build();                                             // v1, 16 chars, all classes, r3, standard
    try (Password password = Mint.derive(request, phrase)) {  // phrase is a char[]; close() wipes password
      char[] chars = password.toCharArray();
      type(chars);                                            // your code
      Arrays.fill(chars, '\0');                               // wipe your copy when done
    }

    // a password minted on the first release of the page, version 2, 20 characters, no symbols
    MintRequest old = MintRequest.builder("github.com")
        .version(2).length(20).symbols(false).revision(Revision.R1).build();
    // README snippet ends
    // spotless:on

    // what the snippet's comments promise: the page's defaults, every one spelled out
    MintRequest explicit =
        MintRequest.builder("github.com")
            .version("1")
            .length(16)
            .upper(true)
            .lower(true)
            .digits(true)
            .symbols(true)
            .excludeAmbiguous(true)
            .level(Level.STANDARD)
            .revision(Revision.R3)
            .build();
    assertEquals(explicit, request);
    assertEquals(1, typed.size(), "the snippet hands the password to its caller once");
    try (Password expected = Mint.derive(explicit, phrase, Pbkdf2Engine.fastSequential())) {
      assertArrayEquals(expected.toCharArray(), typed.get(0));
    }
    assertEquals(16, typed.get(0).length);
    assertArrayEquals("correct horse battery staple".toCharArray(), phrase, "phrase not modified");

    assertEquals(Revision.R1, old.revision());
    assertEquals("2", old.version());
    assertEquals(20, old.length());
    assertFalse(old.symbols());
    try (Password password = Mint.derive(old, phrase)) {
      char[] chars = password.toCharArray();
      assertEquals(20, chars.length);
      for (char c : chars) {
        assertTrue(Character.isLetterOrDigit(c), "no symbols: " + c);
      }
    }
  }

  @Test
  void theKeySnippetGivesMintsPasswordsAndLeavesThePhraseWiped() {
    char[] phrase = "correct horse battery staple".toCharArray();
    // spotless:off (the Java guide shows these lines as they stand here)
    // Java guide key snippet begins
    try (MintKey key = MintKey.of(phrase)) {                   // phrase is read, not modified
      Arrays.fill(phrase, '\0');                               // the key no longer needs it
      for (String site : List.of("github.com", "example.org")) {
        try (Password password = key.derive(MintRequest.builder(site).build())) {
          type(password.toCharArray());                         // your code; wipe what it keeps
        }
      }
    }                                                          // close() wipes the hardened phrase
    // Java guide key snippet ends
    // spotless:on

    assertArrayEquals(new char[phrase.length], phrase);
    assertEquals(2, typed.size());
    char[] again = "correct horse battery staple".toCharArray();
    for (int i = 0; i < 2; i++) {
      String site = List.of("github.com", "example.org").get(i);
      try (Password expected = Mint.derive(MintRequest.builder(site).build(), again)) {
        assertArrayEquals(expected.toCharArray(), typed.get(i), site);
      }
    }
  }

  @Test
  void theJavaGuideShowsTheKeySnippet() throws IOException {
    assertSnippet(
        javaBlockAfter(document(JAVA_GUIDE), "## Many passwords from one phrase"),
        "// Java guide key snippet begins",
        "// Java guide key snippet ends",
        4);
  }

  @Test
  void theReadmeShowsThisSnippet() throws IOException {
    assertShowsThisSnippet(javaBlockAfter(document("README.md"), "## Use it from Java"));
  }

  @Test
  void theJavaGuideShowsThisSnippet() throws IOException {
    assertShowsThisSnippet(javaBlockAfter(document(JAVA_GUIDE), "## The API in a few lines"));
  }

  private static void assertShowsThisSnippet(List<String> readme) throws IOException {
    List<String> readmeImports = readme.stream().filter(l -> l.startsWith("import ")).toList();
    List<String> readmeCode =
        trimBlankEnds(readme.stream().filter(l -> !l.startsWith("import ")).toList());

    List<String> source = Files.readAllLines(sourceFile(), StandardCharsets.UTF_8);
    for (String line : readmeImports) {
      assertTrue(source.contains(line), "the README imports what this test imports: " + line);
    }
    assertSnippet(readmeCode, BEGIN, END, 4);
  }

  /** The README block equals the lines between the markers, less the test's own indentation. */
  private static void assertSnippet(List<String> readmeCode, String begin, String end, int indent)
      throws IOException {
    List<String> source = Files.readAllLines(sourceFile(), StandardCharsets.UTF_8);
    String prefix = " ".repeat(indent);
    List<String> code = new ArrayList<>();
    for (String line :
        source.subList(indexOfTrimmed(source, begin) + 1, indexOfTrimmed(source, end))) {
      code.add(line.startsWith(prefix) ? line.substring(indent) : line.strip());
    }
    assertEquals(String.join("\n", code), String.join("\n", trimBlankEnds(readmeCode)));
  }

  private static Path root() {
    String root = System.getProperty("mint.root");
    assertNotNull(root, "-Dmint.root (set by mint-core's pom) names the repository root");
    return Path.of(root);
  }

  private static final String JAVA_GUIDE = "docs/guide/java.md";

  private static List<String> document(String path) throws IOException {
    return Files.readAllLines(root().resolve(path), StandardCharsets.UTF_8);
  }

  private static Path sourceFile() {
    return root().resolve("mint-core/src/test/java/example/ReadmeSnippetTest.java");
  }

  /** The lines of the first {@code ```java} block after the heading. */
  private static List<String> javaBlockAfter(List<String> lines, String heading) {
    int at = lines.indexOf(heading);
    assertTrue(at >= 0, "no heading " + heading);
    while (!lines.get(at).equals("```java")) {
      at++;
    }
    int end = at + 1;
    while (!lines.get(end).equals("```")) {
      end++;
    }
    return lines.subList(at + 1, end);
  }

  private static List<String> trimBlankEnds(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return lines.subList(from, to);
  }

  private static int indexOfTrimmed(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError("marker missing: " + marker);
  }
}
