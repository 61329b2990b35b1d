package dev.mint.cli.rules;

import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.ProgressBar;
import dev.mint.cli.io.Text;
import dev.mint.rules.KnownSites;
import dev.mint.rules.SiteRules;
import dev.mint.rules.VersionSearch;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A version search as the user sees it (mint-only), for derive's advice and {@code site bump}: one
 * line before it starts (the versions it may try, the derivations expected, how often it may find
 * none when the cap binds, how to stop or skip it), and past a second a progress bar on a terminal
 * or a line every {@value #LINE_EVERY_SECONDS} s elsewhere, all on standard error. Says nothing
 * about the passwords it derives.
 */
public final class RulesSearch {
  /** Past this long a search shows its progress: most searches end well before. */
  private static final long PROGRESS_AFTER_NANOS = 1_000_000_000L;

  /** Without a terminal, a progress line at most this often. */
  private static final int LINE_EVERY_SECONDS = 10;

  private static final String UNIT = "versions";

  private RulesSearch() {}

  /**
   * The password rules mint knows for {@code site}.
   *
   * @return empty for most sites, whose rules the data does not name (not even parsed then)
   */
  public static Optional<SiteRules> of(String site) {
    if (!KnownSites.mayKnow(site)) {
      return Optional.empty();
    }
    return KnownSites.bundled().rules(site);
  }

  /**
   * Searches from {@code request}'s own version for the smallest whose password {@code rules}
   * accept, at most {@link VersionSearch#estimate}'s versions, saying so first and showing progress
   * past a second.
   *
   * @param where what starts each line after {@code mint: } (see {@link BrokenRulesAdvice#check})
   * @return the result; the caller closes it
   * @throws IllegalArgumentException when the request's version is not a number from 1 to 9999,
   *     before anything is said
   */
  public static VersionSearch.Result search(
      Io io,
      String where,
      MintRequest request,
      SiteRules rules,
      Function<MintRequest, Password> derive) {
    int first = VersionSearch.firstVersion(request);
    VersionSearch.Estimate estimate = VersionSearch.estimate(rules.rules(), request);
    io.err().println("mint: " + where + startLine(Text.printable(rules.domain()), first, estimate));
    Progress progress = new Progress(io, where, estimate.versions());
    try {
      return VersionSearch.search(
          request, rules.rules(), rules.domain(), progress.counting(derive), estimate.versions());
    } finally {
      progress.close();
    }
  }

  /**
   * For example {@code searching versions 8 to 57 for one chase.com accepts: at most 50
   * derivations, about 2 expected; Ctrl-C stops it, --no-rules skips it}.
   */
  static String startLine(String domain, int first, VersionSearch.Estimate estimate) {
    int last = Math.min(9999, first + estimate.versions() - 1);
    StringBuilder line =
        new StringBuilder("searching versions ")
            .append(first)
            .append(" to ")
            .append(last)
            .append(" for one ")
            .append(domain)
            .append(" accepts: at most ")
            .append(number(last - first + 1))
            .append(" derivations");
    if (estimate.hits() == 0) {
      line.append(", though none of ")
          .append(number(estimate.samples()))
          .append(" sampled passwords of these settings complies");
    } else {
      line.append(", about ").append(number(Math.round(estimate.expected()))).append(" expected");
      if (estimate.missAtMost() >= 1e-6) {
        // the cap binds: the chance of a miss, at the share's lower bound, is said as it is
        line.append(" (").append(odds(estimate.missAtMost())).append(" for these settings)");
      }
    }
    return line.append("; Ctrl-C stops it, --no-rules skips it").toString();
  }

  /** {@code at most 1 search in 420,000 finds none}, or {@code up to 37% of searches find none}. */
  private static String odds(double miss) {
    if (miss >= 0.01) {
      return "up to " + Math.round(miss * 100) + "% of searches find none";
    }
    return "at most 1 search in " + number(Math.round(1 / miss)) + " finds none";
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** The progress of one search: silent for its first second. */
  private static final class Progress {
    private final Io io;
    private final String where;
    private final int total;
    private final long started = System.nanoTime();
    private long lastLine;
    private int done;
    private boolean drawn;

    Progress(Io io, String where, int total) {
      this.io = io;
      this.where = where;
      this.total = total;
    }

    Function<MintRequest, Password> counting(Function<MintRequest, Password> derive) {
      return request -> {
        show();
        Password password = derive.apply(request);
        done++;
        return password;
      };
    }

    private void show() {
      long now = System.nanoTime();
      if (now - started <= PROGRESS_AFTER_NANOS) {
        return;
      }
      if (io.stderrIsTerminal()) {
        io.err().print(ProgressBar.render(done, total, UNIT));
        io.err().flush();
        drawn = true;
      } else if (lastLine == 0 || now - lastLine >= LINE_EVERY_SECONDS * 1_000_000_000L) {
        lastLine = now;
        io.err().println("mint: " + where + "still searching: " + done + " of " + total + " tried");
      }
    }

    void close() {
      if (drawn) {
        io.err().print(ProgressBar.clear(total, UNIT));
        io.err().flush();
      }
    }
  }
}
