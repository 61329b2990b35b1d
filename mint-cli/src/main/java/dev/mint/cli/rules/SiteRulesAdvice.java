package dev.mint.cli.rules;

import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.rules.Compliance;
import dev.mint.rules.KnownSites;
import dev.mint.rules.Settings;
import dev.mint.rules.SiteRules;
import dev.mint.rules.Suggestion;
import dev.mint.rules.VersionSearch;
import dev.mint.rules.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What mint says and does about a site's known password rules (mint-only, issue 17), on standard
 * error only: the settings {@code mint site set} chooses, and the rules a derived password breaks
 * with the smallest complying version. For a site without rules nothing here prints anything, so
 * standard error stays what it was before the rules. Never prints a password or one of its
 * characters: a broken rule is named without the character that breaks it.
 */
public final class SiteRulesAdvice {
  private SiteRulesAdvice() {}

  /**
   * The settings the site's rules choose for {@code site set}: every reason on standard error
   * (every chosen setting is shown), the settings when they differ from {@code current}.
   *
   * @param site the site as typed
   * @param current the request as it would be stored without the rules (entry, then typed)
   * @param typed the settings typed: never changed; a conflict with them is said, and they are
   *     stored as typed
   * @return the chosen settings, empty when the site has no rules, nothing changes, or the typed
   *     settings conflict with the rules
   * @throws CliException exit 3 when no page setting can make a password the site accepts
   */
  public static Optional<Settings> suggest(
      Io io, String site, MintRequest current, Set<Settings.Setting> typed) {
    if (!KnownSites.mayKnow(site)) {
      return Optional.empty(); // the data is not even parsed for the sites it does not name
    }
    Optional<SiteRules> found = KnownSites.bundled().rules(site);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String domain = Text.printable(found.get().domain());
    Suggestion suggestion =
        Suggestion.suggest(found.get().rules(), found.get().domain(), current, typed);
    switch (suggestion.outcome()) {
      case IMPOSSIBLE:
        throw CliException.invalidInput(
            "no page setting makes a password "
                + domain
                + " accepts: "
                + String.join("; ", suggestion.reasons())
                + "; nothing stored (--no-rules stores it without the rules)");
      case CONFLICT:
        for (String reason : suggestion.reasons()) {
          io.err().println("mint: rules of " + domain + ": " + reason);
        }
        io.err()
            .println(
                "mint: stored as typed; "
                    + domain
                    + " may refuse its passwords (see '"
                    + Text.command("mint", "rules", site)
                    + "')");
        return Optional.empty();
      default:
        for (String reason : suggestion.reasons()) {
          io.err().println("rules of " + domain + ": " + reason);
        }
        return suggestion.changed().isEmpty()
            ? Optional.empty()
            : Optional.of(suggestion.settings());
    }
  }

  /**
   * After a derivation, before the password is shown: when the site has rules and {@code password}
   * breaks them, names each broken rule on standard error, searches the smallest version at or
   * above the request's whose password complies (at most the site's {@link VersionSearch#bound},
   * {@value VersionSearch#MIN_BOUND} to {@value VersionSearch#MAX_BOUND} derivations with {@code
   * derive}), and prints the command that stores it. Nothing is stored.
   *
   * @param where what starts each line after {@code mint: }: empty for a command's own site, {@code
   *     line 3: } for a row of a batch
   * @param typedSite the site as typed, for the command printed (each of its words shell-quoted)
   * @param typed the settings typed on this command line (not stored), as mint-rules names them
   * @param typedArgs those settings as arguments of {@code mint site set}, for the command printed
   * @param strict refuse a password that breaks the rules
   * @return the password to show: {@code password} itself when it keeps the rules or the site has
   *     none; after a version search, the same password derived again with {@code derive}, which
   *     the caller closes too ({@code password} is wiped before the search: each collection during
   *     it would move an array still in use and leave a copy behind that no wipe reaches)
   * @throws CliException exit {@link dev.mint.cli.io.ExitCodes#NOT_ACCEPTED} with {@code strict}
   *     when the password breaks the rules
   */
  public static Password check(
      Io io,
      String where,
      String typedSite,
      MintRequest request,
      Set<Settings.Setting> typed,
      List<String> typedArgs,
      Password password,
      Function<MintRequest, Password> derive,
      boolean strict) {
    if (!KnownSites.mayKnow(request.site())) {
      return password; // most sites: the data is not even parsed (no Jackson on the derive path)
    }
    Optional<SiteRules> found = KnownSites.bundled().rules(request.site());
    if (found.isEmpty()) {
      return password;
    }
    String domain = Text.printable(found.get().domain());
    List<Violation> violations;
    char[] chars = password.toCharArray();
    try {
      violations = Compliance.check(chars, found.get().rules(), found.get().domain());
    } finally {
      Arrays.fill(chars, '\0');
    }
    if (violations.isEmpty()) {
      return password;
    }
    say(io, where, "this password breaks the known rules of " + domain + ":");
    for (String rule : described(violations, found.get())) {
      say(io, where, "  " + rule);
    }
    password.close(); // not on the heap while the search allocates: derived again after it
    searchVersion(io, where, typedSite, domain, request, typed, typedArgs, found.get(), derive);
    if (strict) {
      throw CliException.notAccepted(
          "--strict: not printing a password " + domain + "'s rules refuse");
    }
    return derive.apply(request);
  }

