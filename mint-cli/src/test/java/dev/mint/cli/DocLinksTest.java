package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, CONTRIBUTING.md, SECURITY.md and docs/**&#47;*.md (the guides
 * of docs/guide/ among them) leads somewhere: to a file or directory of the repository, and a
 * {@code #anchor} to a heading of the Markdown file it names (or of its own file), by GitHub's
 * rules for a heading's anchor. Links in code (fenced blocks, {@code `spans`}) are text, not links;
 * links with a scheme ({@code https:}) are not followed.
 */
final class DocLinksTest {
  private static final Path ROOT = RepositoryRoot.get();

  /** The Markdown files whose links are checked. */
  static List<Path> documents() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String top : List.of("README.md", "CONTRIBUTING.md", "SECURITY.md")) {
      files.add(ROOT.resolve(top));
    }
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  // ---------------------------------------------------------------------------------------------
  // reading Markdown

  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
  private static final Pattern ATX =
      Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern SETEXT = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:name|id)\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern INLINE_LINK =
      Pattern.compile(
          "!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern REFERENCE_DEFINITION =
      Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

  /** The lines outside fenced code blocks, each with its line number (from 1). */
  static Map<Integer, String> prose(List<String> lines) {
    Map<Integer, String> prose = new java.util.LinkedHashMap<>();
    String fence = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = FENCE.matcher(line);
      if (fence == null && m.find()) {
        fence = m.group(1);
      } else if (fence != null) {
        String closing = line.strip();
        char mark = fence.charAt(0);
        if (closing.length() >= fence.length() && closing.chars().allMatch(c -> c == mark)) {
          fence = null;
        }
      } else {
        prose.put(i + 1, line);
      }
    }
    return prose;
  }

  /** The anchors GitHub gives a Markdown file's headings, and its explicit {@code <a id>}s. */
  static Set<String> anchors(List<String> lines) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<Integer, String> prose = prose(lines);
    Integer previous = null;
    for (Map.Entry<Integer, String> entry : prose.entrySet()) {
      String line = entry.getValue();
      String heading = null;
      Matcher atx = ATX.matcher(line);
      if (atx.matches()) {
        heading = atx.group(1) == null ? "" : atx.group(1);
      } else if (SETEXT.matcher(line).matches()
          && previous != null
          && previous == entry.getKey() - 1
          && !prose.get(previous).isBlank()
          && !ATX.matcher(prose.get(previous)).matches()
          && !prose.get(previous).strip().startsWith("|")) {
        heading = prose.get(previous).strip();
      }
      if (heading != null) {
        String slug = slug(heading);
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? slug : slug + "-" + n);
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
      previous = entry.getKey();
    }
    return anchors;
  }

  /**
   * GitHub's anchor of a heading: its text as shown (links, code and emphasis marks taken off), in
   * lower case, without punctuation other than {@code -} and {@code _}, each space a {@code -}.
   */
  static String slug(String heading) {
    String text = heading;
    text = text.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1"); // links and images: their text
    text = text.replaceAll("<[^>]+>", ""); // HTML tags
    text = CODE_SPAN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(2).strip()));
    text = text.replaceAll("\\\\(\\p{Punct})", "$1"); // backslash escapes
    text = text.replace("*", ""); // emphasis
    text = text.replaceAll("(?<![\\p{L}\\p{N}])_+|_+(?![\\p{L}\\p{N}])", ""); // _emphasis_
    text = text.strip().toLowerCase(Locale.ROOT);
    text = text.replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "");
    return text.replace(' ', '-');
  }

  /** The link targets of a file's prose, with their line numbers: inline links and definitions. */
  static List<String[]> links(List<String> lines) {
    List<String[]> links = new ArrayList<>();
    for (Map.Entry<Integer, String> entry : prose(lines).entrySet()) {
      String line = CODE_SPAN.matcher(entry.getValue()).replaceAll("code");
      line = line.replaceAll("\\\\[\\[\\]()<>`]", "_"); // escaped brackets are text
      Matcher m = INLINE_LINK.matcher(line);
      while (m.find()) {
        links.add(new String[] {String.valueOf(entry.getKey()), m.group(1)});
      }
      Matcher d = REFERENCE_DEFINITION.matcher(line);
      if (d.find()) {
        links.add(new String[] {String.valueOf(entry.getKey()), d.group(1)});
      }
    }
    return links;
  }

  // ---------------------------------------------------------------------------------------------
  // checking

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern LINE_ANCHOR = Pattern.compile("L\\d+(-L\\d+)?");

  /** What is wrong with {@code target} as a link of {@code from}, or null. */
  static String problem(Path from, String target) throws IOException {
    if (target.isEmpty()) {
      return "an empty link";
    }
    if (SCHEME.matcher(target).find() || target.startsWith("//")) {
      return null;
    }
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    path = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    Path file;
    if (path.isEmpty()) {
      file = from;
    } else if (path.startsWith("/")) {
      file = ROOT.resolve(path.substring(1)).normalize();
    } else {
      file = from.getParent().resolve(path).normalize();
    }
    if (!file.startsWith(ROOT)) {
      return "leads outside the repository";
    }
    if (!Files.exists(file)) {
      return "no file " + ROOT.relativize(file);
    }
    if (anchor == null) {
      return null;
    }
    if (file.toString().endsWith(".md") && Files.isRegularFile(file)) {
      Set<String> anchors = anchors(Files.readAllLines(file, StandardCharsets.UTF_8));
      String decoded = java.net.URLDecoder.decode(anchor, StandardCharsets.UTF_8);
      return anchors.contains(decoded)
          ? null
          : "no heading #" + anchor + " in " + ROOT.relativize(file);
    }
    return Files.isRegularFile(file) && LINE_ANCHOR.matcher(anchor).matches()
        ? null
        : "#" + anchor + " is no heading (" + ROOT.relativize(file) + " is not Markdown)";
  }

  @Test
  void everyRelativeLinkLeadsToAFileAndEveryAnchorToAHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path document : documents()) {
      assertTrue(Files.isRegularFile(document), "missing " + ROOT.relativize(document));
      List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
      for (String[] link : links(lines)) {
        checked++;
        String problem = problem(document, link[1]);
        if (problem != null) {
          broken.add(ROOT.relativize(document) + ":" + link[0] + ": (" + link[1] + ") " + problem);
        }
      }
    }
    assertTrue(checked > 50, "too few links found: " + checked);
    assertTrue(
        documents().contains(ROOT.resolve("docs/guide/README.md")),
        "the guides (docs/guide/) are among the documents checked");
    assertEquals(
        "", broken.stream().collect(Collectors.joining("\n")), broken.size() + " broken link(s)");
  }

  // the rules above, on what they must tell apart

  @Test
  void headingsGetGitHubsAnchors() {
    assertEquals("mint-derive-site", slug("`mint [derive] SITE`"));
    assertEquals("phrase-check-mint-only", slug("Phrase check (mint-only)"));
    assertEquals("aot-cache-jdk-25-and-the-archives", slug("AOT cache (JDK 25) and the archives"));
    assertEquals("c27-a-crash--no-copy", slug("C27: a crash — no copy"));
    assertEquals("see-the-spec", slug("See [the spec](SPEC.md)"));
    assertEquals("snake_case-and-emphasis", slug("snake_case and *emphasis*"));
    assertEquals(
        Set.of("usage", "usage-1", "title", "x"),
        anchors(
            List.of(
                "# Usage",
                "```",
                "# not a heading",
                "```",
                "## Usage",
                "Title",
                "=====",
                "<a id=\"x\"></a>")));
  }

  @Test
  void linksInCodeAreTextAndEveryOtherKindIsFound() {
    List<String> found = new ArrayList<>();
    links(
            List.of(
                "see [a](a.md#b) and ![i](img.png \"title\") and `[not](code.md)`",
                "```",
                "[not](fenced.md)",
                "```",
                "[ref]: ref.md",
                "\\[escaped\\](not.md)"))
        .forEach(l -> found.add(l[1]));
    assertEquals(List.of("a.md#b", "img.png", "ref.md"), found);
  }
}
