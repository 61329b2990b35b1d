package dev.mint.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The build-time index of the bundled data, {@code site-index.txt}: what it holds ({@link #lines})
 * and how {@link KnownSites#mayKnow} looks a site up in it ({@link #mayKnow}) without parsing the
 * data or loading Jackson.
 */
final class SiteIndex {
  /** Where {@link #mayKnow} looks. */
  private static final String INDEX = "/dev/mint/rules/site-index.txt";

  /** The index's line for a domain the lookups by host and parent domain can match. */
  private static final String HOST_LINE = "host ";

  /** The index's line for a page normalization that names exactly one domain with rules. */
  private static final String PAGE_LINE = "page ";

  /** The bytes of {@link #INDEX}, read on first use. */
  private static volatile byte[] index;

  private SiteIndex() {}

  /** What {@link KnownSites#mayKnow} answers. */
  static boolean mayKnow(String site) {
    byte[] sorted = index;
    if (sorted == null) {
      try (InputStream in = SiteIndex.class.getResourceAsStream(INDEX)) {
        if (in == null) {
          throw new IOException(INDEX + " is not in the jar");
        }
        sorted = in.readAllBytes();
      } catch (IOException e) {
        throw new RulesSyntaxException("the bundled site data cannot be read", e);
      }
      index = sorted;
    }
    for (String form : SiteNames.hostAndParents(site)) {
      if (has(sorted, HOST_LINE + form)) {
        return true;
      }
    }
    String page = SiteNames.pageSite(site);
    return !page.isEmpty() && has(sorted, PAGE_LINE + page);
  }

  /**
   * The lines of {@code site-index.txt} for some data, sorted as UTF-8 bytes: {@code host DOMAIN}
   * for every domain with rules and every member of a shared sign-in, {@code page NAME} for every
   * page normalization that names exactly one domain with rules (what {@link KnownSites#rules}
   * matches last).
   *
   * @param ruleDomains the domains with rules
   * @param shared the shared sign-ins
   * @param byPageSite each page normalization with the domains with rules it names
   */
  static List<String> lines(
      Collection<String> ruleDomains,
      List<SharedSignIn> shared,
      Map<String, List<String>> byPageSite) {
    SortedSet<String> lines =
        new TreeSet<>(
            (a, b) ->
                Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    for (String domain : ruleDomains) {
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
  private static boolean has(byte[] sorted, String key) {
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
}
