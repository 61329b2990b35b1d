package dev.mint.cli;

import dev.mint.Revision;
import dev.mint.cli.options.Arguments;
import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * The revisions' names for the help texts of {@code @Command} and {@code @Option} annotations,
 * asked of {@link Revision}: an annotation says {@code ${bundle:Revision.current}} where Java would
 * want a constant, and picocli fills it in from this bundle, which {@link MintCli#newCommandLine}
 * gives the whole command line ({@code --help}, the man page, the completion and the command
 * reference alike). A new revision so changes no help text by hand. A key that is not here prints
 * as {@code null}.
 *
 * <p>The keys start with {@code Revision.}: picocli asks a bundle for a command's or an option's
 * own texts by their names (lower case), which these can never be.
 */
final class RevisionTexts extends ListResourceBundle {
  @Override
  protected Object[][] getContents() {
    List<String> all = new ArrayList<>();
    List<String> older = new ArrayList<>();
    for (Revision revision : Revision.values()) {
      all.add(revision.id() + (revision == Revision.DEFAULT ? " (the current page)" : ""));
      if (revision.compareTo(Revision.DEFAULT) < 0) {
        older.add(revision.id());
      }
    }
    return new Object[][] {
      // r1, r2 and r3 (the current page)
      {"Revision.all", joined(all, " and ")},
      // r1 or r2: the revisions before the current page
      {"Revision.older", joined(older, " or ")},
      // r3
      {"Revision.current", Revision.DEFAULT.id()},
      // r1, r2, r3 or all: the values of normalize --revision
      {"Revision.orAll", Arguments.revisionChoices("all")},
    };
  }

  /** {@code a, b and c}: the last joined by {@code last}. */
  private static String joined(List<String> words, String last) {
    int n = words.size();
    return n <= 1
        ? String.join("", words)
        : String.join(", ", words.subList(0, n - 1)) + last + words.get(n - 1);
  }
}
