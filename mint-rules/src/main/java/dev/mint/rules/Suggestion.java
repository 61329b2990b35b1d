package dev.mint.rules;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * ComplyingShare#SAMPLES} pseudo-random byte strings (seeded by the site, so the choice is
 * repeatable) encoded by mint-core's own encoder.
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

    String impossible = CannotComply.anySetting(rules, site, revision, lo, hi);
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
                  + ComplyingShare.SAMPLES
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
              + SuggestionWords.range(rules)
              + "; the page makes 12 to 64");
    }
    int typedLength = typed.contains(Setting.LENGTH) ? now.length() : length;
    Candidate chosen = conflicts.isEmpty() ? best(rules, now, typedLength, typed) : null;
    if (chosen == null) {
      for (Setting<?> s : CHOOSES) {
        if (typed.contains(s) && s != Setting.LENGTH && differ(s, free.request, now)) {
          conflicts.add(
              SuggestionWords.word(s, now.get(s))
                  + " (typed) conflicts with "
                  + site
                  + "'s rules; without it mint would choose "
                  + SuggestionWords.word(s, free.request.get(s)));
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
        SuggestionWords.reasons(
            rules, site, revision, now, chosen.request, chosen.certain, chosen.share),
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
  public static Optional<String> versionCannotFix(
      PasswordRules rules, String site, MintRequest request) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(site, "site");
    return CannotComply.anyVersion(rules, site, request);
  }

  private static boolean differ(Setting<?> s, MintRequest a, MintRequest b) {
    return !a.get(s).equals(b.get(s));
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
        switch (ComplyingShare.feasibility(rules, s)) {
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
        double share = ComplyingShare.share(rules, s);
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

  private static Set<Setting<?>> changes(MintRequest now, MintRequest s) {
    Set<Setting<?>> changed = new HashSet<>();
    for (Setting<?> setting : CHOOSES) {
      if (differ(setting, now, s)) {
        changed.add(setting);
      }
    }
    return changed;
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
        out.append(", ").append(SuggestionWords.word(s, request.get(s)));
      }
    }
    return out + " " + reasons;
  }
}
