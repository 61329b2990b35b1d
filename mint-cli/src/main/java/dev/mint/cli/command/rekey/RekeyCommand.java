package dev.mint.cli.command.rekey;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.Io;
import dev.mint.cli.options.NewPhraseMixin;
import dev.mint.cli.options.PhraseMixin;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mint rekey ...}: a new master phrase (or a newer revision, a stronger level), site by
 * site, for as long as the user needs (mint-only: the page stores nothing).
 */
@Command(
    name = "rekey",
    header = "Move the sites to a new master phrase, site by site (mint only).",
    synopsisSubcommandLabel = "[COMMAND]",
    description = {
      "A rotation changes the master phrase of every site in the sites file, one site at a time, "
          + "for as long as it takes: 'mint rekey start' asks for the current phrase and the new "
          + "one and records that a rotation is under way (the new phrase's check and the sites "
          + "to move; never a phrase). For each site, 'mint rekey show SITE' prints its current "
          + "password and its new one, the user changes it on the site, and 'mint rekey done "
          + "SITE' records it moved. 'mint rekey status' says how far it is, 'mint rekey finish' "
          + "makes the new phrase the recorded one, and 'mint rekey abort' drops the rotation.",
      "",
      "'mint rekey' without a command walks the sites not moved yet, on a terminal: it asks for "
          + "both phrases, then for each site says where to change its password, gives the "
          + "current password (for the form's current password field) and the new one, and asks "
          + "whether it was changed: d (done: the site is recorded moved at once), s (skip it for "
          + "now) or q (stop). With a clipboard (as --clip finds one) the current password is put "
          + "on it, and the new one after Enter; without one both are shown and erased from the "
          + "screen once the question is answered, or on Ctrl-C. Ctrl-C at any step leaves the "
          + "rotation as 'mint rekey status' describes it; 'mint rekey' again goes on with the "
          + "sites left.",
      "",
      "While a rotation is under way, and after it for any site left on the old phrase, every "
          + "command knows which phrase a site needs: 'mint SITE' with the new phrase gives a "
          + "moved site's new password; the old phrase on a moved site, or the new phrase on a "
          + "site not moved, is refused with one line that says which phrase the site needs "
          + "(exit 3). Session and batch do the same for each line.",
      "",
      "--to-revision and --to-level on 'start' move the sites to a newer revision of the page or "
          + "a stronger level in the same way; with --keep-phrase only those move.",
      ""
    })
public final class RekeyCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Mixin PhraseMixin phraseOptions;

  @Mixin NewPhraseMixin newPhrase;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not show the new phrase's check after the prompt.")
  boolean quiet;

  RekeyCommand(Io io) {
    this.io = io;
  }

  /** Without a command: the walk, site by site ({@link RekeyWalk}). */
  @Override
  public Integer call() {
    return RekeyWalk.walk(io, phraseOptions, newPhrase, quiet);
  }

  /** The {@code rekey} command with its subcommands, each writing through {@code io}. */
  public static CommandLine commandLine(Io io) {
    return new CommandLine(new RekeyCommand(io))
        .addSubcommand(new StartCommand(io))
        .addSubcommand(new ShowCommand(io))
        .addSubcommand(new DoneCommand(io))
        .addSubcommand(new StatusCommand(io))
        .addSubcommand(new FinishCommand(io))
        .addSubcommand(new AbortCommand(io));
  }
}
