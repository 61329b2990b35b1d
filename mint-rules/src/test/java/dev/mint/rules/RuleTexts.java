package dev.mint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Rules texts generated from the grammar's pieces, well-formed and not: rule names right and wrong,
 * named classes in any case, custom classes with {@code -}, {@code ]}, {@code [}, {@code ,}, {@code
 * ;}, whitespace and non-ASCII characters, numbers including 0, stray separators.
 */
final class RuleTexts {
  private static final String[] NAMES = {
    "required",
    "allowed",
    "max-consecutive",
    "minlength",
    "maxlength",
    "Required",
    "min-length",
    "foo",
    "-",
    "allowed"
  };
  private static final String[] CLASSES = {
    "upper",
    "lower",
    "digit",
    "special",
    "ascii-printable",
    "unicode",
    "UPPER",
    "Digit",
    "letters",
    "-"
  };
  private static final String[] SPACE = {"", "", " ", "  ", "\t", "\n"};
  private static final String PIECES = "abcAZ09-]][ ,;!\"#$%&'()*+./:<=>?@\\^_`{|}~\u00e9\u0001\t";

  private RuleTexts() {}

  static List<String> generate(long seed, int count) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      texts.add(one(random));
    }
    return texts;
  }

  static String one(Random random) {
    StringBuilder text = new StringBuilder(pick(random, SPACE));
    int rules = random.nextInt(5);
    for (int r = 0; r < rules; r++) {
      String name = pick(random, NAMES);
      text.append(name);
      if (random.nextInt(20) != 0) {
        text.append(pick(random, SPACE).isEmpty() ? "" : " ".substring(random.nextInt(2)));
        text.append(':');
      }
      text.append(pick(random, SPACE));
      if (name.startsWith("max-") || name.endsWith("length") || random.nextInt(10) == 0) {
        int kind = random.nextInt(10);
        text.append(
            kind == 0
                ? "0"
                : kind == 1 ? "x" : kind == 2 ? "12 " : String.valueOf(random.nextInt(70)));
      } else {
        int values = random.nextInt(4);
        for (int v = 0; v < values; v++) {
          if (v > 0) {
            text.append(pick(random, SPACE)).append(',').append(pick(random, SPACE));
          }
          if (random.nextBoolean()) {
            text.append(pick(random, CLASSES));
          } else {
            text.append('[');
            int chars = random.nextInt(8);
            for (int c = 0; c < chars; c++) {
              text.append(PIECES.charAt(random.nextInt(PIECES.length())));
            }
            if (random.nextInt(8) != 0) {
              text.append(']');
            }
          }
        }
      }
      text.append(pick(random, SPACE));
      if (r < rules - 1 || random.nextBoolean()) {
        text.append(random.nextInt(25) == 0 ? "," : ";");
      }
      text.append(pick(random, SPACE));
    }
    return text.toString();
  }

  private static String pick(Random random, String[] from) {
    return from[random.nextInt(from.length)];
  }
}
