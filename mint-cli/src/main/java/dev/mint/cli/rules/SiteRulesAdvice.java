package dev.mint.cli.rules;

import dev.mint.MintRequest;
import dev.mint.Setting;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.rules.KnownSites;
import dev.mint.rules.SiteRules;
import dev.mint.rules.Suggestion;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What mint says and does about a site's known password rules (mint-only), on standard error only:
 * the settings {@code mint site set} chooses, whether a stored entry's settings are that choice,
 * and a site that signs in with the same account as one the sites file stores ({@link
 * BrokenRulesAdvice} speaks of a derived password that breaks the rules). For a site without rules
 * nothing here prints anything, so standard error stays what it was before the rules.
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
  static Suggestion choose(SiteRules found, MintRequest current, Set<Setting<?>> typed) {
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

  /** One line on standard error: {@code mint: }, {@code where}, {@code text}. */
  static void say(Io io, String where, String text) {
    io.err().println("mint: " + where + text);
  }

  /**
   * When {@code typedSite} has no entry of its own but signs in with the same account as a site the
   * sites file stores (the data's shared credentials), says so on standard error, naming it. Never
   * redirects: the password is still {@code typedSite}'s.
   *
   * @param where what starts the line after {@code mint: } (see {@link BrokenRulesAdvice#check})
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
