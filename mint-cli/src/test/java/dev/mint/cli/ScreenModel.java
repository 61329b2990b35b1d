package dev.mint.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a terminal of {@code rows} x {@code columns} shows after a transcript, and what scrolled off
 * its top into the scrollback: the few codes a line-based program sends (carriage return, line
 * feed, backspace, cursor up {@code ESC [ N A}, clear to the end of the screen {@code ESC [ J} and
 * of the line {@code ESC [ K}), with the deferred wrap of xterm at the last column. Any other
 * escape sequence is skipped. A test asks it whether a password written and then erased stays
 * anywhere a person could scroll back to.
 */
final class ScreenModel {
  private final int rows;
  private final int columns;
  private final List<StringBuilder> screen = new ArrayList<>();
  private final List<String> scrollback = new ArrayList<>();
  private int row;
  private int column;

  ScreenModel(int rows, int columns) {
    this.rows = rows;
    this.columns = columns;
    for (int i = 0; i < rows; i++) {
      screen.add(new StringBuilder());
    }
  }

  /** The terminal after {@code transcript}. */
  static ScreenModel of(String transcript, int rows, int columns) {
    ScreenModel model = new ScreenModel(rows, columns);
    model.feed(transcript);
    return model;
  }

  void feed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u001b' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
        int end = i + 2;
        while (end < text.length() && !Character.isLetter(text.charAt(end))) {
          end++;
        }
        if (end < text.length()) {
          csi(text.substring(i + 2, end), text.charAt(end));
        }
        i = end;
      } else if (c == '\u001b') {
        i++; // a two-character escape (ESC 7, ESC 8, ...): no effect on what is shown here
      } else if (c == '\r') {
        column = 0;
      } else if (c == '\n') {
        lineFeed();
      } else if (c == '\b') {
        column = Math.max(0, column - 1);
      } else if (c >= ' ' && c != 0x7f) {
        put(c);
      }
    }
  }

  private void csi(String parameters, char command) {
    int n =
        parameters.isEmpty() || !parameters.matches("[0-9]+") ? 1 : Integer.parseInt(parameters);
    switch (command) {
      case 'A' -> row = Math.max(0, row - n);
      case 'J' -> {
        line(row).setLength(Math.min(column, line(row).length()));
        for (int r = row + 1; r < rows; r++) {
          line(r).setLength(0);
        }
      }
      case 'K' -> line(row).setLength(Math.min(column, line(row).length()));
      default -> {
        // colours, cursor keys' modes: nothing shown changes
      }
    }
  }

  private void put(char c) {
    if (column >= columns) { // the deferred wrap
      column = 0;
      lineFeed();
    }
    StringBuilder line = line(row);
    while (line.length() < column) {
      line.append(' ');
    }
    if (column < line.length()) {
      line.setCharAt(column, c);
    } else {
      line.append(c);
    }
    column++;
  }

  private void lineFeed() {
    if (row == rows - 1) {
      scrollback.add(screen.remove(0).toString());
      screen.add(new StringBuilder());
    } else {
      row++;
    }
  }

  private StringBuilder line(int r) {
    return screen.get(r);
  }

  /** The rows shown now, trailing blanks trimmed. */
  List<String> shown() {
    List<String> shown = new ArrayList<>();
    for (StringBuilder line : screen) {
      shown.add(line.toString().stripTrailing());
    }
    return shown;
  }

  /** Everything a person could read: the scrollback, then the screen. */
  String everything() {
    List<String> all = new ArrayList<>(scrollback);
    all.addAll(shown());
    return String.join("\n", all);
  }
}
