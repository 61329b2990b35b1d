package dev.mint.cli;

import dev.mint.cli.command.BatchCommand;
import dev.mint.cli.command.BenchCommand;
import dev.mint.cli.command.CheckCommand;
import dev.mint.cli.command.CompleteSitesCommand;
import dev.mint.cli.command.DeriveCommand;
import dev.mint.cli.command.NormalizeCommand;
import dev.mint.cli.command.RulesCommand;
import dev.mint.cli.command.SessionCommand;
import dev.mint.cli.command.VerifyCommand;
import dev.mint.cli.command.rekey.RekeyCommand;
import dev.mint.cli.command.site.SiteCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import picocli.CommandLine;

/**
 * Builds the {@code mint} command line and runs it: the arguments pass {@link ArgumentGuard} first,
 * and every failure becomes one line on standard error and an exit status from {@link ExitCodes}
 * ({@link Failures}); a stack trace only for a bug.
 */
public final class MintCli {
  private MintCli() {}

  /**
   * The command line with every subcommand. To add a command, add it here; it then runs as {@code
   * mint NAME ...} and its help shows the exit codes.
   */
  static CommandLine newCommandLine(Io io) {
    CommandLine cli =
        new CommandLine(new MintCommand())
            .addSubcommand(new DeriveCommand(io))
            .addSubcommand(new CheckCommand(io))
            .addSubcommand(new SessionCommand(io))
            .addSubcommand(new BatchCommand(io))
            .addSubcommand(new NormalizeCommand(io))
            .addSubcommand(new RulesCommand(io))
            .addSubcommand(new VerifyCommand(io))
            .addSubcommand(new BenchCommand(io))
            .addSubcommand(SiteCommand.commandLine(io))
            .addSubcommand(RekeyCommand.commandLine(io))
            .addSubcommand(new CompleteSitesCommand(io))
            .addSubcommand(new HelpCommand());
    cli.setOut(io.out());
    cli.setErr(io.err());
    cli.setExecutionExceptionHandler(Failures::ofExecution);
    cli.setParameterExceptionHandler(Failures::ofParameters);
    // '@NAME' is an argument like any other: picocli would replace it with the lines of file
    // NAME, so a site such as '@home' could silently become another site
    cli.setExpandAtFiles(false);
    // the revisions' names in the help texts (${bundle:Revision.current}), asked of Revision
    cli.setResourceBundle(new RevisionTexts());
    applyToAll(cli);
    return cli;
  }

  private static void applyToAll(CommandLine cli) {
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n");
    // each command's help lists the codes it can return: 1 only for verify, 7 only for the
    // commands whose --strict ends them (a session's --strict refuses a line and goes on); mint
    // itself runs them all
    boolean top = cli.getParent() == null;
    Object command = cli.getCommand();
    boolean canFailVerification = top || command instanceof VerifyCommand;
    boolean canRefuseStrictly =
        top || command instanceof DeriveCommand || command instanceof BatchCommand;
    cli.getCommandSpec()
        .usageMessage()
        .exitCodeList(
            ExitCodes.helpTable(
                code ->
                    code == ExitCodes.VERIFICATION_FAILED
                        ? canFailVerification
                        : code != ExitCodes.NOT_ACCEPTED || canRefuseStrictly));
    HelpWrapping.install(cli);
    cli.getSubcommands().values().forEach(MintCli::applyToAll);
  }

  /** Runs {@code args} and returns the exit status; does not exit. */
  public static int run(Io io, String... args) {
    try {
      String refusal = ArgumentGuard.phraseRefusal(args);
      if (refusal != null) {
        io.err().println(refusal);
        return ExitCodes.USAGE;
      }
      CommandLine cli = newCommandLine(io);
      refusal = ArgumentGuard.mistypedCommandRefusal(cli, args);
      if (refusal != null) {
        io.err().println(refusal);
        return ExitCodes.USAGE;
      }
      return cli.execute(ArgumentGuard.withDefaultCommand(cli, args));
    } catch (Error e) {
      return Failures.report(io.err(), e);
    } finally {
      io.out().flush();
      io.err().flush();
    }
  }
}
