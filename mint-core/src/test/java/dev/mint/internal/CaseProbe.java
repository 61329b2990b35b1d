package dev.mint.internal;

/**
 * The port's answer for one code point in the format of {@code test-vectors/js/case-probe.mjs}: its
 * lower and upper case, and lower case with it before and after a Σ (the final-sigma decision), as
 * UTF-16 units. Shared by the comparison with node and the digest of node's recorded answer.
 */
final class CaseProbe {
  private static final String SIGMA = "\u03A3";

  private CaseProbe() {}

  /**
   * The line case-probe.mjs prints for {@code cp} (without its line end), or null when {@code cp}
   * is plain: its own lower and upper case, and a Σ around it that ends a word where it should.
   */
  static String line(int cp) {
    String x = new String(Character.toChars(cp));
    String lower = CaseMapping.toLowerCase(x);
    String upper = CaseMapping.toUpperCase(x);
    String p1 = CaseMapping.toLowerCase(x + SIGMA);
    String p2 = CaseMapping.toLowerCase("A" + x + SIGMA);
    String p3 = CaseMapping.toLowerCase("A" + SIGMA + x);
    String p4 = CaseMapping.toLowerCase("A" + SIGMA + x + "a");
    boolean plain =
        lower.equals(x)
            && upper.equals(x)
            && p1.equals(x + "\u03C3")
            && p2.equals("a" + x + "\u03C3")
            && p3.equals("a\u03C2" + x)
            && p4.equals("a\u03C2" + x + "a");
    if (plain) {
      return null;
    }
    return Integer.toHexString(cp)
        + " "
        + String.join(" ", units(lower), units(upper), units(p1), units(p2), units(p3), units(p4));
  }

  private static String units(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i > 0) {
        b.append('.');
      }
      b.append(Integer.toHexString(s.charAt(i)));
    }
    return b.toString();
  }
}
