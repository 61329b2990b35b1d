package dev.mint.rules;

import dev.mint.InvalidInputException;
import dev.mint.Revision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The names a site is looked up by, alike for the data's lookups and for the build-time index: its
 * host, the host's parent domains, and the site text the page normalizes it to.
 */
final class SiteNames {
  private SiteNames() {}

  /** What {@link KnownSites#host} answers. */
  static String host(String site) {
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
  static List<String> hostAndParents(String site) {
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

  /** The site text the page derives from for {@code site}, empty when the page refuses it. */
  static String pageSite(String site) {
    try {
      return Revision.DEFAULT.normalizeSite(site);
    } catch (InvalidInputException e) {
      return "";
    }
  }
}
