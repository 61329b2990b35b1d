package dev.mint.cli.command.rekey;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mint rekey status}: how far the rotation is. */
@Command(
    name = "status",
    header = "Say how many sites are moved of how many, and list the others.",
    description = {
      "Prints on standard output the rotation under way (what moves, since when), how many "
          + "sites are moved of how many, and each site not moved yet, one a line; then the "
          + "sites left on an older phrase by a finished rotation, with that phrase's check and "
          + "the date. No phrase is asked. The file is only read.",
      ""
    })
public final class StatusCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  public StatusCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    SiteBook book = file.exists() ? file.read() : SiteBook.empty();
    Sites sites = Sites.of(book);
    Rotation rotation = book.rotation();
    if (rotation == null) {
      io.out().println("no rotation under way");
    } else {
      List<SiteEntry> moved = Rotations.moved(sites);
      List<SiteEntry> toMove = Rotations.toMove(sites);
      io.out().println("rotation started " + rotation.started() + ", " + describe(rotation));
      io.out()
          .println("moved " + moved.size() + " of " + (moved.size() + toMove.size()) + " sites");
      if (!toMove.isEmpty()) {
        io.out().println("not moved yet:");
        toMove.forEach(e -> io.out().println("  " + Text.printable(e.label())));
      }
    }
    List<SiteEntry> left = Rotations.leftBehind(sites);
    if (!left.isEmpty()) {
      io.out().println("left on an older phrase:");
      left.forEach(
          e ->
              io.out()
                  .println(
                      "  "
                          + Text.printable(e.label())
                          + " (check "
                          + e.rekey().phraseCheck().hex()
                          + ", since "
                          + e.rekey().phraseSince()
                          + ")"));
    }
    io.out().flush();
    return ExitCodes.OK;
  }

  /** {@code to the new phrase (check ab12), revision r3, level high}. */
  static String describe(Rotation rotation) {
    return "to " + String.join(", ", StartCommand.moves(rotation));
  }
}
