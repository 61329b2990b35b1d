import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.Setting;
import dev.mint.rules.KnownSites;
import dev.mint.rules.PasswordRules;
import dev.mint.rules.Suggestion;
import dev.mint.rules.VersionSearch;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The version searches mint may start over the bundled rules data, sized as mint sizes them
 * (VersionSearch.estimate, the bound RulesSearch's start line prints), without a phrase: no
 * password is derived. Run by benchmarks/version-search.sh (not a test), on the packaged jar's
 * classpath with Java's source launcher. Prints, one line each:
 *
 * <ul>
 *   <li>{@code chosen}: over the satisfiable sites (Suggestion CHOSEN from the page's defaults,
 *       the set mint-rules' acceptance test uses), the bound of the settings mint chooses, which
 *       is the search of a sign-up ({@code --save}), of derive's advice and of {@code site bump};
 *   <li>{@code typed}: over every site and every typed combination of revision, classes,
 *       exclude-ambiguous and length (the rules' shortest and longest the page makes, and 16),
 *       each kept as typed as mint keeps it, the searches mint starts (choice CHOSEN, not certain,
 *       a version can help): how many reach the cap, and the one whose miss is likeliest;
 *   <li>{@code worst}: the case of those with the largest bound and, among them, the likeliest
 *       miss, as {@code site|options} for version-search.sh's CASES.
 * </ul>
 */
public final class SearchBounds {
  public static void main(String[] args) {
    Map<String, PasswordRules> all = KnownSites.bundled().allRules();
    Set<Setting<?>> everyChoice = Set.copyOf(Suggestion.CHOOSES);

    int satisfiable = 0;
    int chosenMax = 0;
    String chosenMaxSite = "";
    TreeMap<Integer, Integer> chosenBounds = new TreeMap<>();
    int searches = 0;
    int atCap = 0;
    int typedMax = 0;
    double worstMiss = -1;
    String worst = "";
    String worstEstimate = "";
    for (Map.Entry<String, PasswordRules> e : all.entrySet()) {
      String site = e.getKey();
      PasswordRules rules = e.getValue();
      Suggestion s = Suggestion.suggest(rules, site, MintRequest.builder(site).build(), Set.of());
      if (s.outcome() != Suggestion.Outcome.CHOSEN) {
        continue;
      }
      satisfiable++;
      if (!s.certain()) {
        int bound = VersionSearch.bound(rules, s.request());
        chosenBounds.merge(bound, 1, Integer::sum);
        if (bound > chosenMax) {
          chosenMax = bound;
          chosenMaxSite = site;
        }
      }
      int lo = Math.max(MintRequest.MIN_LENGTH, rules.minLength().orElse(0));
      int hi = Math.min(MintRequest.MAX_LENGTH, rules.maxLength().orElse(MintRequest.MAX_LENGTH));
      for (Revision revision : Revision.values()) {
        for (int classes = 1; classes < 16; classes++) {
          for (boolean ambiguous : new boolean[] {true, false}) {
            for (int length : new int[] {lo, Math.max(lo, Math.min(hi, 16)), hi}) {
              MintRequest typed =
                  MintRequest.builder(site)
                      .revision(revision)
                      .length(length)
                      .upper((classes & 1) != 0)
                      .lower((classes & 2) != 0)
                      .digits((classes & 4) != 0)
                      .symbols((classes & 8) != 0)
                      .excludeAmbiguous(ambiguous)
                      .build();
              Suggestion c = Suggestion.suggest(rules, site, typed, everyChoice);
              if (c.outcome() != Suggestion.Outcome.CHOSEN
                  || c.certain()
                  || Suggestion.versionCannotFix(rules, site, c.request()).isPresent()) {
                continue;
              }
              VersionSearch.Estimate estimate = VersionSearch.estimate(rules, c.request());
              searches++;
              atCap += estimate.versions() == VersionSearch.MAX_BOUND ? 1 : 0;
              if (estimate.versions() > typedMax
                  || estimate.versions() == typedMax && estimate.missAtMost() > worstMiss) {
                typedMax = estimate.versions();
                worstMiss = estimate.missAtMost();
                worst = site + "|" + options(c.request());
                worstEstimate = estimate.toString();
              }
            }
          }
        }
      }
    }
    System.out.printf(
        "chosen: %d satisfiable sites; bounds of those whose passwords may break the rules"
            + " (bound=sites) %s; largest %d (%s)%n",
        satisfiable, chosenBounds, chosenMax, chosenMaxSite);
    System.out.printf(
        "typed: %d searches mint starts; %d at the cap of %d; largest %d, likeliest miss: %s"
            + " (%s)%n",
        searches, atCap, VersionSearch.MAX_BOUND, typedMax, worst, worstEstimate);
    System.out.println("worst: " + worst);
  }

  /** The typed options of a request, as derive takes them. */
  private static String options(MintRequest r) {
    StringBuilder out = new StringBuilder("--revision ").append(r.revision().id());
    out.append(" --length ").append(r.length());
    out.append(r.upper() ? "" : " --no-upper").append(r.lower() ? "" : " --no-lower");
    out.append(r.digits() ? "" : " --no-digits").append(r.symbols() ? "" : " --no-symbols");
    out.append(r.excludeAmbiguous() ? "" : " --allow-ambiguous");
    return out.toString();
  }
}
