package dev.mint.rules;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
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
  private static final String WELL_KNOWN = "/.well-known/change-password";

  private static volatile KnownSites bundled;

  private final Map<String, PasswordRules> rules;
  private final List<SharedSignIn> shared;
  private final Map<String, String> changeUrls;
  private final Map<String, List<String>> byPageSite = new HashMap<>();
  private final List<String> problems;

  KnownSites(
      Map<String, PasswordRules> rules,
      List<SharedSignIn> shared,
      Map<String, String> changeUrls,
      List<String> problems) {
    this.rules = Collections.unmodifiableMap(rules);
    this.shared = List.copyOf(shared);
    this.changeUrls = Collections.unmodifiableMap(changeUrls);
    this.problems = List.copyOf(problems);
    for (String domain : rules.keySet()) {
      byPageSite.computeIfAbsent(SiteNames.pageSite(domain), k -> new ArrayList<>()).add(domain);
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
          known = SiteData.readBundled();
          bundled = known;
        }
      }
    }
    return known;
  }

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
    return SiteIndex.mayKnow(site);
  }

  /** The lines of {@code site-index.txt} for this data, as {@link SiteIndex#lines} makes them. */
  List<String> indexLines() {
    return SiteIndex.lines(rules.keySet(), shared, byPageSite);
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
    return SiteData.read(
        passwordRules, sharedCredentials, historicalSharedCredentials, changePasswordUrls);
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
    return SiteNames.host(site);
  }

  /**
   * The rules for {@code site}.
   *
   * @param site the site as typed
   * @return the data's rules and how they were matched; empty when the data has none
   */
  public Optional<SiteRules> rules(String site) {
    List<String> forms = SiteNames.hostAndParents(site);
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
    String page = SiteNames.pageSite(site);
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
    for (String form : SiteNames.hostAndParents(site)) {
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
    for (String form : SiteNames.hostAndParents(site)) {
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
