package dev.mint.cli.rules;

import dev.mint.rules.KnownSites;
import dev.mint.rules.SharedSignIn;
import dev.mint.rules.SiteRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What mint knows about a site from the bundled data (mint-only), for {@code mint rules SITE}: its
 * password rules in words, its shared sign-in group, its change-password page. Holds no secret.
 */
public final class SiteFacts {
  /** A label of a domain name: letters and digits, hyphens inside, at most 63. */
  private static final Pattern DOMAIN_LABEL =
      Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

  private final String site;
  private final Optional<SiteRules> rules;
  private final Optional<Map.Entry<String, SharedSignIn>> shared;
  private final Optional<String> knownUrl;
  private final Optional<String> url;

  private SiteFacts(String site) {
    KnownSites known = KnownSites.bundled();
    this.site = site;
    this.rules = known.rules(site);
    this.shared = known.sharedSignIn(site);
    this.knownUrl = known.knownChangePasswordUrl(site);
    String wellKnown = known.changePasswordUrl(site);
    this.url =
        knownUrl.isPresent() || isDomainName(KnownSites.host(wellKnown))
            ? Optional.of(wellKnown)
            : Optional.empty();
  }

  /**
   * Whether {@code host} can be a domain of the web: at least two labels of letters, digits and
   * inner hyphens, 1 to 63 characters each ({@code ea}, {@code localhost} and {@code my bank} are
   * not, so they get no link to a page that cannot exist).
   */
  static boolean isDomainName(String host) {
    if (host.isEmpty() || host.length() > 253) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (!DOMAIN_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  /** The facts about {@code site} as typed. */
  public static SiteFacts of(String site) {
    return new SiteFacts(site);
  }

  /**
   * Where to change the password: the known page, else the site's well-known address; empty for a
   * site whose host is not a domain name ({@link #isDomainName}).
   */
  public Optional<String> changePasswordUrl() {
    return url;
  }

  /** The lines {@code mint rules SITE} prints. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (rules.isPresent()) {
      lines.add("password rules of " + rules.get().domain() + ": " + rules.get().rules());
      lines.add("  matched: " + matched());
      for (String line : rules.get().rules().describe()) {
        lines.add("  " + line);
      }
    } else {
      lines.add("password rules: none known");
    }
    if (shared.isPresent()) {
      lines.add(
          "signs in with the same account as: "
              + String.join(", ", shared.get().getValue().others(shared.get().getKey())));
    } else {
      lines.add("shared sign-ins: none known");
    }
    lines.add(
        "change password: "
            + url.map(u -> u + (knownUrl.isPresent() ? "" : " (the well-known address)"))
                .orElse("none known (not a domain name)"));
    return lines;
  }

  /**
   * How the site was matched to the rules' domain, in words: {@code exact}, {@code parent domain},
   * {@code shared sign-in with apple.com}, {@code same name as hsbc.com.hk (the page makes one
   * password for both)}.
   */
  private String matched() {
    String domain = rules.get().domain();
    switch (rules.get().match()) {
      case EXACT:
        return "exact";
      case PARENT:
        return "parent domain " + domain;
      case SHARED_SIGN_IN:
        return "shared sign-in with " + domain;
      default:
        return "same name as " + domain + " (the page makes one password for both)";
    }
  }

  /** The same facts as a JSON object's fields, in order. */
  public Map<String, Object> json() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("site", site);
    if (rules.isPresent()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("domain", rules.get().domain());
      r.put("match", rules.get().match().name().toLowerCase(java.util.Locale.ROOT));
      r.put("rules", rules.get().rules().toString());
      r.put("words", rules.get().rules().describe());
      map.put("rules", r);
    } else {
      map.put("rules", null);
    }
    map.put(
        "sameAccountAs",
        shared.isPresent() ? shared.get().getValue().others(shared.get().getKey()) : List.of());
    map.put("changePasswordUrl", url.orElse(null));
    map.put("changePasswordUrlKnown", knownUrl.isPresent());
    return map;
  }
}
