package dev.mint.internal;

import dev.mint.Revision;
import java.util.List;

/**
 * How one revision of the page turns the site field into the site part of the salt.
 *
 * <p>Every revision lowercases the trimmed field and drops an {@code http://} or {@code https://}
 * prefix; the three rules then differ only in data: which leading labels they strip, which
 * characters trigger the cut, which suffixes they remove and whether an empty result falls back to
 * the lowercased field. SPEC.md section 3.
 */
final class SiteRule {
  private static final List<String> SUB =
      List.of(
          "www",
          "mail",
          "m",
          "app",
          "mobile",
          "login",
          "signin",
          "auth",
          "account",
          "accounts",
          "my",
          "portal",
          "secure",
          "api",
          "cdn",
          "static",
          "assets",
          "media",
          "images",
          "img",
          "files",
          "docs",
          "help",
          "support");

  private static final List<String> COMPOUND =
      List.of(
          ".co.uk", ".co.in", ".co.jp", ".co.nz", ".co.za", ".co.kr", ".com.au", ".com.br",
          ".com.mx", ".com.sg", ".com.hk", ".org.uk", ".net.au", ".ac.uk", ".gov.uk", ".edu.au");

  private static final List<String> COMMON_R2 =
      List.of(
          ".com", ".org", ".net", ".edu", ".gov", ".io", ".co", ".app", ".dev", ".ai", ".me", ".tv",
          ".info", ".biz", ".xyz", ".online", ".site", ".tech", ".store", ".shop", ".blog",
          ".cloud", ".pro");

  private static final List<String> COMMON_R3_EXTRA =
      List.of(
          ".to",
          ".ly",
          ".gg",
          ".fm",
          ".cc",
          ".ws",
          ".vc",
          ".la",
          ".link",
          ".live",
          ".world",
          ".space",
          ".fun",
          ".one",
          ".network",
          ".social");

  private static final List<String> COUNTRY_R2 =
      List.of(
          ".uk", ".us", ".ca", ".au", ".de", ".fr", ".jp", ".cn", ".in", ".br", ".ru", ".it", ".es",
          ".nl", ".se", ".no", ".dk", ".fi", ".pl", ".be", ".at", ".ch", ".nz", ".ie", ".sg", ".hk",
          ".kr");

  private static final List<String> COUNTRY_R3_EXTRA =
      List.of(
          ".za", ".mx", ".ar", ".cl", ".pe", ".co", ".ve", ".my", ".ph", ".id", ".th", ".vn", ".tw",
          ".tr", ".ae", ".sa", ".eg", ".il");

  /** r1: strip {@code www.}; cut when the site holds {@code .} or {@code /}. */
  static final SiteRule S1 = new SiteRule(List.of("www"), "./", List.of(), List.of(), false);

  /** r2: strip {@code www.}; cut on {@code / ? # :}; drop one compound and one single suffix. */
  static final SiteRule S2 =
      new SiteRule(List.of("www"), "/?#:", COMPOUND, concat(COMMON_R2, COUNTRY_R2), false);

  /** r3: as r2 with a longer label list and suffix lists, and a fallback when nothing is left. */
  static final SiteRule S3 =
      new SiteRule(
          SUB,
          "/?#:",
          COMPOUND,
          concat(concat(COMMON_R2, COMMON_R3_EXTRA), concat(COUNTRY_R2, COUNTRY_R3_EXTRA)),
          true);

  /**
   * The rule of {@code revision}'s page. A switch expression without a default: a new revision does
   * not compile until it has its rule.
   */
  static SiteRule of(Revision revision) {
    return switch (revision) {
      case R1 -> S1;
      case R2 -> S2;
      case R3 -> S3;
    };
  }

  private final List<String> leadingLabels;
  private final String cutTriggers;
  private final List<String> compoundSuffixes;
  private final List<String> singleSuffixes;
  private final boolean emptyFallsBackToOriginal;

  private SiteRule(
      List<String> leadingLabels,
      String cutTriggers,
      List<String> compoundSuffixes,
      List<String> singleSuffixes,
      boolean emptyFallsBackToOriginal) {
    this.leadingLabels = leadingLabels;
    this.cutTriggers = cutTriggers;
    this.compoundSuffixes = compoundSuffixes;
    this.singleSuffixes = singleSuffixes;
    this.emptyFallsBackToOriginal = emptyFallsBackToOriginal;
  }

  String normalize(String site) {
    String original = Js.toLowerCase(Js.trim(site));
    String s = stripProtocol(original);
    s = stripOneLeadingLabel(s);
    if (containsAny(s, cutTriggers)) {
      s = cut(s);
    }
    s = stripFirstSuffix(s, compoundSuffixes);
    if (s.indexOf('.') >= 0) {
      s = stripFirstSuffix(s, singleSuffixes);
    }
    if (s.isEmpty() && emptyFallsBackToOriginal) {
      return original;
    }
    return s;
  }

  private static String stripProtocol(String s) {
    if (s.startsWith("http://")) {
      return s.substring("http://".length());
    }
    if (s.startsWith("https://")) {
      return s.substring("https://".length());
    }
    return s;
  }

  private String stripOneLeadingLabel(String s) {
    for (String label : leadingLabels) {
      if (s.startsWith(label + ".")) {
        return s.substring(label.length() + 1);
      }
    }
    return s;
  }

  /**
   * Keeps what stands before the first {@code /}, then {@code ?}, then {@code #}, then {@code :}.
   */
  private static String cut(String s) {
    for (char stop : new char[] {'/', '?', '#', ':'}) {
      int at = s.indexOf(stop);
      if (at >= 0) {
        s = s.substring(0, at);
      }
    }
    return s;
  }

  private static String stripFirstSuffix(String s, List<String> suffixes) {
    for (String suffix : suffixes) {
      if (s.endsWith(suffix)) {
        return s.substring(0, s.length() - suffix.length());
      }
    }
    return s;
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (s.indexOf(chars.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new java.util.ArrayList<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
