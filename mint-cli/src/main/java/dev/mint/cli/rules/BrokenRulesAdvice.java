package dev.mint.cli.rules;

import static dev.mint.cli.rules.SiteRulesAdvice.say;

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
 * What mint says, on standard error, about a derived password that breaks its site's known rules
 * (mint-only): the rules it breaks, the settings and version that comply, or for a new entry the
 * complying version itself. Nothing for a password that keeps the rules or a site without any.
 * Never prints a password or one of its characters: a broken rule is named without the character
 * that breaks it.
 */
public final class BrokenRulesAdvice {
  private BrokenRulesAdvice() {}

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
   * @param signUp for an entry created in this run (the user has never seen its password): instead
   *     of advising, the smallest complying version at or above the request's is searched (the same
   *     search) and, when found, given to {@code signUp} (the caller stores that version) and its
   *     password returned; where no version can help, the advice as for an existing entry. Null for
   *     an entry that exists already (never moved silently: its password may be in use)
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
            + SiteRulesAdvice.through(found.get(), request.site()).map(t -> ", " + t).orElse("")
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

  /**
   * What to do about a password that breaks the rules: the settings {@code site set} would choose
   * ({@link SiteRulesAdvice#choose}, the same choice), and a version search only where a version
   * can help. When the settings themselves break the rules at every version ({@link
   * Suggestion#versionCannotFix}), that is said at once with the settings that fix it; when no page
   * setting can serve the site, that is said and no command is printed ({@code site set} would
   * refuse the site). The command printed spells out every setting that differs from the entry it
   * changes.
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
    Suggestion choice = SiteRulesAdvice.choose(rules, request, typed);
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
