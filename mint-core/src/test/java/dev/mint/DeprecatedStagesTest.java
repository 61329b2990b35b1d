package dev.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code dev.mint.Stages}, the stages' old name, still works as the README once showed it: each
 * method gives what {@code dev.mint.conformance.Stages} gives, and it has the same public methods.
 */
@SuppressWarnings("deprecation")
class DeprecatedStagesTest {
  private static final char[] PHRASE = "my iphone purchase".toCharArray();

  @Test
  void eachOldMethodGivesTheConformanceStagesResult() {
    MintRequest request = MintRequest.builder("https://www.github.com/login").build();
    String site = Stages.normalizeSite(request.site(), Revision.R3);
    assertEquals(dev.mint.conformance.Stages.normalizeSite(request.site(), Revision.R3), site);
    assertEquals("github", site);
    String salt = Stages.salt(site, "1");
    assertEquals(dev.mint.conformance.Stages.salt(site, "1"), salt);
    assertEquals(Stages.SALT_PREFIX + "github::1", salt);
    assertEquals(dev.mint.conformance.Stages.SALT_PREFIX, Stages.SALT_PREFIX);
    byte[] hardened = Stages.hardenPhrase(PHRASE);
    assertArrayEquals(dev.mint.conformance.Stages.hardenPhrase(PHRASE), hardened);
    byte[] derived = Stages.derive(hardened, salt, Level.STANDARD, Pbkdf2Engine.fastSequential());
    assertArrayEquals(
        dev.mint.conformance.Stages.derive(
            hardened, salt, Level.STANDARD, Pbkdf2Engine.fastSequential()),
        derived);
    char[] password = Stages.encode(derived, request);
    assertArrayEquals(dev.mint.conformance.Stages.encode(derived, request), password);
    try (Password minted = Mint.derive(request, PHRASE)) {
      assertArrayEquals(minted.toCharArray(), password);
    }
    assertEquals(
        "site",
        assertThrows(InvalidInputException.class, () -> Stages.normalizeSite(" ", null)).field());
  }

  @Test
  void theOldNameHasTheSamePublicMethodsAndIsDeprecated() {
    assertEquals(publicMethods(dev.mint.conformance.Stages.class), publicMethods(Stages.class));
    assertTrue(Stages.class.isAnnotationPresent(Deprecated.class));
  }

  private static Set<String> publicMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()))
        .map(DeprecatedStagesTest::signature)
        .collect(Collectors.toSet());
  }

  private static String signature(Method m) {
    return m.getReturnType().getName() + " " + m.getName() + Arrays.toString(m.getParameterTypes());
  }
}
