package dev.mint.cli.command.site;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.sites.format.SitesJson;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.policy.RecordedCheck;
import dev.mint.cli.sites.store.SitesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "export",
    header = "Write the sites file's entries to standard output, or to FILE.",
    description = {
      "FILE is written 0600, atomically, and an existing FILE is refused unless --force. "
          + "FILE must be a regular file or a new one: a device, a pipe, a socket or a directory "
          + "is refused (exit 4); a symbolic link of yours to a regular file stays a link and the "
          + "file it leads to is replaced. '-' is standard output. 'mint site import' reads it "
          + "(on another machine, for example). It holds no secret, but says which sites you "
          + "use, and it holds the phrase check recorded by 'mint check --remember' (16 bits "
          + "about the phrase) unless --no-phrase-check; the line on standard error says so.",
      ""
    })
final class ExportCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "Where to write (default, or '-': standard output).")
  Path target;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Option(
      names = "--no-phrase-check",
      description = "Leave the recorded phrase check out of the export (the sites file keeps it).")
  boolean noPhraseCheck;

  ExportCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    SiteBook book = file.read();
    boolean withCheck = RecordedCheck.isRecorded(book) && !noPhraseCheck;
    if (noPhraseCheck && book.rotation() != null) {
      throw CliException.usage(
          "--no-phrase-check: a rotation is under way, and it needs the phrase checks to tell"
              + " each site's phrase; finish it first ('mint rekey finish'), or export with them");
    }
    if (noPhraseCheck) {
      book = RecordedCheck.leftOut(book);
    }
    byte[] bytes = SitesJson.toBytes(book);
    if (target == null || target.toString().equals("-")) {
      io.out().flush();
      try {
        io.stdout().write(bytes);
        io.stdout().flush();
      } catch (IOException e) {
        throw CliException.io("cannot write to standard output");
      }
      io.err().println(done(book, "standard output", withCheck));
      return ExitCodes.OK;
    }
    Path resolved = SitesFile.writeTarget(target); // a device, pipe, socket, directory: exit 4
    try {
      if (Files.exists(resolved)
          && Files.exists(file.path())
          && Files.isSameFile(resolved, file.path())) {
        throw CliException.usage("FILE is the sites file itself");
      }
    } catch (IOException e) {
      throw CliException.io(target + ": cannot be read (" + IoErrors.describe(e) + ")");
    }
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw CliException.usage(target + " exists: --force overwrites it");
    }
    SitesFile.writeAtomically(target, bytes);
    io.err().println(done(book, target.toString(), withCheck));
    return ExitCodes.OK;
  }

  private static String done(SiteBook book, String where, boolean withCheck) {
    return "exported "
        + book.entries().size()
        + " entries to "
        + where
        + (withCheck ? " with the recorded phrase check (--no-phrase-check leaves it out)" : "");
  }
}
