package dev.mint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The PGP word list of Juola and Zimmermann (1995), read from the resource {@code pgp-words.txt}
 * next to this class, whose header says where the copy came from. Two lists of 256 words: the even
 * list (two syllables) and the odd list (three syllables).
 */
public final class PgpWords {
  private static final String RESOURCE = "pgp-words.txt";
  private static final String[] EVEN = new String[256];
  private static final String[] ODD = new String[256];
  private static final Map<String, Integer> EVEN_INDEX = new HashMap<>();
  private static final Map<String, Integer> ODD_INDEX = new HashMap<>();

  static {
    load();
  }

  private PgpWords() {}

  /** The even-list word for {@code b} (0 to 255), as published. */
  public static String even(int b) {
    return EVEN[b];
  }

  /** The odd-list word for {@code b} (0 to 255), as published. */
  public static String odd(int b) {
    return ODD[b];
  }

  /** The byte of an even-list word, in any letter case; -1 when it is not one. */
  public static int evenByte(String word) {
    return EVEN_INDEX.getOrDefault(word.toLowerCase(Locale.ROOT), -1);
  }

  /** The byte of an odd-list word, in any letter case; -1 when it is not one. */
  public static int oddByte(String word) {
    return ODD_INDEX.getOrDefault(word.toLowerCase(Locale.ROOT), -1);
  }

  private static void load() {
    String text;
    try (InputStream in = PgpWords.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing from mint-core");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resource " + RESOURCE, e);
    }
    int count = 0;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] fields = trimmed.split(" +");
      int b = fields.length == 3 ? Integer.parseInt(fields[0], 16) : -1;
      if (b != count) {
        throw new IllegalStateException(RESOURCE + ": line for byte " + count + " is malformed");
      }
      EVEN[b] = fields[1];
      ODD[b] = fields[2];
      if (EVEN_INDEX.put(fields[1].toLowerCase(Locale.ROOT), b) != null
          || ODD_INDEX.put(fields[2].toLowerCase(Locale.ROOT), b) != null) {
        throw new IllegalStateException(RESOURCE + ": a word appears twice");
      }
      count++;
    }
    if (count != 256) {
      throw new IllegalStateException(RESOURCE + ": " + count + " lines, not 256");
    }
  }
}
