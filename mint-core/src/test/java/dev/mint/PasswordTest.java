package dev.mint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordTest {

  @Test
  void closeWipesAndToStringNeverShowsTheCharacters() {
    char[] chars = "Secret-Pass-123!".toCharArray();
    Password password = new Password(chars);
    assertFalse(password.isWiped());
    assertEquals("Password[16 characters]", password.toString());
    assertFalse(password.toString().contains("Secret"));
    assertArrayEquals("Secret-Pass-123!".toCharArray(), password.toCharArray());
    password.close();
    assertTrue(password.isWiped());
    assertEquals("Password[wiped]", password.toString());
    assertArrayEquals(new char[16], chars);
    assertThrows(IllegalStateException.class, password::toCharArray);
  }
}
