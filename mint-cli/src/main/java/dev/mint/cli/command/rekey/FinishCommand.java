package dev.mint.cli.command.rekey;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code mint rekey finish}: ends the rotation, keeping every site reachable. */
@Command(
    name = "finish",
    header = "End the rotation: the new phrase becomes the recorded one.",
    description = {
      "Stores the new settings of every site moved, makes the new phrase's check the recorded "
          + "one, and ends the rotation. A site not moved stays as it is and keeps its old "
          + "phrase: 'mint SITE' with the old phrase still gives its password (and refuses the "
          + "new one), and 'mint rekey status' lists it. No phrase is asked.",
      ""
    })
public final class FinishCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  public FinishCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    Rekeying.open(io); // refuses when none is under way, before the lock
    Rotations.Finished done =
        Sites.update(file, sites -> Rotations.finish(sites, SitesFile.today(), file.name()));
    StringBuilder line =
        new StringBuilder("rotation finished: ")
            .append(done.moved().size())
            .append(done.moved().size() == 1 ? " site" : " sites")
            .append(" moved ")
            .append(StatusCommand.describe(done.rotation()));
    if (!done.leftBehind().isEmpty()) {
      line.append("; ")
          .append(done.leftBehind().size())
          .append(" left as ")
          .append(done.leftBehind().size() == 1 ? "it was" : "they were")
          .append(done.rotation().movesPhrase() ? ", on the old phrase: " : ": ")
          .append(
              done.leftBehind().stream()
                  .map(e -> Text.printable(e.label()))
                  .collect(Collectors.joining(", ")));
    }
    io.err().println(line.append(" (").append(file.name()).append(")"));
    return ExitCodes.OK;
  }
}
