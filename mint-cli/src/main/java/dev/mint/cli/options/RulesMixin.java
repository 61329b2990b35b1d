package dev.mint.cli.options;

import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Setting;
import dev.mint.cli.io.Io;
import dev.mint.cli.rules.BrokenRulesAdvice;
import dev.mint.cli.rules.RulesSearch;
import dev.mint.cli.rules.SiteRulesAdvice;
import dev.mint.cli.sites.SettingRow;
import dev.mint.cli.sites.TypedSettings;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.ResolvedSite;
import dev.mint.rules.KnownSites;
import dev.mint.rules.Suggestion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The sites' known password rules (mint-only) for a command (a picocli mixin): {@code --no-rules}
 * ignores them. Bridges the typed settings of the command line to {@link SiteRulesAdvice} and
 * {@link BrokenRulesAdvice}, which knows no command line.
 */
public final class RulesMixin {
  @Option(
      names = "--no-rules",
      description =
          "Ignore the password rules mint knows for the site (mint-only; see 'mint rules "
              + "--help'): no settings chosen for them, no check of the password.")
  boolean noRules;

  /** Whether {@code --no-rules} was given. */
  public boolean ignored() {
    return noRules;
  }

  /**
   * Before the phrase is read: when the rules will be checked and the bundled data names {@code
   * site}, parses the data on a daemon thread ({@code mint-rules-data}), so that the check after
   * the derivation finds it ready instead of parsing it between Enter and the password. Holds no
   * secret. A failure is left for the check itself to report.
   *
   * @return the thread, or null when there is nothing to prepare
   */
  public Thread prepare(String site) {
    if (noRules || !KnownSites.mayKnow(site)) {
      return null;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                KnownSites.bundled();
              } catch (RuntimeException e) {
                // the check after the derivation reads the data again and says what is wrong
              }
            },
            "mint-rules-data");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * The settings {@code site set} and {@code --save} store: {@code typed} plus those the site's
   * rules choose for the options not typed (each said on standard error), unless {@code
   * --no-rules}; {@code entry} is the stored entry they change, or null.
   *
   * @throws dev.mint.cli.io.CliException exit 3 when no page setting can serve the site
   */
  public TypedSettings suggested(Io io, String site, SiteEntry entry, TypedSettings typed) {
    if (noRules) {
      return typed;
    }
    MintRequest.Builder base = MintRequest.builder(site);
    if (entry != null) {
      base = entry.applyTo(base);
    }
    MintRequest current = typed.applyTo(base).build();
    Set<Setting<?>> typedHere = new HashSet<>();
    for (SettingRow<?> row : SettingRow.ALL) {
      if (typed.has(row)) {
        typedHere.add(row.key());
      }
    }
    Optional<MintRequest> chosen = SiteRulesAdvice.suggest(io, site, current, typedHere);
    if (chosen.isEmpty()) {
      return typed;
    }
    MintRequest typedRequest = typed.request(site);
    MintRequest chosenRequest = chosen.get();
    // recorded in the entry, so that these settings are not later called the user's weakening
    TypedSettings.Builder merged =
        TypedSettings.builder()
            .chosenBy(
                typed.weakens(site)
                    ? null
                    : RulesSearch.of(site).map(r -> "rules of " + r.domain()).orElse(null));
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (typed.has(setting)) {
        copy(setting, typedRequest, merged);
      } else if (Suggestion.CHOOSES.contains(setting.key())
          && !setting.get(chosenRequest).equals(setting.get(current))) {
        copy(setting, chosenRequest, merged);
      }
    }
    return merged.build();
  }

  private static <T> void copy(SettingRow<T> setting, MintRequest from, TypedSettings.Builder to) {
    to.put(setting, setting.get(from));
  }

  /**
   * At derive time, before {@code password} is shown: unless {@code --no-rules}, the site's rules
   * checked (see {@link BrokenRulesAdvice#check}), every line on standard error starting with
   * {@code mint: } and {@code where} ({@code line 3: } for a row of a batch). With {@code signUp}
   * not null (an entry created in this run, {@link SiteMixin#signUp}), a password that breaks the
   * rules moves to the smallest complying version, which {@code signUp} takes.
   *
   * @return the password to show, which the caller closes as well as {@code password}: {@code
   *     password}, or after a version search the same password derived again
   */
  public Password check(
      Io io,
      String where,
      String typedSite,
      ResolvedSite resolved,
      Password password,
      Function<MintRequest, Password> derive,
      boolean strict,
      Consumer<MintRequest> signUp) {
    if (noRules) {
      return password;
    }
    if (resolved.entry() == null
        && resolved.file() != null
        && KnownSites.mayKnow(typedSite) // the file is not read again for the sites most typed
        && resolved.file().exists()) {
      List<String> stored = new ArrayList<>();
      for (SiteEntry entry : resolved.file().read().entries()) {
        stored.add(entry.site());
      }
      SiteRulesAdvice.sharedSignIn(io, where, typedSite, stored);
    }
    TypedSettings typed = resolved.typed();
    MintRequest request = resolved.request();
    Set<Setting<?>> typedHere = new HashSet<>();
    List<String> args = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (typed.has(setting) && setting != SettingRow.VERSION) {
        args.addAll(setting.arguments(request));
        typedHere.add(setting.key());
      }
    }
    // the command printed changes the entry whose settings the password has: another site's for
    // an entry made with --same-as
    String site = resolved.isSameAs() ? resolved.entry().sameAs() : typedSite;
    if (!resolved.isSameAs() && resolved.entry() != null && resolved.entry().account() != null) {
      // this entry, not a question which one
      args.addAll(List.of("--account", resolved.entry().account()));
    }
    return BrokenRulesAdvice.check(
        io,
        where,
        site,
        request,
        typedHere,
        args,
        RulesMixin::arguments,
        password,
        derive,
        strict,
        signUp);
  }

  /** The command line's arguments that give {@code chosen} of {@code request}. */
  private static List<String> arguments(Setting<?> chosen, MintRequest request) {
    for (SettingRow<?> row : SettingRow.ALL) {
      if (row.key() == chosen) {
        return row.arguments(request);
      }
    }
    throw new IllegalArgumentException(chosen.name()); // every chosen setting has a row: a bug
  }
}
