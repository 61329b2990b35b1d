package dev.mint.vectors;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.MintRequest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Random inputs for comparing the port with the JavaScript implementation, over the whole Unicode
 * range but weighted toward what is hard to get right: every JavaScript whitespace character and
 * its look-alikes, characters with special case mappings, final sigma in and out of context,
 * surrogate pairs and lone surrogates, long strings, URL shapes and every label and suffix of the
 * site rules. Cases are JSON lines for {@code test-vectors/js/mint-cli.mjs}.
 *
 * <p>The lists below are written from SPEC.md, apart from mint-core, so that a label missing in the
 * port's lists is still generated.
 */
final class DifferentialCases {
  /** The longest phrase mint accepts, in UTF-16 code units (SPEC.md; mint-core's Hardening). */
  static final int MAX_PHRASE_LENGTH = 4096;

  /** Every JavaScript whitespace character (trim and \s). */
  static final int[] JS_WHITESPACE = {
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
    0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF
  };

  /** Characters that look like whitespace, or are whitespace to Java, but not to JavaScript. */
  static final int[] NEAR_WHITESPACE = {
    0x00, 0x08, 0x0E, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F, 0x85, 0xAD, 0x034F, 0x115F, 0x1160, 0x180E,
    0x200B, 0x200C, 0x200D, 0x200E, 0x2060, 0x2061, 0x2800, 0x3164, 0xFE0F, 0xFFA0, 0xFFFD, 0xE0020
  };

  /** Case-ignorable characters and sigma's neighbours, for final sigma in and out of context. */
  static final int[] SIGMA_CONTEXT = {
    0x03A3, 0x03A3, 0x03A3, 0x03C3, 0x03C2, 0x0391, 0x039F, 0x03B1, 0x0345, 0x0027, 0x002E,
    0x003A, 0x005E, 0x0060, 0x00AD, 0x00B7, 0x02B0, 0x02BC, 0x0300, 0x0301, 0x0308, 0x0313,
    0x0387, 0x05F4, 0x1D2C, 0x1D62, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFF07, 0xFF0E, 0x1F3FB,
    0xE0001, 0x10400, 0x10428, 0x0041, 0x0061, 0x0031, 0x0020
  };

  /** Blocks rich in case pairs, old and new (several added after Unicode 13). */
  static final int[][] CASE_BLOCKS = {
    {0x0041, 0x024F},
    {0x0250, 0x02FF},
    {0x0370, 0x03FF},
    {0x0400, 0x052F},
    {0x0530, 0x058F},
    {0x10A0, 0x10FF},
    {0x13A0, 0x13FF},
    {0x1C80, 0x1CBF},
    {0x1D00, 0x1DBF},
    {0x1E00, 0x1FFF},
    {0x2100, 0x218F},
    {0x24B0, 0x24EF},
    {0x2C00, 0x2CFF},
    {0x2D00, 0x2D2F},
    {0xA640, 0xA69F},
    {0xA720, 0xA7FF},
    {0xAB30, 0xABBF},
    {0xFB00, 0xFB1F},
    {0xFF20, 0xFF5F},
    {0x10400, 0x1044F},
    {0x104B0, 0x104FF},
    {0x10570, 0x105BF},
    {0x10780, 0x107BF},
    {0x10C80, 0x10CFF},
    {0x10D40, 0x10D8F},
    {0x118A0, 0x118FF},
    {0x16E40, 0x16E9F},
    {0x16EA0, 0x16EDF},
    {0x1DF00, 0x1DFFF},
    {0x1E000, 0x1E08F},
    {0x1E900, 0x1E95F}
  };

  /**
   * Code points whose full case mapping is not one code point (SpecialCasing: ß, ligatures, ŉ, İ,
   * Greek with iota subscript...), found with the JDK's own mapping; new ones would be in {@link
   * #CASE_BLOCKS} anyway.
   */
  static final int[] SPECIAL_CASING =
      java.util.stream.IntStream.rangeClosed(0, 0x1FFFF)
          .filter(cp -> !Character.isSurrogate((char) cp) || cp > 0xFFFF)
          .filter(
              cp -> {
                String x = new String(Character.toChars(cp));
                return x.toUpperCase(Locale.ROOT)
                            .codePointCount(0, x.toUpperCase(Locale.ROOT).length())
                        > 1
                    || x.toLowerCase(Locale.ROOT)
                            .codePointCount(0, x.toLowerCase(Locale.ROOT).length())
                        > 1;
              })
          .toArray();

