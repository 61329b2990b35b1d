package dev.mint.cli.rules;

import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Setting;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.rules.Compliance;
import dev.mint.rules.KnownSites;
import dev.mint.rules.SiteRules;
import dev.mint.rules.Suggestion;
import dev.mint.rules.VersionSearch;
import dev.mint.rules.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What mint says and does about a site's known password rules (mint-only), on standard error only:
 * the settings {@code mint site set} chooses, and the rules a derived password breaks with the
 * smallest complying version. For a site without rules nothing here prints anything, so standard
 * error stays what it was before the rules. Never prints a password or one of its characters: a
 * broken rule is named without the character that breaks it.
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
   * @return {@code current} with the chosen settings, empty when the site has no rules, nothing
   *     changes, or the typed settings conflict with the rules
   * @throws CliException exit 3 when no page setting can make a password the site accepts
   */
  public static Optional<MintRequest> suggest(
      Io io, String site, MintRequest current, Set<Setting<?>> typed) {
    if (!KnownSites.mayKnow(site)) {
      return Optional.empty(); // the data is not even parsed for the sites it does not name
    }
    Optional<SiteRules> found = KnownSites.bundled().rules(site);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    String domain = Text.printable(found.get().domain());
    Optional<String> through = through(found.get(), site);
    Suggestion suggestion = choose(found.get(), current, typed);
    switch (suggestion.outcome()) {
      case IMPOSSIBLE:
        throw CliException.invalidInput(
            "no page setting makes a password "
                + domain
                + through.map(t -> " (" + t + ")").orElse("")
                + " accepts: "
                + String.join("; ", suggestion.reasons())
                + "; nothing stored (--no-rules stores it without the rules)");
      case CONFLICT:
        through.ifPresent(t -> io.err().println("mint: rules of " + domain + ", " + t + ":"));
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
        through.ifPresent(t -> io.err().println("rules of " + domain + ", " + t + ":"));
        for (String reason : suggestion.reasons()) {
          io.err().println("rules of " + domain + ": " + reason);
        }
        return suggestion.changed().isEmpty()
            ? Optional.empty()
            : Optional.of(suggestion.request());
    }
  }

  /**
   * The one choice of settings for a site's rules: what {@code site set} stores and what derive's
   * advice spells out, so that both say the same settings.
   */
  private static Suggestion choose(SiteRules found, MintRequest current, Set<Setting<?>> typed) {
    return Suggestion.suggest(found.rules(), found.domain(), current, typed);
  }

  /**
   * Whether {@code stored} holds exactly the settings the rules named by {@code chosenBy} ({@code
   * rules of wsj.com}) choose for its site from the page's defaults (the choice {@code site set}
   * makes): only then are they not the user's weakening. An entry edited by hand to claim the rules
   * chose settings they do not choose is not believed, so its weakening is still said (C15).
   */
  public static boolean confirmsChoice(MintRequest stored, String chosenBy) {
    if (chosenBy == null || !KnownSites.mayKnow(stored.site())) {
      return false;
    }
    Optional<SiteRules> found = KnownSites.bundled().rules(stored.site());
    if (found.isEmpty() || !chosenBy.equals("rules of " + found.get().domain())) {
      return false;
    }
    MintRequest defaults = MintRequest.builder(stored.site()).build();
    MintRequest base = stored;
    for (Setting<?> setting : Suggestion.CHOOSES) {
      base = reset(base, setting, defaults);
    }
    Suggestion choice = choose(found.get(), base, Set.of());
    if (choice.outcome() != Suggestion.Outcome.CHOSEN) {
      return false;
    }
    for (Setting<?> setting : Suggestion.CHOOSES) {
      if (!choice.request().get(setting).equals(stored.get(setting))) {
        return false;
      }
    }
    return true;
  }

  private static <T> MintRequest reset(MintRequest request, Setting<T> setting, MintRequest from) {
    return request.with(setting, from.get(setting));
  }

  /**
   * How rules of another domain came to apply to {@code site}, in words ({@code which shares its
   * name with hsbc.com}); empty when they are the site's own (its domain or a parent domain).
   */
  static Optional<String> through(SiteRules found, String site) {
    String host = Text.printable(KnownSites.host(site));
    switch (found.match()) {
      case SHARED_SIGN_IN:
        return Optional.of("which signs in with the same account as " + host);
      case SAME_PAGE_SITE:
        return Optional.of(
            "which shares its name with " + host + " (the page makes one password for both)");
      default:
        return Optional.empty();
    }
  }

  /**
   * After a derivation, before the password is shown: when the site has rules and {@code password}
   * breaks them, names each broken rule (and whose rules they are) on standard error, then the
   * settings {@code site set} would choose for them and, when those settings may still break the
   * rules, the smallest version at or above the request's whose password with them complies (at
   * most the site's {@link VersionSearch#bound}, {@value VersionSearch#MIN_BOUND} to {@value
   * VersionSearch#MAX_BOUND} derivations with {@code derive}), and prints the command that stores
   * them. No search where no version can help, no command where no page setting can. Nothing is
   * stored.
   *
   * @param where what starts each line after {@code mint: }: empty for a command's own site, {@code
   *     line 3: } for a row of a batch
   * @param typedSite the site as typed, for the command printed (each of its words shell-quoted)
   * @param typed the settings typed on this command line (not stored)
   * @param typedArgs those settings as arguments of {@code mint site set}, for the command printed
   * @param argsOf the arguments of {@code mint site set} that give one setting of a request, for
   *     the settings the rules choose in the command printed
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
      Set<Setting<?>> typed,
      List<String> typedArgs,
      BiFunction<Setting<?>, MintRequest, List<String>> argsOf,
      Password password,
      Function<MintRequest, Password> derive,
      boolean strict) {
    return check(
        io, where, typedSite, request, typed, typedArgs, argsOf, password, derive, strict, null);
  }

  /**
   * As {@link #check(Io, String, String, MintRequest, Set, List, BiFunction, Password, Function,
   * boolean)}, for an entry created in this run ({@code signUp} not null): the user has never seen
   * its password, so instead of advising, the smallest complying version at or above the request's
   * is searched (the same search) and, when found, given to {@code signUp} (the caller stores that
   * version) and its password returned. Where no version can help, the advice as for an existing
   * entry.
   *
   * @param signUp takes the complying request to store, or null for an entry that exists already
   *     (never moved silently: its password may be in use)
   */
  public static Password check(
      Io io,
      String where,
      String typedSite,
      MintRequest request,
      Set<Setting<?>> typed,
      List<String> typedArgs,
      BiFunction<Setting<?>, MintRequest, List<String>> argsOf,
      Password password,
      Function<MintRequest, Password> derive,
      boolean strict,
      Consumer<MintRequest> signUp) {
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
    say(
        io,
        where,
        "this password breaks the known rules of "
            + domain
            + through(found.get(), request.site()).map(t -> ", " + t).orElse("")
            + ":");
    for (String rule : described(violations, found.get())) {
      say(io, where, "  " + rule);
    }
    password.close(); // not on the heap while the search allocates: derived again after it
    if (signUp != null
        && Suggestion.versionCannotFix(found.get().rules(), domain, request).isEmpty()) {
      VersionSearch.Result result = searchForNewEntry(io, where, request, found.get(), derive);
      if (result != null) {
        if (result.found()) {
          signUp.accept(result.request());
          return result.password(); // owned by the caller now, who closes it
        }
        result.close();
        say(
            io,
            where,
            noneFits(result, domain) + "; see '" + Text.command("mint", "rules", typedSite) + "'");
        if (strict) {
          throw CliException.notAccepted(
              "--strict: not printing a password " + domain + "'s rules refuse");
        }
        return derive.apply(request);
      }
    }
    advise(io, where, typedSite, domain, request, typed, typedArgs, argsOf, found.get(), derive);
    if (strict) {
      throw CliException.notAccepted(
          "--strict: not printing a password " + domain + "'s rules refuse");
    }
    return derive.apply(request);
  }

  /**
   * The version search for an entry created in this run, from the request's version: says the
   * version found, which the new entry stores; null when the version is not a number the search
   * takes (the advice then says so).
   */
  private static VersionSearch.Result searchForNewEntry(
      Io io,
      String where,
      MintRequest request,
      SiteRules rules,
      Function<MintRequest, Password> derive) {
    VersionSearch.Result result;
    try {
      result = RulesSearch.search(io, where, request, rules, derive);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (result.found()) {
      say(
          io,
          where,
          "version "
              + result.version().getAsInt()
              + " makes a password "
              + Text.printable(rules.domain())
              + " accepts ("
              + result.derivations()
              + " tried): the new entry stores it");
    }
    return result;
  }

  /** One line on standard error: {@code mint: }, {@code where}, {@code text}. */
  private static void say(Io io, String where, String text) {
    io.err().println("mint: " + where + text);
  }

  /**
   * What to do about a password that breaks the rules: the settings {@code site set} would choose
   * ({@link #choose}, the same choice), and a version search only where a version can help. When
   * the settings themselves break the rules at every version ({@link Suggestion#versionCannotFix}),
   * that is said at once with the settings that fix it; when no page setting can serve the site,
   * that is said and no command is printed ({@code site set} would refuse the site). The command
   * printed spells out every setting that differs from the entry it changes.
   */
  private static void advise(
      Io io,
      String where,
      String site,
      String domain,
      MintRequest request,
      Set<Setting<?>> typed,
      List<String> typedArgs,
      BiFunction<Setting<?>, MintRequest, List<String>> argsOf,
      SiteRules rules,
      Function<MintRequest, Password> derive) {
    Suggestion choice = choose(rules, request, typed);
    if (choice.outcome() != Suggestion.Outcome.IMPOSSIBLE) {
      Suggestion.versionCannotFix(rules.rules(), domain, request)
          .ifPresent(why -> say(io, where, "no version can fix it: " + why));
    }
    switch (choice.outcome()) {
      case IMPOSSIBLE:
        say(
            io,
            where,
            "none of the page's settings makes a password "
                + domain
                + " accepts: "
                + String.join("; ", choice.reasons()));
        return;
      case CONFLICT:
        for (String reason : choice.reasons()) {
          say(io, where, "rules of " + domain + ": " + reason);
        }
        say(
            io,
            where,
            "no version of the settings typed makes a password "
                + domain
                + " accepts; without them '"
                + Text.command("mint", "site", "set", site)
                + "' chooses settings for its rules");
        return;
      default:
        break;
    }
    MintRequest chosen = choice.request();
    List<String> settingArgs = new ArrayList<>(typedArgs);
    for (Setting<?> setting : Suggestion.CHOOSES) {
      if (choice.changed().contains(setting)) {
        settingArgs.addAll(argsOf.apply(setting, chosen));
      }
    }
    if (!choice.changed().isEmpty()) {
      for (String reason : choice.reasons()) {
        say(io, where, "rules of " + domain + ": " + reason);
      }
    }
    if (choice.certain()) {
      List<String> command = new ArrayList<>(List.of("mint", "site", "set", site));
      if (!request.version().isEmpty()) {
        command.addAll(List.of("--site-version", request.version()));
      }
      command.addAll(settingArgs);
      say(io, where, "to use these settings: " + Text.command(command));
      return;
    }
    VersionSearch.Result result;
    try {
      result = RulesSearch.search(io, where, chosen, rules, derive);
    } catch (IllegalArgumentException e) {
      say(io, where, "no version search: the version is not a number from 1 to 9999");
      return;
    }
    try (result) {
      if (result.found()) {
        int version = result.version().getAsInt();
        List<String> command =
            new ArrayList<>(List.of("mint", "site", "set", site, "--site-version", "" + version));
        command.addAll(settingArgs);
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
            noneFits(result, domain) + "; see '" + Text.command("mint", "rules", site) + "'");
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

  /** {@code none of versions 7 to 87 makes a password chase.com accepts}: a search that failed. */
  private static String noneFits(VersionSearch.Result result, String domain) {
    return "none of versions "
        + result.start()
        + " to "
        + (result.start() + result.derivations() - 1)
        + " makes a password "
        + domain
        + " accepts";
  }
}
