package dev.mint.cli.rules;

import dev.mint.rules.KnownSites;
import dev.mint.rules.SharedSignIn;
import dev.mint.rules.SiteRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What mint knows about a site from the bundled data (mint-only, issue 17), for {@code mint rules
 * SITE}: its password rules in words, its shared sign-in group, its change-password page. Holds no
 * secret.
 */
public final class SiteFacts {
  private final String site;
  private final Optional<SiteRules> rules;
  private final Optional<Map.Entry<String, SharedSignIn>> shared;
  private final Optional<String> knownUrl;
  private final String url;

  private SiteFacts(String site) {
    KnownSites known = KnownSites.bundled();
    this.site = site;
    this.rules = known.rules(site);
    this.shared = known.sharedSignIn(site);
    this.knownUrl = known.knownChangePasswordUrl(site);
    this.url = known.changePasswordUrl(site);
  }

  /** The facts about {@code site} as typed. */
  public static SiteFacts of(String site) {
    return new SiteFacts(site);
  }

  /** Where to change the password: the known page, else the site's well-known address. */
  public String changePasswordUrl() {
    return url;
  }

  /** The lines {@code mint rules SITE} prints. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    if (rules.isPresent()) {
      lines.add("password rules of " + rules.get().domain() + ": " + rules.get().rules());
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
        "change password: " + url + (knownUrl.isPresent() ? "" : " (the well-known address)"));
    return lines;
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
    map.put("changePasswordUrl", url);
    map.put("changePasswordUrlKnown", knownUrl.isPresent());
    return map;
  }
}