  static final String[] WORDS = {
    "correct",
    "Horse",
    "BATTERY",
    "staple",
    "Paris",
    "iPhone",
    "purchase",
    "straße",
    "İstanbul",
    "ΣΊΣΥΦΟΣ",
    "ΟΔΟΣ",
    "Мир",
    "ǅemal",
    "ﬁsh",
    "ŉ",
    "J̌",
    "ΐ",
    "ԵՒ",
    "և",
    "Ꝏ",
    "𐐀",
    "𐐨",
    "Ⰰ",
    "ꟀꟁꟂ",
    "𐕰",
    "𞤀",
    "tuesday",
    "2024",
    "hello-world",
    "don't",
    "ꞵ",
    "ǈ",
    "ᾼ",
    "ﬀ",
    "ﬓ",
    "Ǳ"
  };

  static final String[] SUB =
      ("www mail m app mobile login signin auth account accounts my portal secure api cdn static "
              + "assets media images img files docs help support")
          .split(" ");
  static final String[] SUFFIXES =
      (".co.uk .co.in .co.jp .co.nz .co.za .co.kr .com.au .com.br .com.mx .com.sg .com.hk .org.uk "
              + ".net.au .ac.uk .gov.uk .edu.au .com .org .net .edu .gov .io .co .app .dev .ai .me .tv "
              + ".info .biz .xyz .online .site .tech .store .shop .blog .cloud .pro .to .ly .gg .fm .cc "
              + ".ws .vc .la .link .live .world .space .fun .one .network .social .uk .us .ca .au .de "
              + ".fr .jp .cn .in .br .ru .it .es .nl .se .no .dk .fi .pl .be .at .ch .nz .ie .sg .hk "
              + ".kr .za .mx .ar .cl .pe .ve .my .ph .id .th .vn .tw .tr .ae .sa .eg .il")
          .split(" ");
  static final String[] NEAR_SUFFIXES = {
    ".comm",
    "com",
    ".c",
    ".co.",
    ".uk.",
    ".xn--p1ai",
    ".рф",
    ".ΣΣ",
    ".Com",
    ".CO.UK",
    ".co.uk.",
    ".local",
    ".",
    ".."
  };
  static final String[] PROTOCOLS = {
    "http://",
    "https://",
    "HTTP://",
    "Https://",
    "ftp://",
    "http:/",
    "//",
    "https:///",
    "mailto:",
    "http://www.",
    "https://WWW."
  };
  static final String[] VERSIONS = {
    "",
    "007",
    "0",
    "-1",
    "abc",
    "2.5",
    "1e2",
    " 3",
    "10000",
    "+5",
    "\u0663",
    "9999",
    "0001",
    "1 ",
    "\u00A012",
    "0x10",
    "Infinity"
  };

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
  private static final HexFormat HEX = HexFormat.of();

  private final RandomGenerator random;

  DifferentialCases(RandomGenerator random) {
    this.random = random;
  }

