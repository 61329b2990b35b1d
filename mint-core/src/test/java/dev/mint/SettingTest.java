package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mint.conformance.Stages;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The settings vocabulary: {@link Setting}, {@link MintRequest#get}/{@code with}, the pools. */
class SettingTest {
  private static final MintRequest DEFAULTS = MintRequest.builder("github.com").build();

  /** A value other than the page's default for each setting, allowed with the other defaults. */
  private static final Map<Setting<?>, Object> OTHER =
      Map.of(
          Setting.REVISION, Revision.R1,
          Setting.VERSION, "7",
          Setting.LENGTH, 20,
          Setting.UPPER, false,
          Setting.LOWER, false,
          Setting.DIGITS, false,
          Setting.SYMBOLS, false,
          Setting.EXCLUDE_AMBIGUOUS, false,
          Setting.LEVEL, Level.HIGH);

  @Test
  void everySettingReadsWhatItsGetterReturns() {
    MintRequest r =
        MintRequest.builder("github.com")
            .revision(Revision.R2)
            .version("42")
            .length(31)
            .upper(false)
            .digits(false)
            .excludeAmbiguous(false)
            .level(Level.HIGH)
            .build();
    assertEquals(Revision.R2, r.get(Setting.REVISION));
    assertEquals("42", r.get(Setting.VERSION));
    assertEquals(31, r.get(Setting.LENGTH));
    assertEquals(false, r.get(Setting.UPPER));
    assertEquals(true, r.get(Setting.LOWER));
    assertEquals(false, r.get(Setting.DIGITS));
    assertEquals(true, r.get(Setting.SYMBOLS));
    assertEquals(false, r.get(Setting.EXCLUDE_AMBIGUOUS));
    assertEquals(Level.HIGH, r.get(Setting.LEVEL));
  }

  @Test
  void theListHoldsEverySettingOnceWithItsGettersName() {
    assertEquals(OTHER.keySet(), new HashSet<>(Setting.ALL));
    assertEquals(Setting.ALL.size(), new HashSet<>(Setting.ALL).size());
    Set<String> getters = new HashSet<>();
    for (java.lang.reflect.Method m : MintRequest.class.getDeclaredMethods()) {
      if (m.getParameterCount() == 0 && !m.getName().equals("site")) {
        getters.add(m.getName());
      }
    }
    for (Setting<?> setting : Setting.ALL) {
      assertEquals(true, getters.contains(setting.name()), setting.name());
      assertEquals(DEFAULTS.get(setting), setting.pageDefault(), setting.name());
    }
    assertEquals(
        List.of(Setting.UPPER, Setting.LOWER, Setting.DIGITS, Setting.SYMBOLS), Setting.CLASSES);
  }

  @Test
  void withChangesOneSettingAndKeepsTheOthers() {
    for (Setting<?> setting : Setting.ALL) {
      MintRequest changed = with(DEFAULTS, setting, OTHER.get(setting));
      assertEquals(OTHER.get(setting), changed.get(setting), setting.name());
      assertNotEquals(DEFAULTS, changed, setting.name());
      assertEquals(DEFAULTS.site(), changed.site());
      for (Setting<?> other : Setting.ALL) {
        if (other != setting) {
          assertEquals(DEFAULTS.get(other), changed.get(other), other + " after " + setting);
        }
      }
      assertEquals(changed, with(DEFAULTS.toBuilder(), setting, OTHER.get(setting)).build());
      assertEquals(changed.hashCode(), changed.toBuilder().build().hashCode());
    }
  }

  private static <T> MintRequest with(MintRequest r, Setting<T> setting, Object value) {
    return r.with(setting, setting.type().cast(value));
  }

  private static <T> MintRequest.Builder with(
      MintRequest.Builder b, Setting<T> setting, Object value) {
    return b.with(setting, setting.type().cast(value));
  }

  @Test
  void withChecksTheResultAsTheBuilderDoes() {
    assertRefused("length", () -> DEFAULTS.with(Setting.LENGTH, 11));
    assertRefused("length", () -> DEFAULTS.with(Setting.LENGTH, 65));
    assertRefused("version", () -> DEFAULTS.with(Setting.VERSION, "0"));
    assertRefused("length", () -> DEFAULTS.with(Setting.LENGTH, null));
    assertRefused("revision", () -> DEFAULTS.with(Setting.REVISION, null));
    assertRefused("setting", () -> DEFAULTS.with(null, 3));
    assertRefused("setting", () -> DEFAULTS.get(null));
    MintRequest onlyUpper =
        DEFAULTS
            .with(Setting.LOWER, false)
            .with(Setting.DIGITS, false)
            .with(Setting.SYMBOLS, false);
    assertRefused("classes", () -> onlyUpper.with(Setting.UPPER, false));
    // a builder may pass through a request that is not allowed on its way to one that is
    assertEquals(
        onlyUpper.with(Setting.LOWER, true).with(Setting.UPPER, false),
        onlyUpper.toBuilder().with(Setting.UPPER, false).with(Setting.LOWER, true).build());
  }

  private static void assertRefused(String field, org.junit.jupiter.api.function.Executable e) {
    assertEquals(field, assertThrows(InvalidInputException.class, e).field());
  }

  @Test
  void thePoolsAreTheSpecsPools() {
    String y1 = "!@#$%^&*()-_=+[]{}|;:,.<>?/";
    String y3 = "!@#$%*-_=+.?";
    for (Revision revision : Revision.values()) {
      String symbols = revision == Revision.R3 ? y3 : y1;
      assertEquals("ABCDEFGHIJKLMNOPQRSTUVWXYZ", revision.pool(Setting.UPPER, false));
      assertEquals("ABCDEFGHJKLMNPQRSTUVWXYZ", revision.pool(Setting.UPPER, true));
      assertEquals("abcdefghijklmnopqrstuvwxyz", revision.pool(Setting.LOWER, false));
      assertEquals("abcdefghijkmnopqrstuvwxyz", revision.pool(Setting.LOWER, true));
      assertEquals("0123456789", revision.pool(Setting.DIGITS, false));
      assertEquals("23456789", revision.pool(Setting.DIGITS, true));
      assertEquals(symbols, revision.pool(Setting.SYMBOLS, false));
      assertEquals(symbols, revision.pool(Setting.SYMBOLS, true));
      assertEquals(
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + symbols,
          revision.characters());
    }
    assertRefused("characterClass", () -> Revision.R3.pool(Setting.EXCLUDE_AMBIGUOUS, true));
  }

  @Test
  void eachPoolIsWhatTheEncoderDrawsForItsClassAlone() {
    Random random = new Random(1);
    byte[] derived = new byte[64];
    for (Revision revision : Revision.values()) {
      for (boolean x : new boolean[] {false, true}) {
        for (Setting<Boolean> cls : Setting.CLASSES) {
          MintRequest.Builder b =
              MintRequest.builder("pools.example")
                  .revision(revision)
                  .length(64)
                  .excludeAmbiguous(x);
          for (Setting<Boolean> other : Setting.CLASSES) {
            b.with(other, other == cls);
          }
          MintRequest request = b.build();
          TreeSet<Character> seen = new TreeSet<>();
          for (int i = 0; i < 200; i++) {
            random.nextBytes(derived);
            for (char c : Stages.encode(derived, request)) {
              seen.add(c);
            }
          }
          TreeSet<Character> pool = new TreeSet<>();
          for (char c : revision.pool(cls, x).toCharArray()) {
            pool.add(c);
          }
          assertEquals(pool, seen, revision + " " + cls + " exclude-ambiguous " + x);
        }
      }
    }
  }
}
