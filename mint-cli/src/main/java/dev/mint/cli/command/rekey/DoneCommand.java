package dev.mint.cli.command.rekey;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.Arguments;
import dev.mint.cli.options.SiteMixin;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mint rekey done SITE}: records a site moved. */
@Command(
    name = "done",
    sortOptions = false,
    header = "Record that a site's password is changed to its new one.",
    description = {
      "Records SITE moved: from now on 'mint SITE' gives its new password, the one 'mint rekey "
          + "show SITE' printed last, with the new phrase (and refuses the old one). No phrase is "
          + "asked: the settings stored are exactly those show chose and recorded, so a SITE "
          + "never shown is refused (exit 3). Moving a site moved already changes nothing.",
      ""
    })
public final class DoneCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(index = "0", paramLabel = "SITE", description = "The site, as its entry matches it.")
  String site;

  @Option(names = "--account", paramLabel = "NAME", description = SiteMixin.ACCOUNT_HELP)
  String account;

  public DoneCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Arguments.checkDecoded("site", site);
    Rekeying rekeying = Rekeying.open(io);
    SiteEntry moved = rekeying.done(site, account);
    int left = rekeying.toMove().size();
    io.err()
        .println(
            "moved "
                + Text.printable(moved.label())
                + " ("
                + rekeying.file().name()
                + "); "
                + (left == 0
                    ? "every site is moved: 'mint rekey finish' ends the rotation"
                    : left + (left == 1 ? " site" : " sites") + " to go ('mint rekey status')"));
    return ExitCodes.OK;
  }
}