  /** One case as a JSON line. */
  String next(long id, String kind) {
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id);
    c.put("revision", "r" + (1 + random.nextInt(3)));
    c.put("kind", kind);
    ObjectNode input = c.putObject("input");
    String phrase = phrase();
    input.put("site", site());
    input.put("phrase", phrase);
    // The page's order of the phrase and version checks is not recorded: never both at once.
    input.put("version", phrase.isEmpty() ? "1" : version());
    int length =
        random.nextInt(4) == 0 ? pick(new int[] {12, 16, 17, 32, 33, 64}) : 12 + random.nextInt(53);
    input.put("length", length);
    int classes = 1 + random.nextInt(15);
    input.put("upper", (classes & 1) != 0);
    input.put("lower", (classes & 2) != 0);
    input.put("digits", (classes & 4) != 0);
    input.put("symbols", (classes & 8) != 0);
    input.put("excludeAmbiguous", random.nextBoolean());
    input.put("level", random.nextInt(kind.equals("e2e") ? 8 : 4) == 0 ? "high" : "standard");
    if (kind.equals("stage")) {
      byte[] derived = new byte[64];
      random.nextBytes(derived);
      c.put("derivedHex", HEX.formatHex(derived));
    }
    try {
      return JSON.writeValueAsString(c);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A master phrase, at most {@link #MAX_PHRASE_LENGTH} code units. */
  String phrase() {
    int shape = random.nextInt(100);
    if (shape < 2) {
      return "";
    }
    if (shape < 5) {
      return whitespaceRun(1 + random.nextInt(6));
    }
    if (shape < 10) {
      return anyText(1 + random.nextInt(40));
    }
    int maxLength = shape < 14 ? MAX_PHRASE_LENGTH : shape < 30 ? 300 : 60;
    StringBuilder b = new StringBuilder();
    if (random.nextInt(3) == 0) {
      b.append(whitespaceRun(1 + random.nextInt(3)));
    }
    int tokens = shape < 14 ? Integer.MAX_VALUE : 1 + random.nextInt(shape < 30 ? 40 : 7);
    for (int t = 0; t < tokens && b.length() < maxLength; t++) {
      if (t > 0) {
        b.append(random.nextInt(4) == 0 ? whitespaceRun(1 + random.nextInt(3)) : " ");
      }
      b.append(token());
    }
    if (random.nextInt(3) == 0) {
      b.append(whitespaceRun(1 + random.nextInt(3)));
    }
    return cutAt(b, maxLength);
  }

  /** A site: mostly URL-shaped, at most {@link MintRequest#MAX_SITE_LENGTH} code units. */
  String site() {
    int shape = random.nextInt(100);
    if (shape < 2) {
      return whitespaceRun(random.nextInt(3));
    }
    if (shape < 8) {
      return anyText(1 + random.nextInt(30));
    }
    StringBuilder b = new StringBuilder();
    if (random.nextInt(4) == 0) {
      b.append(whitespaceRun(1 + random.nextInt(2)));
    }
    if (random.nextInt(3) == 0) {
      b.append(pick(PROTOCOLS));
    }
    if (random.nextInt(10) == 0) {
      b.append(label()).append(random.nextBoolean() ? ":" + label() : "").append('@');
    }
    for (int n = random.nextInt(3); n > 0; n--) {
      b.append(random.nextInt(3) == 0 ? label() : pick(SUB)).append('.');
    }
    b.append(label());
    int suffixes = random.nextInt(4);
    for (int n = 0; n < suffixes; n++) {
      b.append(random.nextInt(8) == 0 ? pick(NEAR_SUFFIXES) : pick(SUFFIXES));
    }
    if (random.nextInt(6) == 0) {
      b.append(':').append(random.nextInt(70000));
    }
    if (random.nextInt(4) == 0) {
      b.append('/').append(label()).append(random.nextBoolean() ? "/" + label() : "");
    }
    if (random.nextInt(6) == 0) {
      b.append('?').append(label()).append('=').append(label());
    }
    if (random.nextInt(8) == 0) {
      b.append('#').append(label());
    }
    if (random.nextInt(4) == 0) {
      b.append(whitespaceRun(1 + random.nextInt(2)));
    }
    String site = b.toString();
    if (random.nextInt(3) == 0) {
      site = mixCase(site);
    }
    if (random.nextInt(100) == 0) {
      StringBuilder longSite = new StringBuilder(site);
      while (longSite.length() < MintRequest.MAX_SITE_LENGTH) {
        longSite.append('.').append(label());
      }
      site = cutAt(longSite, MintRequest.MAX_SITE_LENGTH);
    }
    return site;
  }

  String version() {
    int shape = random.nextInt(10);
    if (shape < 5) {
      return "1";
    }
    if (shape < 8) {
      return Integer.toString(1 + random.nextInt(9999));
    }
    return pick(VERSIONS);
  }

  private String token() {
    switch (random.nextInt(10)) {
      case 0:
      case 1:
      case 2:
        return random.nextBoolean() ? pick(WORDS) : mixCase(pick(WORDS));
      case 3:
        return sigmaWord();
      case 4:
        return caseBlockText(1 + random.nextInt(6));
      case 5:
        return surrogates(1 + random.nextInt(4));
      case 6:
        return codePoints(NEAR_WHITESPACE, 1 + random.nextInt(3)) + pick(WORDS);
      case 7:
        return anyText(1 + random.nextInt(5));
      case 8:
        return random.nextBoolean()
            ? asciiWord()
            : codePoints(SPECIAL_CASING, 1 + random.nextInt(4));
      default:
        return codePoints(SIGMA_CONTEXT, 1 + random.nextInt(6));
    }
  }

  private String label() {
    switch (random.nextInt(8)) {
      case 0:
        return pick(WORDS);
      case 1:
        return sigmaWord();
      case 2:
        return caseBlockText(1 + random.nextInt(5));
      case 3:
        return anyText(1 + random.nextInt(3));
      case 4:
        return asciiWord() + codePoints(SPECIAL_CASING, 1);
      default:
        return asciiWord();
    }
  }

  /** Σ with letters and case-ignorables around it: final, not final, and in between. */
  private String sigmaWord() {
    StringBuilder b = new StringBuilder();
    if (random.nextBoolean()) {
      b.append(caseBlockText(random.nextInt(3)));
    }
    b.append(codePoints(SIGMA_CONTEXT, random.nextInt(3)));
    b.append('\u03A3');
    b.append(codePoints(SIGMA_CONTEXT, random.nextInt(3)));
    if (random.nextBoolean()) {
      b.append(caseBlockText(random.nextInt(3)));
    }
    return b.toString();
  }

  private String asciiWord() {
    StringBuilder b = new StringBuilder();
    for (int n = 1 + random.nextInt(10); n > 0; n--) {
      int r = random.nextInt(40);
      b.append(r < 26 ? (char) ('a' + r) : r < 36 ? (char) ('0' + r - 26) : "-_'.".charAt(r - 36));
    }
    return b.toString();
  }

  private String whitespaceRun(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.appendCodePoint(random.nextInt(5) == 0 ? pick(NEAR_WHITESPACE) : pick(JS_WHITESPACE));
    }
    return b.toString();
  }

  private String caseBlockText(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int[] block = CASE_BLOCKS[random.nextInt(CASE_BLOCKS.length)];
      b.appendCodePoint(block[0] + random.nextInt(block[1] - block[0] + 1));
    }
    return b.toString();
  }

