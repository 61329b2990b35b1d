package dev.mint.cli.command.site;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of text for a terminal: each column as wide as its widest cell, two spaces between
 * columns, the last column not padded, no trailing spaces.
 */
final class TextTable {
  private final List<List<String>> rows = new ArrayList<>();

  /** Adds a row (the first one added is the header). */
  TextTable add(List<String> row) {
    rows.add(List.copyOf(row));
    return this;
  }

  /** The lines of the table, without line breaks. */
  List<String> lines() {
    int columns = rows.isEmpty() ? 0 : rows.get(0).size();
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(
            i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }
}
