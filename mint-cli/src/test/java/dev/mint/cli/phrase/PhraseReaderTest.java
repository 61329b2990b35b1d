package dev.mint.cli.phrase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.cli.MintCliTest;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseReaderTest {
  private static char[] read(byte[] bytes) {
    return PhraseReader.fromStream(new ByteArrayInputStream(bytes));
  }

  private static char[] read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dropsOnlyTheTrailingLineBreak() {
    assertArrayEquals("  two  words \t".toCharArray(), read("  two  words \t\n"));
    assertArrayEquals("crlf".toCharArray(), read("crlf\r\n"));
    assertArrayEquals("no newline".toCharArray(), read("no newline"));
    assertArrayEquals(new char[0], read("\n"));
    // any other CR is refused (CR-only line endings; docs/THREAT_MODEL.md, C30)
    for (String crs : new String[] {"inner\rcr\n", "cr at eof\r", "two cr\r\r\n"}) {
      CliException e = assertThrows(CliException.class, () -> read(crs));
      assertTrue(e.getMessage().contains("carriage return"), e.getMessage());
    }
  }

  @Test
  void readsOneLineAndNoFurther() throws IOException {
    InputStream in = new ByteArrayInputStream("first\nsecond\n".getBytes(StandardCharsets.UTF_8));
    assertArrayEquals("first".toCharArray(), PhraseReader.fromStream(in));
    assertEquals('s', in.read());
  }

  @Test
  void decodesUtf8IntoUtf16() {
    assertArrayEquals(
        "Stra\u00dfe \ud83d\udd11 \u3000x".toCharArray(),
        read("Stra\u00dfe \ud83d\udd11 \u3000x\n"));
  }

  @Test
  void takes4096BytesAndRefusesOneMore() {
    String max = "\u00e9".repeat(2048); // 2 bytes each
    assertArrayEquals(max.toCharArray(), read(max + "\n"));
    assertArrayEquals(max.toCharArray(), read(max + "\r\n"));
    assertArrayEquals(max.toCharArray(), read(max));
    for (String tooLong : new String[] {max + "x\n", max + "x", max + "\r", max + "xy\r\n"}) {
      CliException e = assertThrows(CliException.class, () -> read(tooLong));
      assertEquals(ExitCodes.INVALID_INPUT, e.exitCode());
    }
  }

  @Test
  void refusesMalformedUtf8() {
    for (byte[] bad :
        new byte[][] {
          {(byte) 0xff, '\n'},
          {'a', (byte) 0xc3},
          {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
          {(byte) 0xc0, (byte) 0xaf}
        }) {
      CliException e = assertThrows(CliException.class, () -> read(bad));
      assertEquals("phrase: standard input is not valid UTF-8", e.getMessage());
    }
  }

  @Test
  void noRefusalMessageContainsThePhrase() {
    String marker = MintCliTest.MARKER;
    byte[] notUtf8 = (marker + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
    for (byte[] input :
        new byte[][] {(marker.repeat(500) + "\n").getBytes(StandardCharsets.UTF_8), notUtf8}) {
      CliException e = assertThrows(CliException.class, () -> read(input));
      assertFalse(e.getMessage().contains(marker), e.getMessage());
      assertFalse(e.getMessage().contains("Zq7Wv9"), e.getMessage());
    }
  }

  @Test
  void emptyInputIsAnIoError() {
    CliException e = assertThrows(CliException.class, () -> read(new byte[0]));
    assertEquals(ExitCodes.IO, e.exitCode());
  }

  @Test
  void readErrorIsAnIoErrorWithoutItsMessage() {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("secret detail");
          }
        };
    CliException e = assertThrows(CliException.class, () -> PhraseReader.fromStream(failing));
    assertEquals(ExitCodes.IO, e.exitCode());
    assertEquals("cannot read standard input (input/output error)", e.getMessage());
  }

  @Test
  void environmentVariableMustBeSet() {
    assertArrayEquals("v".toCharArray(), PhraseReader.fromEnvironment(Map.of("X", "v")::get, "X"));
    CliException e =
        assertThrows(
            CliException.class,
            () -> PhraseReader.fromEnvironment(Map.<String, String>of()::get, "X"));
    assertEquals("phrase: environment variable X is not set", e.getMessage());
  }
}
