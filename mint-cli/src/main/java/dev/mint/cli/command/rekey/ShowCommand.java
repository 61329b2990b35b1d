package dev.mint.cli.command.rekey;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.Arguments;
import dev.mint.cli.options.NewPhraseMixin;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.options.SiteMixin;
import dev.mint.cli.output.StdoutSink;
import dev.mint.cli.sites.AllSettings;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.rules.KnownSites;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mint rekey show SITE}: a site's current password and its new one. */
@Command(
    name = "show",
    sortOptions = false,
    header = "Print a site's current password and its new one, on two lines.",
    description = {
      "Asks for the current master phrase and the new one (as 'mint rekey start' does: "
          + "--phrase-stdin or --phrase-fd N, and --new-phrase-fd M, or the console prompt), "
          + "checked against the recorded check and the rotation's, and prints SITE's current "
          + "password on the first line of standard output and its new one on the second; "
          + "standard error says which is which, the new settings, and where to change the "
          + "password. Like batch, it refuses to print the passwords to a terminal unless "
          + "--to-terminal.",
      "",
      "The new password's settings are the entry's, with the rotation's revision and level, and "
          + "the first version from 1 whose password the site's known password rules accept "
          + "(with --keep-phrase, never one whose password is the current one). The version "
          + "chosen is recorded in the entry (nothing secret), so 'mint rekey done SITE' stores "
          + "exactly the settings whose password was shown, and a second show prints the same "
          + "pair.",
      ""
    })
public final class ShowCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SITE", description = "The site, as its entry matches it.")
  String site;

  @Option(names = "--account", paramLabel = "NAME", description = SiteMixin.ACCOUNT_HELP)
  String account;

  @Mixin PhraseMixin phraseOptions;

  @Mixin NewPhraseMixin newPhrase;

  @Option(names = "--to-terminal", description = "Allow printing the passwords to a terminal.")
  boolean toTerminal;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not show the new phrase's check after the prompt.")
  boolean quiet;

  public ShowCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (io.stdoutIsTerminal() && !toTerminal) {
      throw new ParameterException(
          spec.commandLine(),
          "standard output is a terminal: a screen of passwords is easy to expose; redirect it "
              + "to a file or a pipe, or give --to-terminal");
    }
    Arguments.checkDecoded("site", site);
    Rekeying rekeying = Rekeying.open(io);
    SiteEntry entry = rekeying.find(site, account);
    Rotation rotation = rekeying.rotation();
    StdoutSink.prepare(io);
    try (RotationKeys keys = RotationKeys.read(io, rekeying, phraseOptions, newPhrase, quiet);
        Rekeying.Pair pair = rekeying.pair(entry, keys.current(), keys.next(), "")) {
      io.err().println(describe(pair, rotation));
      StdoutSink out = new StdoutSink(io);
      out.emit(pair.current());
      out.emit(pair.next());
    }
    return ExitCodes.OK;
  }

  /**
   * The labels: {@code github.com: line 1 is the current password (r3, version 3), line 2 the new
   * one (r3, version 1, the new phrase ab12); change it at
   * https://github.com/.well-known/change-password, then 'mint rekey done github.com'}.
   */
  static String describe(Rekeying.Pair pair, Rotation rotation) {
    SiteEntry entry = pair.entry();
    String host = KnownSites.host(entry.site());
    return Text.printable(entry.label())
        + ": line 1 is the current password ("
        + settings(pair.currentRequest())
        + "), line 2 the new one ("
        + settings(pair.newRequest())
        + (rotation.movesPhrase() ? ", new phrase " + rotation.phraseCheck().hex() : "")
        + "); change it on the site"
        + (host.contains(".") && !host.contains(" ")
            ? " (" + Text.printable("https://" + host + "/.well-known/change-password") + ")"
            : "")
        + ", then '"
        + Rotations.doneCommand(entry)
        + "'";
  }

  private static String settings(dev.mint.MintRequest request) {
    String shown = AllSettings.nonDefaults(request);
    if (!shown.contains("version ")) {
      shown += ", version " + request.version();
    }
    return Text.printable(shown);
  }
}
