package dev.mint.cli.command.site;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mint site ...}: the sites file, where mint remembers each site's settings (never a phrase
 * or a password). A mint feature: the page stores nothing.
 */
@Command(
    name = "site",
    header = "Remember each site's settings, so that 'mint SITE' needs no options (mint only).",
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "The sites file holds, for each site, the settings the page asks for besides the phrase: "
          + "revision, version, length, character classes, exclude-ambiguous, level; and an "
          + "optional account label and note. It never holds a phrase, a password or anything "
          + "computed from them. Once a site has an entry, 'mint SITE' uses it: 'mint site set "
          + "github.com --length 20 --no-symbols', then 'mint www.github.com' derives with length "
          + "20 and no symbols (an entry matches every site that normalizes to the same name "
          + "under the entry's revision).",
      "",
      "The file is ~/.config/mint/sites.json, or $XDG_CONFIG_HOME/mint/sites.json when "
          + "XDG_CONFIG_HOME is set, or $MINT_SITES when that is set. mint creates it 0600 in a 0700 directory, writes it "
          + "atomically under a lock (sites.json.lock), and refuses to use it when it or its "
          + "directory is writable by group or others, or when it cannot be read as a sites file "
          + "(exit 4; the file is then left exactly as it is). Only 'site list', 'site show' and "
          + "'site export' print its content on standard output.",
      "",
      "A site named like a command of mint ('site', 'verify', ...) is derived with 'mint derive "
          + "site'.",
      ""
    })
public final class SiteCommand extends StandardCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "missing command: set, list, show, rm, bump, export or import");
  }

  /** The {@code site} command with its subcommands, each writing through {@code io}. */
  public static CommandLine commandLine(Io io) {
    return new CommandLine(new SiteCommand())
        .addSubcommand(new SetCommand(io))
        .addSubcommand(new ListCommand(io))
        .addSubcommand(new ShowCommand(io))
        .addSubcommand(new RmCommand(io))
        .addSubcommand(new BumpCommand(io))
        .addSubcommand(new ExportCommand(io))
        .addSubcommand(new ImportCommand(io));
  }

  /** Refuses to go on when standard output could not be written (a closed pipe). */
  static void checkWritten(Io io) {
    if (io.out().checkError()) {
      throw CliException.io("cannot write to standard output");
    }
  }
}
