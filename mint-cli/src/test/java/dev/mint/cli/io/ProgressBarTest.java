package dev.mint.cli.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void drawsInPlaceWithAFixedWidth() {
    assertEquals(
        "\r[..............................]    0/9360 rows   0%",
        ProgressBar.render(0, 9360, "rows"));
    assertEquals(
        "\r[###############...............] 4680/9360 rows  50%",
        ProgressBar.render(4680, 9360, "rows"));
    assertEquals(
        "\r[##############################] 9360/9360 rows 100%",
        ProgressBar.render(9360, 9360, "rows"));
    assertEquals(
        ProgressBar.render(1, 9360, "rows").length(),
        ProgressBar.render(9360, 9360, "rows").length());
    assertEquals(
        "\r[##############################] 0/0 rows 100%", ProgressBar.render(0, 0, "rows"));
  }

  @Test
  void clearBlanksTheWholeBar() {
    String clear = ProgressBar.clear(9360, "rows");
    assertEquals(ProgressBar.render(9360, 9360, "rows").length() + 1, clear.length());
    assertTrue(clear.startsWith("\r") && clear.endsWith("\r"));
    assertTrue(clear.substring(1, clear.length() - 1).isBlank());
  }

  @Test
  void terminalDevices() {
    assertTrue(Terminals.isTerminalDevice("/dev/pts/3"));
    assertTrue(Terminals.isTerminalDevice("/dev/tty1"));
    assertFalse(Terminals.isTerminalDevice("pipe:[12345]"));
    assertFalse(Terminals.isTerminalDevice("/tmp/log.txt"));
    assertFalse(Terminals.isTerminalDevice("/dev/null"));
  }
}
