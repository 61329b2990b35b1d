package dev.mint.cli.command.site;

import dev.mint.MintRequest;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.AllSettings;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.ArrayList;
import java.util.List;

/** The {@code mint derive} command line that gives an entry's password without the sites file. */
final class EquivalentCommand {
  private EquivalentCommand() {}

  /**
   * {@code mint derive --no-profile --revision r3 --length 20 github.com}: the revision always,
   * every other setting that differs from the page's default ({@link AllSettings#commandLine}),
   * each argument quoted for a POSIX shell where it needs it.
   */
  static String of(SiteEntry entry) {
    return of(entry.settings());
  }

  /** As {@link #of(SiteEntry)}, for {@code request}'s site and settings. */
  static String of(MintRequest request) {
    List<String> args = new ArrayList<>(List.of("mint", "derive", "--no-profile"));
    args.addAll(AllSettings.commandLine(request));
    if (request.site().startsWith("-")) {
      args.add("--");
    }
    args.add(request.site());
    return Text.command(args);
  }
}