  /** Pairs, lone high and low surrogates, and reversed pairs. */
  private String surrogates(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(4)) {
        case 0:
          b.appendCodePoint(0x10000 + random.nextInt(0x100000));
          break;
        case 1:
          b.append((char) (0xD800 + random.nextInt(0x400)));
          break;
        case 2:
          b.append((char) (0xDC00 + random.nextInt(0x400)));
          break;
        default:
          b.append((char) (0xDC00 + random.nextInt(0x400)))
              .append((char) (0xD800 + random.nextInt(0x400)));
      }
    }
    return b.toString();
  }

  /** Any code units: code points from the whole range, lone surrogates included. */
  private String anyText(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int r = random.nextInt(4);
      if (r == 0) {
        b.append((char) random.nextInt(0x10000));
      } else if (r == 1) {
        b.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
      } else if (r == 2) {
        b.appendCodePoint(random.nextInt(0x3000));
      } else {
        b.append(token0());
      }
    }
    return b.toString();
  }

  private String token0() {
    return random.nextBoolean() ? codePoints(SIGMA_CONTEXT, 1) : codePoints(JS_WHITESPACE, 1);
  }

  private String codePoints(int[] from, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.appendCodePoint(pick(from));
    }
    return b.toString();
  }

  /** Some characters upper-cased, some lower-cased (by the JDK: only the input's shape matters). */
  private String mixCase(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints()
        .forEach(
            cp -> {
              int r = random.nextInt(3);
              b.appendCodePoint(
                  r == 0 ? Character.toUpperCase(cp) : r == 1 ? Character.toLowerCase(cp) : cp);
            });
    return b.toString();
  }

  private static String cutAt(StringBuilder b, int max) {
    return b.length() <= max ? b.toString() : b.substring(0, max);
  }

  private int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  static List<String> batch(RandomGenerator random, long firstId, int count, String kind) {
    DifferentialCases cases = new DifferentialCases(random);
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(cases.next(firstId + i, kind));
    }
    return lines;
  }

  static String describeSeed(long seed) {
    return String.format(Locale.ROOT, "-Dmint.diff.seed=%d", seed);
  }
}
