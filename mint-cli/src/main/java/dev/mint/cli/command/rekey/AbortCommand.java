package dev.mint.cli.command.rekey;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mint rekey abort}: drops the rotation. */
@Command(
    name = "abort",
    header = "Drop the rotation: every site as it was before 'mint rekey start'.",
    description = {
      "Ends the rotation under way without moving anything: every site gives the password it "
          + "gave before 'mint rekey start', with the current phrase, and the sites file is "
          + "again what it was then (apart from changes made meanwhile by other commands). Sites "
          + "whose password was already changed on the site must be changed back there. No "
          + "phrase is asked.",
      ""
    })
public final class AbortCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  public AbortCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    Rekeying.open(io); // refuses when none is under way, before the lock
    int[] moved = {0};
    Rotation dropped =
        Sites.update(
            file,
            sites -> {
              moved[0] = Rotations.moved(sites).size();
              return Rotations.abort(sites);
            });
    io.err()
        .println(
            "rotation dropped (started "
                + dropped.started()
                + "): every site as it was before it"
                + (moved[0] == 0
                    ? ""
                    : "; "
                        + moved[0]
                        + (moved[0] == 1 ? " site was" : " sites were")
                        + " moved: change "
                        + (moved[0] == 1 ? "its" : "their")
                        + " password back on the site")
                + " ("
                + file.name()
                + ")");
    return ExitCodes.OK;
  }
}
