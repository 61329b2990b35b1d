package dev.mint.cli.usage;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The one way mint suggests a name for a mistyped one (an option, a command, a {@code site}
 * command): the known names within a small edit distance of what was typed, the closest first. Only
 * names from mint's own command model are ever returned, never what was typed.
 */
public final class Suggestions {
  /** Edits (insert, delete, replace, swap two neighbours) a typo may be away from a name. */
  public static final int MAX_DISTANCE = 2;

  /** A word that may be a mistyped command's name: short, lower case, no dot. */
  public static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z0-9-]{0,29}");

  private Suggestions() {}

  /** The names of {@code cli}'s subcommands that its help lists (not the hidden ones). */
  public static List<String> visibleCommands(CommandLine cli) {
    return cli.getSubcommands().entrySet().stream()
        .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  /**
   * The visible command of {@code cli} that {@code typed} most likely mistypes, or null: only a
   * {@link #COMMAND_WORD} within {@link #MAX_DISTANCE} edits of the command's name.
   */
  public static String closestCommand(CommandLine cli, String typed) {
    if (!COMMAND_WORD.matcher(typed).matches()) {
      return null;
    }
    List<String> close = closest(typed, visibleCommands(cli), 1);
    return close.isEmpty() || distance(typed, close.get(0)) > MAX_DISTANCE ? null : close.get(0);
  }

  /**
   * The names of {@code candidates} within {@link #MAX_DISTANCE} edits of {@code typed}, or that
   * start with it (a name cut short, at least 4 characters typed): by distance, then the longest
   * common beginning, then the name; at most {@code limit}.
   */
  public static List<String> closest(String typed, Collection<String> candidates, int limit) {
    return candidates.stream()
        .distinct()
        .filter(
            name ->
                distance(typed, name) <= MAX_DISTANCE
                    || (typed.length() >= 4 && name.startsWith(typed)))
        .sorted(
            Comparator.comparingInt((String name) -> distance(typed, name))
                .thenComparingInt(name -> -commonPrefix(name, typed))
                .thenComparing(Comparator.naturalOrder()))
        .limit(limit)
        .collect(Collectors.toList());
  }

  /**
   * Optimal string alignment distance: Levenshtein's, with a swap of two neighbours as one edit.
   */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }
}