  /** One line on standard error: {@code mint: }, {@code where}, {@code text}. */
  private static void say(Io io, String where, String text) {
    io.err().println("mint: " + where + text);
  }

  private static void searchVersion(
      Io io,
      String where,
      String site,
      String domain,
      MintRequest request,
      Set<Settings.Setting> typed,
      List<String> typedArgs,
      SiteRules rules,
      Function<MintRequest, Password> derive) {
    VersionSearch.Result result;
    try {
      result = RulesSearch.search(io, where, request, rules, derive);
    } catch (IllegalArgumentException e) {
      say(io, where, "no version search: the version is not a number from 1 to 9999");
      return;
    }
    try (result) {
      if (result.found()) {
        int version = result.version().getAsInt();
        // 'site set' with these arguments would choose settings of its own for the rules unless
        // the stored settings are already its choice: then --no-rules keeps this very password
        Suggestion atSet =
            Suggestion.suggest(rules.rules(), rules.domain(), result.request(), typed);
        boolean keep = atSet.outcome() != Suggestion.Outcome.CHOSEN || !atSet.changed().isEmpty();
        List<String> command =
            new ArrayList<>(List.of("mint", "site", "set", site, "--site-version", "" + version));
        command.addAll(typedArgs);
        if (keep) {
          command.add("--no-rules");
        }
        say(
            io,
            where,
            "version "
                + version
                + " makes a password "
                + domain
                + " accepts ("
                + result.derivations()
                + " tried); to use it: "
                + Text.command(command));
      } else {
        say(
            io,
            where,
            "none of versions "
                + result.start()
                + " to "
                + (result.start() + result.derivations() - 1)
                + " makes a password "
                + domain
                + " accepts; '"
                + Text.command("mint", "site", "set", site)
                + "' chooses settings for its rules");
      }
    }
  }

  /** The broken rules in words, each once, without the characters of the password. */
  static List<String> described(List<Violation> violations, SiteRules rules) {
    List<String> lines = new ArrayList<>();
    for (Violation v : violations) {
      String line =
          v.kind() == Violation.Kind.NOT_ALLOWED
              ? "contains a character "
                  + rules.domain()
                  + " does not allow (it allows "
                  + rules.rules().allowed().describe()
                  + ")"
              : v.message();
      if (!lines.contains(line)) {
        lines.add(line);
      }
    }
    return lines;
  }

  /**
   * When {@code typedSite} has no entry of its own but signs in with the same account as a site the
   * sites file stores (the data's shared credentials), says so on standard error, naming it. Never
   * redirects: the password is still {@code typedSite}'s.
   *
   * @param where what starts the line after {@code mint: } (see {@link #check})
   * @param storedSites the sites of the file's entries
   */
  public static void sharedSignIn(Io io, String where, String typedSite, List<String> storedSites) {
    if (!KnownSites.mayKnow(typedSite)) {
      return;
    }
    KnownSites known = KnownSites.bundled();
    var group = known.sharedSignIn(typedSite);
    if (group.isEmpty()) {
      return;
    }
    List<String> others = group.get().getValue().others(group.get().getKey());
    for (String stored : storedSites) {
      String host = KnownSites.host(stored);
      for (String other : others) {
        if (host.equals(other) || host.endsWith("." + other)) {
          say(
              io,
              where,
              Text.printable(typedSite)
                  + " signs in with the same account as "
                  + Text.printable(stored)
                  + ", stored; use '"
                  + Text.command("mint", stored)
                  + "' or '"
                  + Text.command("mint", "site", "set", typedSite, "--same-as", stored)
                  + "'");
          return;
        }
      }
    }
  }
}
