package dev.mint.cli.command.site;

import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.sites.format.SitesJson;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.policy.ImportResult;
import dev.mint.cli.sites.policy.RecordedCheck;
import dev.mint.cli.sites.policy.RotationImport;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.policy.SitesImport;
import dev.mint.cli.sites.store.SitesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    header = "Merge the entries of FILE (written by 'mint site export') into the sites file.",
    description = {
      "An entry of FILE whose site and account have no entry yet is added. One that matches a "
          + "stored entry with the same settings is unchanged (a different note is taken: "
          + "updated). One that matches a stored entry with different settings (another "
          + "password) is a conflict: reported on standard error and skipped, unless --replace, "
          + "which takes FILE's. Standard error has a line for each entry added, updated or "
          + "replaced, with its settings or the old and the new value of each one changed "
          + "('replaced github.com: length 20 -> 12 (weaker)'; '(weaker)' marks an entry that "
          + "now gives a weaker password: a shorter length, a class turned off, a lower level), "
          + "and for each conflict, in FILE's order; it ends with: 'N added, N updated, N "
          + "unchanged, N conflicting'. FILE is checked whole before anything is stored. Exit "
          + "status 3 when an entry was a conflict (the others were imported). An entry "
          + "without 'created' or 'updated' (written by hand) is dated today. FILE's phrase "
          + "check (from 'mint check --remember') is recorded when the sites file has none; one "
          + "that differs from the recorded one is a conflict: the recorded one is kept (exit 3).",
      ""
    })
final class ImportCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(index = "0", paramLabel = "FILE", description = "A file 'mint site export' wrote.")
  Path source;

  @Option(
      names = "--replace",
      description = "On a conflict, take FILE's entry instead of keeping the stored one.")
  boolean replace;

  ImportCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SiteBook incoming = SitesJson.parse(readSource(), source.toString());
    RecordedCheck.in(incoming, source.toString()); // four hex digits or no field, else exit 4
    SitesFile file = SitesFile.of(io);
    RecordedCheck.Imported[] check = new RecordedCheck.Imported[1];
    RotationImport.Imported[] rotation = new RotationImport.Imported[1];
    ImportResult result =
        Sites.update(
            file,
            p -> {
              ImportResult merged =
                  SitesImport.merge(
                      p,
                      RotationImport.importable(p, incoming, file.name()),
                      replace,
                      SitesFile.today());
              p.sameAsProblem()
                  .ifPresent(
                      problem -> {
                        throw CliException.invalidInput(
                            source + ": " + problem + "; nothing imported");
                      });
              check[0] = RecordedCheck.importFrom(p, incoming, file.name());
              rotation[0] = RotationImport.importFrom(p, incoming, file.name());
              return merged;
            });
    result.report().forEach(io.err()::println);
    if (check[0] == RecordedCheck.Imported.RECORDED) {
      io.err()
          .println(
              "recorded "
                  + source
                  + "'s phrase check in "
                  + file.name()
                  + ", which had none ('mint check' says whether your phrase gives it)");
    } else if (check[0] == RecordedCheck.Imported.KEPT_RECORDED) {
      io.err()
          .println(
              "conflict: "
                  + source
                  + "'s phrase check differs from the one recorded in "
                  + file.name()
                  + ": kept the recorded one (its entries may be another phrase's; 'mint check"
                  + " --remember' records another)");
    }
    if (rotation[0] == RotationImport.Imported.TAKEN) {
      io.err()
          .println(
              "took "
                  + source
                  + "'s rotation under way (started "
                  + incoming.rotation().started()
                  + "; see 'mint rekey status')");
    } else if (rotation[0] == RotationImport.Imported.KEPT) {
      io.err()
          .println(
              "conflict: "
                  + source
                  + " holds a rotation under way that does not fit "
                  + file.name()
                  + " (another rotation, or another recorded phrase check): left out");
    }
    io.err().println("imported " + source + ": " + result.counts());
    // a script sees the conflicts: the others were imported, as batch prints the lines it can
    return result.conflicting() > 0
            || check[0] == RecordedCheck.Imported.KEPT_RECORDED
            || rotation[0] == RotationImport.Imported.KEPT
        ? ExitCodes.INVALID_INPUT
        : ExitCodes.OK;
  }

  private byte[] readSource() {
    try {
      if (!Files.isRegularFile(source)) {
        throw CliException.io(source + ": no such file");
      }
      if (Files.size(source) > SitesFile.MAX_BYTES) {
        throw CliException.io(source + ": larger than " + (SitesFile.MAX_BYTES >> 20) + " MiB");
      }
      return Files.readAllBytes(source);
    } catch (IOException e) {
      throw CliException.io(source + ": cannot be read (" + IoErrors.describe(e) + ")");
    }
  }
}
