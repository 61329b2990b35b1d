package dev.mint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.InvalidInputException;
import dev.mint.Revision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What mint knows about sites, from Apple's password-manager-resources data shipped in this jar
 * (PROVENANCE.md next to the data names the commit): password rules, shared sign-ins and
 * change-password pages. Read once, immutable, no network, no files. Entries the parser had to skip
 * parts of are kept, and {@link #problems()} names each site with what was skipped.
 *
 * <p>A site is looked up by its host (the text lowercased and trimmed, without {@code http://} or
 * {@code https://}, a path, query, fragment or port, or a leading {@code www.}), then by each
 * parent domain of that host, then through a shared sign-in (a domain signing in with the same
 * account as a domain with rules has one password for both, so it must keep those rules), then by
 * the page's own normalization: a domain the page normalizes to the same site text gets the same
 * password, so its rules apply (used only when exactly one domain of the data does). A match of the
 * site's own domain always wins over one through another domain; {@link SiteRules#match()} says
 * which it was, so that the other domain can be named.
 *
 * <p>The shared sign-ins are those of {@code shared-credentials.json} followed by those of {@code
 * shared-credentials-historical.json} (more groups of one account, such as {@code apple.com} and
 * {@code icloud.com}).
 */
public final class KnownSites {
  private static final String DATA = "/dev/mint/rules/data/";
  private static final String WELL_KNOWN = "/.well-known/change-password";

  private static volatile KnownSites bundled;

  private final Map<String, PasswordRules> rules;
  private final List<SharedSignIn> shared;
  private final Map<String, String> changeUrls;
  private final Map<String, List<String>> byPageSite = new HashMap<>();
  private final List<String> problems;

  private KnownSites(
      Map<String, PasswordRules> rules,
      List<SharedSignIn> shared,
      Map<String, String> changeUrls,
      List<String> problems) {
    this.rules = Collections.unmodifiableMap(rules);
    this.shared = List.copyOf(shared);
    this.changeUrls = Collections.unmodifiableMap(changeUrls);
    this.problems = List.copyOf(problems);
    for (String domain : rules.keySet()) {
      byPageSite.computeIfAbsent(pageSite(domain), k -> new ArrayList<>()).add(domain);
    }
  }

  /**
   * The data shipped in this jar, read on first use.
   *
   * @return the bundled data
   * @throws RulesSyntaxException when the bundled files cannot be read (a broken build)
   */
  public static KnownSites bundled() {
    KnownSites known = bundled;
    if (known == null) {
      synchronized (KnownSites.class) {
        known = bundled;
        if (known == null) {
          try (InputStream r = open("password-rules.json");
              InputStream s = open("shared-credentials.json");
              InputStream h = open("shared-credentials-historical.json");
              InputStream c = open("change-password-URLs.json")) {
            known = read(r, s, h, c);
          } catch (IOException e) {
            throw new RulesSyntaxException("the bundled site data cannot be read", e);
          }
          bundled = known;
        }
      }
    }
    return known;
  }

  /** Where {@link #mayKnow} looks: {@code site-index.txt}, see {@link #indexLines()}. */
  private static final String INDEX = "/dev/mint/rules/site-index.txt";

  /** The bytes of {@link #INDEX}, read on first use. */
  private static volatile byte[] index;

  /**
   * Whether {@link #rules} or {@link #sharedSignIn} of the bundled data finds anything for {@code
   * site}: the same answer as those two, without parsing the data or loading Jackson, so that a
   * command can skip {@link #bundled()} for the many sites the data does not name. It reads a small
   * index made from the data ({@code site-index.txt}, {@link #indexLines()}; {@code
   * KnownSitesIndexTest} checks that it matches the data) and looks up the site's host and parent
   * domains, and its normalization as the page does it, by binary search on the index's bytes: no
   * text is decoded, and the first call in a fresh JVM takes about a millisecond.
   *
   * @param site the site as typed
   * @return false when the bundled data has neither rules nor a shared sign-in for the site
   */
  public static boolean mayKnow(String site) {
    byte[] sorted = index;
    if (sorted == null) {
      try (InputStream in = KnownSites.class.getResourceAsStream(INDEX)) {
        if (in == null) {
          throw new IOException(INDEX + " is not in the jar");
        }
        sorted = in.readAllBytes();
      } catch (IOException e) {
        throw new RulesSyntaxException("the bundled site data cannot be read", e);
      }
      index = sorted;
    }
    for (String form : hostAndParents(site)) {
      if (indexHas(sorted, HOST_LINE + form)) {
        return true;
      }
    }
    String page = pageSite(site);
    return !page.isEmpty() && indexHas(sorted, PAGE_LINE + page);
  }

  /** The index's line for a domain the lookups by host and parent domain can match. */
  private static final String HOST_LINE = "host ";

  /** The index's line for a page normalization that names exactly one domain with rules. */
  private static final String PAGE_LINE = "page ";

  /**
   * The lines of {@code site-index.txt} for this data, sorted as UTF-8 bytes: {@code host DOMAIN}
   * for every domain with rules and every member of a shared sign-in, {@code page NAME} for every
   * page normalization that names exactly one domain with rules (what {@link #rules} matches last).
   */
  List<String> indexLines() {
    java.util.SortedSet<String> lines =
        new java.util.TreeSet<>(
            (a, b) ->
                Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    for (String domain : rules.keySet()) {
      lines.add(HOST_LINE + domain);
    }
    for (SharedSignIn group : shared) {
      for (String domain : group.domains()) {
        lines.add(HOST_LINE + domain);
      }
    }
    byPageSite.forEach(
        (page, domains) -> {
          if (!page.isEmpty() && domains.size() == 1) {
            lines.add(PAGE_LINE + page);
          }
        });
    return List.copyOf(lines);
  }

  /** Whether {@code sorted} (lines ending in a newline, in byte order) has the line {@code key}. */
  private static boolean indexHas(byte[] sorted, String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    int lo = 0; // both ends are starts of lines (or the end)
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int start = mid;
      while (start > lo && sorted[start - 1] != '\n') {
        start--;
      }
      int end = start;
      while (end < hi && sorted[end] != '\n') {
        end++;
      }
      int c = Arrays.compareUnsigned(sorted, start, end, k, 0, k.length);
      if (c == 0) {
        return true;
      }
      if (c < 0) {
        lo = end + 1;
      } else {
        hi = start;
      }
    }
    return false;
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = KnownSites.class.getResourceAsStream(DATA + name);
    if (in == null) {
      throw new IOException(DATA + name + " is not in the jar");
    }
    return in;
  }

  /**
   * Reads the three files in the upstream formats (a test or a refreshed copy), without historical
   * shared sign-ins.
   *
   * @param passwordRules {@code password-rules.json}
   * @param sharedCredentials {@code shared-credentials.json}
   * @param changePasswordUrls {@code change-password-URLs.json}
   * @return the data; entries of the wrong shape are left out and listed in {@link #problems()}
   * @throws RulesSyntaxException when a file is not JSON or its top level has the wrong shape
   */
  public static KnownSites read(
      InputStream passwordRules, InputStream sharedCredentials, InputStream changePasswordUrls) {
    return read(
        passwordRules,
        sharedCredentials,
        new java.io.ByteArrayInputStream("[]".getBytes(StandardCharsets.US_ASCII)),
        changePasswordUrls);
  }

  /**
   * Reads the four files in the upstream formats, as {@link #bundled()} does.
   *
   * @param passwordRules {@code password-rules.json}
   * @param sharedCredentials {@code shared-credentials.json}
   * @param historicalSharedCredentials {@code shared-credentials-historical.json} (same format; its
   *     groups follow the current ones)
   * @param changePasswordUrls {@code change-password-URLs.json}
   * @return the data; entries of the wrong shape are left out and listed in {@link #problems()}
   * @throws RulesSyntaxException when a file is not JSON or its top level has the wrong shape
   */
  public static KnownSites read(
      InputStream passwordRules,
      InputStream sharedCredentials,
      InputStream historicalSharedCredentials,
      InputStream changePasswordUrls) {
    ObjectMapper json = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    JsonNode r = tree(json, passwordRules, "password-rules.json");
    JsonNode s = tree(json, sharedCredentials, "shared-credentials.json");
    JsonNode h = tree(json, historicalSharedCredentials, "shared-credentials-historical.json");
    JsonNode c = tree(json, changePasswordUrls, "change-password-URLs.json");
    if (!r.isObject() || !s.isArray() || !h.isArray() || !c.isObject()) {
      throw new RulesSyntaxException(
          "site data: password-rules.json and change-password-URLs.json must be JSON objects,"
              + " shared-credentials.json and shared-credentials-historical.json arrays");
    }
    Map<String, PasswordRules> rules = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : r.properties()) {
      String domain = entry.getKey().toLowerCase(Locale.ROOT);
      JsonNode text = entry.getValue().path("password-rules");
      if (!text.isTextual()) {
        problems.add(domain + ": no \"password-rules\" text; left out");
        continue;
      }
      PasswordRules parsed = PasswordRules.parse(text.asText());
      for (String problem : parsed.problems()) {
        problems.add(domain + ": password rules: " + problem);
      }
      rules.put(domain, parsed);
    }
    List<SharedSignIn> shared = new ArrayList<>();
    sharedSignIns(s, "shared-credentials.json", shared, problems);
    sharedSignIns(h, "shared-credentials-historical.json", shared, problems);
    Map<String, String> changeUrls = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : c.properties()) {
      String url = entry.getValue().asText("");
      if (entry.getValue().isTextual() && url.startsWith("https://")) {
        changeUrls.put(entry.getKey().toLowerCase(Locale.ROOT), url);
      } else {
        problems.add(entry.getKey() + ": change-password URL is not an https URL; left out");
      }
    }
    return new KnownSites(rules, shared, changeUrls, problems);
  }

  /** The groups and pairs of one shared-credentials file, appended to {@code shared}. */
  private static void sharedSignIns(
      JsonNode file, String name, List<SharedSignIn> shared, List<String> problems) {
    int index = 0;
    for (JsonNode group : file) {
      index++;
      List<String> members = domains(group.path("shared"));
      List<String> from = domains(group.path("from"));
      List<String> to = domains(group.path("to"));
      if (!members.isEmpty()) {
        shared.add(new SharedSignIn(List.of(), members, true));
      } else if (!from.isEmpty() && !to.isEmpty()) {
        shared.add(new SharedSignIn(from, to, false));
      } else {
        problems.add(name + " entry " + index + ": neither shared nor from/to");
      }
    }
  }

  private static JsonNode tree(ObjectMapper json, InputStream in, String name) {
    try {
      return json.readTree(in);
    } catch (IOException e) {
      throw new RulesSyntaxException("site data: " + name + " is not JSON: " + e.getMessage(), e);
    }
  }

  private static List<String> domains(JsonNode list) {
    List<String> domains = new ArrayList<>();
    for (JsonNode d : list) {
      if (d.isTextual()) {
        domains.add(d.asText().toLowerCase(Locale.ROOT));
      }
    }
    return domains;
  }

  /**
   * The host a site names, as the lookups use it: lowercased, trimmed, without {@code http://} or
   * {@code https://}, without what follows the first {@code /}, {@code ?}, {@code #} or {@code :},
   * without a trailing {@code .} and a leading {@code www.}.
   *
   * @param site the site as typed
   * @return its host, possibly empty
   */
  public static String host(String site) {
    String s = site.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("https://")) {
      s = s.substring("https://".length());
    } else if (s.startsWith("http://")) {
      s = s.substring("http://".length());
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == ':') {
        s = s.substring(0, i);
        break;
      }
    }
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.startsWith("www.") ? s.substring("www.".length()) : s;
  }

  /** The host, then each parent domain of it with at least two labels. */
  private static List<String> hostAndParents(String site) {
    List<String> forms = new ArrayList<>();
    String h = host(site);
    if (h.isEmpty()) {
      return forms;
    }
    forms.add(h);
    for (int dot = h.indexOf('.'); dot >= 0; dot = h.indexOf('.', dot + 1)) {
      String parent = h.substring(dot + 1);
      if (parent.indexOf('.') > 0) {
        forms.add(parent);
      }
    }
    return forms;
  }

  private static String pageSite(String site) {
    try {
      return Revision.DEFAULT.normalizeSite(site);
    } catch (InvalidInputException e) {
      return "";
    }
  }

  /**
   * The rules for {@code site}.
   *
   * @param site the site as typed
   * @return the data's rules and how they were matched; empty when the data has none
   */
  public Optional<SiteRules> rules(String site) {
    List<String> forms = hostAndParents(site);
    for (int i = 0; i < forms.size(); i++) {
      PasswordRules found = rules.get(forms.get(i));
      if (found != null) {
        return Optional.of(
            new SiteRules(
                forms.get(i), found, i == 0 ? SiteRules.Match.EXACT : SiteRules.Match.PARENT));
      }
    }
    Optional<Map.Entry<String, SharedSignIn>> group = sharedSignIn(site);
    if (group.isPresent()) {
      for (String other : group.get().getValue().others(group.get().getKey())) {
        PasswordRules found = rules.get(other);
        if (found != null) {
          return Optional.of(new SiteRules(other, found, SiteRules.Match.SHARED_SIGN_IN));
        }
      }
    }
    String page = pageSite(site);
    List<String> same = page.isEmpty() ? List.of() : byPageSite.getOrDefault(page, List.of());
    if (same.size() == 1) {
      String domain = same.get(0);
      return Optional.of(new SiteRules(domain, rules.get(domain), SiteRules.Match.SAME_PAGE_SITE));
    }
    return Optional.empty();
  }

  /**
   * Every domain of the data with its rules, in the data's order.
   *
   * @return domain to rules
   */
  public Map<String, PasswordRules> allRules() {
    return rules;
  }

  /**
   * The shared sign-in {@code site} belongs to (by host, then parent domains).
   *
   * @param site the site as typed
   * @return the group or pair, and the member that matched; empty when none
   */
  public Optional<Map.Entry<String, SharedSignIn>> sharedSignIn(String site) {
    for (String form : hostAndParents(site)) {
      for (SharedSignIn group : shared) {
        if (group.domains().contains(form)) {
          return Optional.of(Map.entry(form, group));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Every shared group and pair, in the data's order.
   *
   * @return the shared sign-ins
   */
  public List<SharedSignIn> sharedSignIns() {
    return shared;
  }

  /**
   * The change-password page the data names for {@code site} (by host, then parent domains, then
   * the page's normalization as for {@link #rules}).
   *
   * @param site the site as typed
   * @return the URL, empty when the data has none
   */
  public Optional<String> knownChangePasswordUrl(String site) {
    for (String form : hostAndParents(site)) {
      String url = changeUrls.get(form);
      if (url != null) {
        return Optional.of(url);
      }
    }
    return Optional.empty();
  }

  /**
   * Where to change the password for {@code site}: the data's page when known, else {@code
   * https://HOST/.well-known/change-password} (the W3C well-known URL).
   *
   * @param site the site as typed
   * @return a URL
   */
  public String changePasswordUrl(String site) {
    Optional<String> known = knownChangePasswordUrl(site);
    if (known.isPresent()) {
      return known.get();
    }
    String h = host(site);
    if (h.indexOf('.') < 0) {
      Optional<SiteRules> same = rules(site);
      if (same.isPresent()) {
        h = same.get().domain();
      }
    }
    return "https://" + h + WELL_KNOWN;
  }

  /**
   * Each part of the data that was skipped, with the site named ({@code "example.com: password
   * rules: unknown rule name 'foo' (character 1 near ...)"}).
   *
   * @return the problems, empty for clean data
   */
  public List<String> problems() {
    return problems;
  }
}
