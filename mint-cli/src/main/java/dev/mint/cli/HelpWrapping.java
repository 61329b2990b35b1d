package dev.mint.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help text wrapped between words only. picocli wraps at every place {@link
 * java.text.BreakIterator#getLineInstance()} allows, which includes the inside of a URL or a
 * hyphenated word ({@code https://SITE/.} then {@code well-known/change-password} on the next
 * line), and offers no setting for it. Each help section is rendered by picocli as usual and then
 * repaired: where a line ends inside a word of the command's own text (the two pieces are one word
 * there, never two), the piece at the end of the line moves down to join the rest of its word, and
 * what no longer fits moves on down, breaking at spaces only.
 */
final class HelpWrapping {
  private HelpWrapping() {}

  /** Wraps every help section of {@code cli} (not its subcommands) with the repair. */
  static void install(CommandLine cli) {
    Map<String, IHelpSectionRenderer> repaired = new LinkedHashMap<>();
    cli.getHelpSectionMap()
        .forEach(
            (key, renderer) ->
                repaired.put(
                    key,
                    help ->
                        repair(
                            renderer.render(help),
                            sourceText(help.commandSpec()),
                            help.commandSpec().usageMessage().width())));
    cli.setHelpSectionMap(repaired);
  }

  /** The command's own words, as written: descriptions, headers, exit codes, one space apart. */
  static String sourceText(CommandSpec spec) {
    List<String> texts = new ArrayList<>();
    texts.addAll(Arrays.asList(spec.usageMessage().header()));
    texts.addAll(Arrays.asList(spec.usageMessage().description()));
    texts.addAll(Arrays.asList(spec.usageMessage().footer()));
    texts.addAll(spec.usageMessage().exitCodeList().values());
    for (ArgSpec arg : spec.args()) {
      texts.addAll(Arrays.asList(arg.description()));
    }
    for (CommandLine sub : spec.subcommands().values()) {
      texts.addAll(Arrays.asList(sub.getCommandSpec().usageMessage().header()));
      texts.addAll(Arrays.asList(sub.getCommandSpec().usageMessage().description()));
    }
    return String.join(" ", texts).replaceAll("\\s+", " ");
  }

  /**
   * {@code text} (lines of at most {@code width} characters) with every line that ends inside a
   * word of {@code source} mended: the word's piece moves to the next line, whose overflow moves on
   * down at spaces.
   */
  static String repair(String text, String source, int width) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    for (int i = 0; i + 1 < lines.size(); i++) {
      String above = lines.get(i);
      String below = lines.get(i + 1);
      if (above.isBlank() || below.isBlank()) {
        continue;
      }
      int lastSpace = above.lastIndexOf(' ');
      String piece = above.substring(lastSpace + 1);
      int indent = indent(below);
      String rest = below.substring(indent);
      String next = rest.split(" ", 2)[0];
      if (lastSpace < 0
          || above.substring(0, lastSpace).isBlank()
          || !source.contains(piece + next)
          || source.contains(piece + " " + next)) {
        continue; // broken at a space, or a word longer than its column
      }
      lines.set(i, above.substring(0, lastSpace).stripTrailing());
      lines.set(i + 1, " ".repeat(indent) + piece + rest);
      overflow(lines, i + 1, width);
    }
    return String.join("\n", lines);
  }

  /** Moves the words of line {@code j} past {@code width} onto the line below, and so on. */
  private static void overflow(List<String> lines, int j, int width) {
    while (j < lines.size() && lines.get(j).length() > width) {
      String line = lines.get(j);
      int indent = indent(line);
      int cut = line.lastIndexOf(' ', width);
      if (cut <= indent) {
        return; // one word longer than the column: left as it is
      }
      String moved = line.substring(cut + 1);
      lines.set(j, line.substring(0, cut).stripTrailing());
      boolean continues =
          j + 1 < lines.size() && !lines.get(j + 1).isBlank() && indent(lines.get(j + 1)) == indent;
      if (continues) {
        lines.set(j + 1, " ".repeat(indent) + moved + " " + lines.get(j + 1).substring(indent));
      } else {
        lines.add(j + 1, " ".repeat(indent) + moved);
      }
      j++;
    }
  }

  private static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
