package dev.mint.rules;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Revision;
import dev.mint.Setting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Page settings for a site's rules, chosen among the page's own settings only (mint-only): a length
 * of 12 to 64 inside the rules' {@code minlength..maxlength}, the four classes and
 * exclude-ambiguous. The version, level and revision are never chosen. Immutable.
 *
 * <p>How {@link #suggest} chooses: the length stays when it already fits the rules, otherwise it is
 * the length closest to 16 that does (so never below 16 unless {@code maxlength} forces it). Then
 * among the 30 combinations of classes and exclude-ambiguous, leaving every typed setting as typed,
 * it prefers, in this order: combinations whose every password complies; combinations whose
 * passwords comply often (at least {@value #OFTEN_PERCENT}% of sampled ones); fewest changes from
 * the current settings; more passwords complying; more classes on. Whether a password of a
 * combination complies depends only on the 64 derived bytes, so the share is estimated from {@value
 * #SAMPLES} pseudo-random byte strings (seeded by the site, so the choice is repeatable) encoded by
 * mint-core's own encoder.
 */
public final class Suggestion {
  /** The kind of answer. */
  public enum Outcome {
    /** Settings are chosen ({@link #request()}, possibly the same as the current ones). */
    CHOSEN,
    /** Settings the user typed leave no setting the rules accept; nothing is chosen. */
    CONFLICT,
    /** No page setting can make a password the site accepts. */
    IMPOSSIBLE
  }

  /**
   * The settings a suggestion may change: the length, the four character classes and
   * exclude-ambiguous. The version, level and revision give another password, not one the rules
   * accept more often, and are never chosen.
   */
  public static final List<Setting<?>> CHOOSES =
      List.of(
          Setting.LENGTH,
          Setting.UPPER,
          Setting.LOWER,
          Setting.DIGITS,
          Setting.SYMBOLS,
          Setting.EXCLUDE_AMBIGUOUS);

  /** Each class's name in the reasons. */
  private static final Map<Setting<Boolean>, String> CLASS_NAMES =
      Map.of(
          Setting.UPPER, "uppercase letters",
          Setting.LOWER, "lowercase letters",
          Setting.DIGITS, "digits",
          Setting.SYMBOLS, "symbols");

  static final int SAMPLES = 256;
  static final int OFTEN_PERCENT = 20;

  private final Outcome outcome;
  private final MintRequest request;
  private final Set<Setting<?>> changed;
  private final List<String> reasons;
  private final double share;
  private final boolean certain;

  private Suggestion(
      Outcome outcome,
      MintRequest request,
      Set<Setting<?>> changed,
      List<String> reasons,
      double share,
      boolean certain) {
    this.certain = certain;
    this.outcome = outcome;
    this.request = request;
    this.changed = changed.isEmpty() ? Set.of() : Set.copyOf(changed);
    this.reasons = List.copyOf(reasons);
    this.share = share;
  }

  /**
   * Chooses settings for {@code rules}.
   *
   * @param rules the site's rules
   * @param site the site's name for the reasons
   * @param current the request as it stands (a stored entry's or the defaults); its revision sets
   *     the symbols
   * @param typed the settings the user typed explicitly: never changed, a conflict is reported;
   *     only those of {@link #CHOOSES} matter
   * @return the answer, with its reasons
   */
  public static Suggestion suggest(
      PasswordRules rules, String site, MintRequest current, Set<Setting<?>> typed) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(typed, "typed");
    Revision revision = current.revision();
    MintRequest now = current;
    int lo = Math.max(MintRequest.MIN_LENGTH, rules.minLength().orElse(0));
    int hi = Math.min(MintRequest.MAX_LENGTH, rules.maxLength().orElse(MintRequest.MAX_LENGTH));

    String impossible = impossible(rules, site, revision, lo, hi);
    if (impossible != null) {
      return new Suggestion(Outcome.IMPOSSIBLE, now, Set.of(), List.of(impossible), 0, false);
    }
    int length =
        now.length() >= lo && now.length() <= hi
            ? now.length()
            : Math.max(lo, Math.min(hi, MintRequest.DEFAULT_LENGTH));
    Candidate free = best(rules, now, length, Set.of());
    if (free == null) {
      return new Suggestion(
          Outcome.IMPOSSIBLE,
          now,
          Set.of(),
          List.of(
              "no page setting makes passwords "
                  + site
                  + " accepts: with every combination of classes, none of "
                  + SAMPLES
                  + " sampled passwords complied"),
          0,
          false);
    }
    List<String> conflicts = new ArrayList<>();
    if (typed.contains(Setting.LENGTH) && (now.length() < lo || now.length() > hi)) {
      conflicts.add(
          "length "
              + now.length()
              + " (typed): "
              + site
              + " allows "
              + range(rules)
              + "; the page makes 12 to 64");
    }
    int typedLength = typed.contains(Setting.LENGTH) ? now.length() : length;
    Candidate chosen = conflicts.isEmpty() ? best(rules, now, typedLength, typed) : null;
    if (chosen == null) {
      for (Setting<?> s : CHOOSES) {
        if (typed.contains(s) && s != Setting.LENGTH && differ(s, free.request, now)) {
          conflicts.add(
              word(s, now.get(s))
                  + " (typed) conflicts with "
                  + site
                  + "'s rules; without it mint would choose "
                  + word(s, free.request.get(s)));
        }
      }
      if (conflicts.isEmpty()) {
        conflicts.add("the settings you typed leave no page setting " + site + " accepts");
      }
      return new Suggestion(Outcome.CONFLICT, now, Set.of(), conflicts, 0, false);
    }
    return new Suggestion(
        Outcome.CHOSEN,
        chosen.request,
        changes(now, chosen.request),
        reasons(rules, site, revision, now, chosen),
        chosen.share,
        chosen.certain);
  }

  /**
   * Why no version of {@code request} can make a password {@code rules} accept, or empty when one
   * might: a version changes only the derived bytes, never how long the password is or which
   * characters its settings draw from, so a length outside the rules' bounds, a class whose every
   * character the rules refuse (the page puts one of each class on), or a required set none of the
   * classes on can give, breaks the rules at every version.
   *
   * @param rules the site's rules
   * @param site the site's name for the reason
   * @param request the settings of the password
   * @return the setting that breaks the rules at every version, in words; empty when a version
   *     search may find a password the rules accept
   */
  public static java.util.Optional<String> versionCannotFix(
      PasswordRules rules, String site, MintRequest request) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(site, "site");
    int length = request.length();
    if (rules.minLength().orElse(0) > length
        || rules.maxLength().orElse(Integer.MAX_VALUE) < length) {
      return java.util.Optional.of("length " + length + ": " + site + " allows " + range(rules));
    }
    Revision revision = request.revision();
    StringBuilder combined = new StringBuilder();
    for (Setting<Boolean> cls : Setting.CLASSES) {
      if (!request.get(cls)) {
        continue;
      }
      String pool = revision.pool(cls, request.excludeAmbiguous());
      if (!rules.allowed().containsAny(pool)) {
        String name = CLASS_NAMES.get(cls);
        return java.util.Optional.of(name + " on: " + site + " allows none of the page's " + name);
      }
      combined.append(pool);
    }
    for (CharSet required : rules.required()) {
      if (!required.isEmpty() && !required.containsAny(combined)) {
        return java.util.Optional.of(
            site + " requires one of " + required.describe() + ", which no class on gives");
      }
    }
    return java.util.Optional.empty();
  }

  private static String range(PasswordRules rules) {
    if (rules.minLength().isPresent() && rules.maxLength().isPresent()) {
      return rules.minLength().getAsInt() + " to " + rules.maxLength().getAsInt() + " characters";
    }
    if (rules.minLength().isPresent()) {
      return rules.minLength().getAsInt() + " or more characters";
    }
    if (rules.maxLength().isPresent()) {
      return "up to " + rules.maxLength().getAsInt() + " characters";
    }
    return "any length";
  }

  /** {@code exclude-ambiguous on}: a box as the reasons name it. */
  private static String word(Setting<?> s, Object on) {
    String name = s.name().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    return name + (Boolean.TRUE.equals(on) ? " on" : " off");
  }

  private static boolean differ(Setting<?> s, MintRequest a, MintRequest b) {
    return !a.get(s).equals(b.get(s));
  }

  /** Why no page setting can serve the site, or null when one might. */
  private static String impossible(
      PasswordRules rules, String site, Revision revision, int lo, int hi) {
    if (lo > hi) {
      if (rules.maxLength().isPresent() && rules.maxLength().getAsInt() < MintRequest.MIN_LENGTH) {
        return site
            + " allows at most "
            + rules.maxLength().getAsInt()
            + " characters; the page's shortest password has "
            + MintRequest.MIN_LENGTH;
      }
      if (rules.minLength().isPresent() && rules.minLength().getAsInt() > MintRequest.MAX_LENGTH) {
        return site
            + " asks for at least "
            + rules.minLength().getAsInt()
            + " characters; the page's longest password has "
            + MintRequest.MAX_LENGTH;
      }
      return site + "'s minlength is above its maxlength";
    }
    String all = revision.characters();
    for (CharSet required : rules.required()) {
      if (!required.isEmpty() && !required.containsAny(all)) {
        return site
            + " requires one of "
            + required.describe()
            + ", and the page ("
            + revision.id()
            + ") never puts any of them in a password";
      }
    }
    if (!rules.allowed().containsAny(all)) {
      return site + " allows only " + rules.allowed().describe() + ", which the page never uses";
    }
    return null;
  }

  private static final class Candidate {
    final MintRequest request;
    final boolean certain;
    final double share;
    final int changes;
    final int classes;

    Candidate(MintRequest request, boolean certain, double share, int changes, int classes) {
      this.request = request;
      this.certain = certain;
      this.share = share;
      this.changes = changes;
      this.classes = classes;
    }

    /** Negative when this is the better choice. */
    int compareTo(Candidate o) {
      if (certain != o.certain) {
        return certain ? -1 : 1;
      }
      boolean often = share * 100 >= OFTEN_PERCENT;
      if (often != o.share * 100 >= OFTEN_PERCENT) {
        return often ? -1 : 1;
      }
      if (changes != o.changes) {
        return Integer.compare(changes, o.changes);
      }
      if (share != o.share) {
        return Double.compare(o.share, share);
      }
      return Integer.compare(o.classes, classes);
    }
  }

  private static Candidate best(
      PasswordRules rules, MintRequest now, int length, Set<Setting<?>> typed) {
    List<Candidate> certain = new ArrayList<>();
    List<MintRequest> draws = new ArrayList<>();
    for (int x = 0; x < 2; x++) {
      for (int mask = 1; mask < 16; mask++) {
        MintRequest.Builder b = now.toBuilder().length(length).excludeAmbiguous(x == 1);
        for (int cls = 0; cls < Setting.CLASSES.size(); cls++) {
          b.with(Setting.CLASSES.get(cls), (mask & (1 << cls)) != 0);
        }
        MintRequest s = b.build();
        if (!keeps(s, now, typed)) {
          continue;
        }
        switch (feasibility(rules, s)) {
          case 2:
            certain.add(new Candidate(s, true, 1, changes(now, s).size(), Integer.bitCount(mask)));
            break;
          case 1:
            draws.add(s);
            break;
          default:
            break;
        }
      }
    }
    List<Candidate> pool = certain;
    if (certain.isEmpty()) {
      pool = new ArrayList<>();
      for (MintRequest s : draws) {
        double share = share(rules, s);
        if (share > 0) {
          pool.add(new Candidate(s, false, share, changes(now, s).size(), classes(s)));
        }
      }
    }
    Candidate best = null;
    for (Candidate c : pool) {
      if (best == null || c.compareTo(best) < 0) {
        best = c;
      }
    }
    return best;
  }

  private static int classes(MintRequest s) {
    int on = 0;
    for (Setting<Boolean> cls : Setting.CLASSES) {
      on += s.get(cls) ? 1 : 0;
    }
    return on;
  }

  private static boolean keeps(MintRequest s, MintRequest now, Set<Setting<?>> typed) {
    for (Setting<?> t : CHOOSES) {
      if (typed.contains(t) && t != Setting.LENGTH && differ(t, s, now)) {
        return false;
      }
    }
    return true;
  }

  /**
   * 2: every password of {@code s} complies (apart from the length, chosen apart); 1: some may; 0:
   * none can.
   */
  static int feasibility(PasswordRules rules, MintRequest s) {
    Revision revision = s.revision();
    CharSet allowed = rules.allowed();
    StringBuilder combined = new StringBuilder();
    boolean everyCharAllowed = true;
    for (Setting<Boolean> cls : Setting.CLASSES) {
      if (!s.get(cls)) {
        continue;
      }
      String pool = revision.pool(cls, s.excludeAmbiguous());
      if (!allowed.containsAny(pool)) {
        return 0; // the pool's guaranteed character is never allowed
      }
      everyCharAllowed &= allowed.containsAll(pool);
      combined.append(pool);
    }
    boolean everyRequiredHeld = true;
    for (CharSet required : rules.required()) {
      if (required.isEmpty()) {
        continue;
      }
      if (!required.containsAny(combined)) {
        return 0;
      }
      boolean guaranteed = false;
      for (Setting<Boolean> cls : Setting.CLASSES) {
        guaranteed |= s.get(cls) && required.containsAll(revision.pool(cls, s.excludeAmbiguous()));
      }
      everyRequiredHeld &= guaranteed;
    }
    boolean noRunLimit =
        rules.maxConsecutive().isEmpty() || rules.maxConsecutive().getAsInt() >= s.length();
    return everyCharAllowed && everyRequiredHeld && noRunLimit ? 2 : 1;
  }

  /** The share of {@link #SAMPLES} pseudo-random derived byte strings whose password complies. */
  static double share(PasswordRules rules, MintRequest request) {
    Random random = new Random(request.site().hashCode() * 31L + request.length());
    byte[] derived = new byte[64];
    int hits = 0;
    for (int i = 0; i < SAMPLES; i++) {
      random.nextBytes(derived);
      try (Password password = Mint.encode(request, derived)) {
        char[] chars = password.toCharArray();
        hits += Compliance.complies(chars, rules) ? 1 : 0;
        Arrays.fill(chars, '\0');
      }
    }
    return hits / (double) SAMPLES;
  }

  private static Set<Setting<?>> changes(MintRequest now, MintRequest s) {
    Set<Setting<?>> changed = new HashSet<>();
    for (Setting<?> setting : CHOOSES) {
      if (differ(setting, now, s)) {
        changed.add(setting);
      }
    }
    return changed;
  }

  private static List<String> reasons(
      PasswordRules rules, String site, Revision revision, MintRequest now, Candidate chosen) {
    MintRequest s = chosen.request;
    List<String> reasons = new ArrayList<>();
    String lengthWhy = site + " allows " + range(rules);
    if (s.length() == now.length()) {
      reasons.add("length " + s.length() + " kept: " + lengthWhy);
    } else if (s.length() < MintRequest.DEFAULT_LENGTH) {
      reasons.add(
          "length " + s.length() + ": " + lengthWhy + ", so the page's default 16 is too long");
    } else {
      reasons.add("length " + s.length() + ": " + lengthWhy + ", closest to the page's default 16");
    }
    CharSet allowed = rules.allowed();
    for (Setting<Boolean> cls : Setting.CLASSES) {
      String pool = revision.pool(cls, s.excludeAmbiguous());
      String name = CLASS_NAMES.get(cls);
      String missing = missing(allowed, pool);
      if (s.get(cls) && !now.get(cls)) {
        reasons.add(name + " on: " + site + " " + needs(rules, pool));
      } else if (!s.get(cls) && now.get(cls)) {
        reasons.add(
            name
                + " off: "
                + (missing.length() == pool.length()
                    ? site + " allows none of the page's " + name
                    : site + " does not allow " + missing + " of the page's " + name));
      } else if (s.get(cls) && !missing.isEmpty()) {
        reasons.add(
            name
                + " kept on although "
                + site
                + " does not allow "
                + missing
                + ": "
                + site
                + " "
                + needs(rules, pool));
      }
    }
    if (s.excludeAmbiguous() != now.excludeAmbiguous()) {
      reasons.add(
          "exclude-ambiguous "
              + (s.excludeAmbiguous() ? "on" : "off")
              + ": more of the page's passwords keep "
              + site
              + "'s rules with it");
    }
    if (chosen.certain) {
      reasons.add("every password with these settings keeps " + site + "'s rules");
    } else {
      reasons.add(
          "about "
              + Math.round(chosen.share * 100)
              + "% of passwords with these settings keep "
              + site
              + "'s rules (of "
              + SAMPLES
              + " sampled): a version search finds a version whose password does");
    }
    return reasons;
  }

  private static String needs(PasswordRules rules, String pool) {
    for (CharSet required : rules.required()) {
      if (!required.isEmpty() && required.containsAny(pool)) {
        return "requires one of " + required.describe();
      }
    }
    return "accepts more of the page's passwords with it";
  }

  private static String missing(CharSet allowed, String pool) {
    StringBuilder out = new StringBuilder();
    for (char c : pool.toCharArray()) {
      if (!allowed.contains(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The kind of answer.
   *
   * @return chosen, conflict or impossible
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The request with the chosen settings (site, version, level and revision those of the current
   * request); for a conflict or an impossible site, the current request unchanged.
   *
   * @return the request
   */
  public MintRequest request() {
    return request;
  }

  /**
   * The settings that differ from the current ones.
   *
   * @return the changed settings, empty when nothing changes
   */
  public Set<Setting<?>> changed() {
    return changed;
  }

  /**
   * What was chosen and why, one line each; for a conflict, each typed setting that conflicts; for
   * an impossible site, the reason.
   *
   * @return the reasons
   */
  public List<String> reasons() {
    return reasons;
  }

  /**
   * Whether every password of the chosen settings keeps the rules (no version search needed).
   *
   * @return true when compliance is certain
   */
  public boolean certain() {
    return outcome == Outcome.CHOSEN
        && share >= 1
        && reasons.get(reasons.size() - 1).startsWith("every");
  }

  /**
   * The estimated share of the chosen settings' passwords that keep the rules: 1 when certain.
   *
   * @return 0 to 1; 0 unless chosen
   */
  public double share() {
    return share;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(outcome + " length " + request.length());
    for (Setting<?> s : CHOOSES) {
      if (s != Setting.LENGTH) {
        out.append(", ").append(word(s, request.get(s)));
      }
    }
    return out + " " + reasons;
  }
}
