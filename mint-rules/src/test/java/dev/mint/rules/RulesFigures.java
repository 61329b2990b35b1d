package dev.mint.rules;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The figures of docs/PERFORMANCE.md's section on password rules, over every site of the bundled
 * data, run by benchmarks/rules-figures.sh (not a test). Arguments: {@code [PHRASES [real|sampled
 * [THREADS]]]}: phrases per site (20), real PBKDF2 at the page's default level or the one-iteration
 * stand-in (sampled), threads for the real run (2).
 */
public final class RulesFigures {
  private RulesFigures() {}

  public static void main(String[] args) throws Exception {
    int phrases = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    boolean real = args.length > 1 && args[1].equals("real");
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    KnownSites known = KnownSites.bundled();
    Map<String, PasswordRules> all = known.allRules();

    int certainDefaults = 0;
    int certain = 0;
    int draw = 0;
    int changed = 0;
    Map<String, String> impossible = new TreeMap<>();
    List<String> satisfiable = new ArrayList<>();
    long started = System.nanoTime();
    for (Map.Entry<String, PasswordRules> e : all.entrySet()) {
      String domain = e.getKey();
      MintRequest defaults = MintRequest.builder(domain).build();
      if (ComplyingShare.feasibility(e.getValue(), defaults) == 2
          && (e.getValue().minLength().orElse(0) <= 16)
          && e.getValue().maxLength().orElse(64) >= 16) {
        certainDefaults++;
      }
      Suggestion s = Trials.suggest(domain, e.getValue());
      switch (s.outcome()) {
        case IMPOSSIBLE:
          impossible.put(domain, s.reasons().get(0));
          break;
        case CHOSEN:
          satisfiable.add(domain);
          if (s.certain()) {
            certain++;
          } else {
            draw++;
          }
          changed += s.changed().isEmpty() ? 0 : 1;
          break;
        default:
          throw new IllegalStateException(domain + ": " + s);
      }
    }
    double suggestSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("sites: %d; data problems: %d%n", all.size(), known.problems().size());
    known.problems().forEach(p -> System.out.println("  problem: " + p));
    System.out.printf(
        "page defaults certain to comply: %d%n"
            + "settings chosen without a phrase: %d (certain to comply %d, depend on the password"
            + " drawn %d; settings changed from the defaults for %d)%n"
            + "impossible: %d%n",
        certainDefaults, satisfiable.size(), certain, draw, changed, impossible.size());
    impossible.forEach((d, why) -> System.out.println("  " + d + ": " + why));
    System.out.printf("suggesting for all sites: %.2f s%n", suggestSeconds);

    ExecutorService pool = Executors.newFixedThreadPool(real ? threads : 1);
    long t0 = System.nanoTime();
    List<Future<int[]>> futures = new ArrayList<>();
    for (String domain : satisfiable) {
      futures.add(
          pool.submit(
              () -> {
                PasswordRules rules = all.get(domain);
                MintRequest request = Trials.request(domain, Trials.suggest(domain, rules));
                int[] r = new int[4]; // first-time, found, derivations total, max derivations
                for (int i = 0; i < phrases; i++) {
                  char[] phrase = Trials.phrase(domain, i);
                  Function<MintRequest, Password> derive =
                      real ? Trials.real(phrase) : Trials.sampled(phrase);
                  try (VersionSearch.Result result =
                      VersionSearch.search(request, rules, domain, derive)) {
                    r[0] += result.firstViolations().isEmpty() ? 1 : 0;
                    r[1] += result.found() ? 1 : 0;
                    r[2] += result.derivations();
                    r[3] = Math.max(r[3], result.derivations());
                  }
                }
                if (r[1] < phrases) {
                  synchronized (RulesFigures.class) {
                    System.out.printf(
                        "  not found within the bound: %s: %d of %d found, estimated share %.2f,"
                            + " %s, rules %s%n",
                        domain,
                        r[1],
                        phrases,
                        Trials.suggest(domain, rules).share(),
                        Trials.suggest(domain, rules).request(),
                        rules);
                  }
                }
                return r;
              }));
    }
    int first = 0;
    int found = 0;
    long derivations = 0;
    int max = 0;
    for (Future<int[]> f : futures) {
      int[] r = f.get();
      first += r[0];
      found += r[1];
      derivations += r[2];
      max = Math.max(max, r[3]);
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - t0) / 1e9;
    int trials = satisfiable.size() * phrases;
    System.out.printf(
        "%s derivations, %d phrases on each of %d satisfiable sites (%d trials):%n"
            + "  comply first time: %d (%.1f%%)%n"
            + "  comply after the version search (each site's bound, %d to %d versions): %d"
            + " (%.1f%%)%n"
            + "  versions searched (derivations): mean %.2f, max %d, total %d, %.1f s%n",
        real ? "real PBKDF2 (210,000 iterations, " + threads + " threads)" : "one-iteration",
        phrases,
        satisfiable.size(),
        trials,
        first,
        100.0 * first / trials,
        VersionSearch.MIN_BOUND,
        VersionSearch.MAX_BOUND,
        found,
        100.0 * found / trials,
        derivations / (double) trials,
        max,
        derivations,
        seconds);

    // the cost of a version search: one thread deriving on the warm engine, as the CLI does
    MintRequest request = MintRequest.builder("example.com").build();
    char[] phrase = "figures phrase, not a secret".toCharArray();
    for (int i = 0; i < 20; i++) {
      Mint.derive(request.toBuilder().version(i + 1).build(), phrase).close();
    }
    int n = 100;
    long s0 = System.nanoTime();
    PasswordRules never = PasswordRules.parse("minlength: 65;");
    try (VersionSearch.Result r =
        VersionSearch.search(request, never, "example.com", req -> Mint.derive(req, phrase), n)) {
      double secs = (System.nanoTime() - s0) / 1e9;
      System.out.printf(
          "version search on the warm engine: %d derivations in %.2f s, %.1f derivations/s"
              + " (default engine, level default)%n",
          r.derivations(), secs, r.derivations() / secs);
    }
  }
}
