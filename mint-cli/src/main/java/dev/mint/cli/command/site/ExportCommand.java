package dev.mint.cli.command.site;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.sites.Profiles;
import dev.mint.cli.sites.RecordedCheck;
import dev.mint.cli.sites.SitesFile;
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
          + "'mint site import' reads it (on another machine, for example). It holds no secret, "
          + "but says which sites you use, and it holds the phrase check recorded by 'mint check "
          + "--remember' (16 bits about the phrase) unless --no-phrase-check.",
      ""
    })
final class ExportCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "Where to write (default: standard output).")
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
    Profiles profiles = file.read();
    boolean withCheck = RecordedCheck.isRecorded(profiles) && !noPhraseCheck;
    if (noPhraseCheck) {
      RecordedCheck.leaveOut(profiles);
    }
    byte[] bytes = profiles.toBytes();
    if (target == null) {
      io.out().flush();
      try {
        io.stdout().write(bytes);
        io.stdout().flush();
      } catch (IOException e) {
        throw CliException.io("cannot write to standard output");
      }
      return ExitCodes.OK;
    }
    try {
      if (Files.exists(target)
          && Files.exists(file.path())
          && Files.isSameFile(target, file.path())) {
        throw CliException.usage("FILE is the sites file itself");
      }
    } catch (IOException e) {
      throw CliException.io(target + ": cannot be read (" + IoErrors.describe(e) + ")");
    }
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw CliException.usage(target + " exists: --force overwrites it");
    }
    SitesFile.writeAtomically(target, bytes);
    io.err()
        .println(
            "exported "
                + profiles.entries().size()
                + " entries to "
                + target
                + (withCheck
                    ? " with the recorded phrase check (--no-phrase-check leaves it out)"
                    : ""));
    return ExitCodes.OK;
  }
}
