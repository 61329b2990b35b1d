package dev.mint.cli.command.rekey;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.Io;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mint rekey ...}: a new master phrase (or a newer revision, a stronger level), site by
 * site, for as long as the user needs (mint-only: the page stores nothing).
 */
@Command(
    name = "rekey",
    header = "Move the sites to a new master phrase, site by site (mint only).",
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "A rotation changes the master phrase of every site in the sites file, one site at a time, "
          + "for as long as it takes: 'mint rekey start' asks for the current phrase and the new "
          + "one and records that a rotation is under way (the new phrase's check and the sites "
          + "to move; never a phrase). For each site, 'mint rekey show SITE' prints its current "
          + "password and its new one, the user changes it on the site, and 'mint rekey done "
          + "SITE' records it moved. 'mint rekey status' says how far it is, 'mint rekey finish' "
          + "makes the new phrase the recorded one, and 'mint rekey abort' drops the rotation.",
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
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "missing command: start, show, done, status, finish or abort");
  }

  /** The {@code rekey} command with its subcommands, each writing through {@code io}. */
  public static CommandLine commandLine(Io io) {
    return new CommandLine(new RekeyCommand())
        .addSubcommand(new StartCommand(io))
        .addSubcommand(new ShowCommand(io))
        .addSubcommand(new DoneCommand(io))
        .addSubcommand(new StatusCommand(io))
        .addSubcommand(new FinishCommand(io))
        .addSubcommand(new AbortCommand(io));
  }
}
