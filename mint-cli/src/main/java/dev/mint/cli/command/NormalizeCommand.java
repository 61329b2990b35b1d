package dev.mint.cli.command;

import dev.mint.Revision;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.options.Arguments;
import dev.mint.conformance.Stages;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mint normalize SITE}: the site as the page puts it into the salt. No phrase needed. */
@Command(
    name = "normalize",
    header = "Print the normalized site, as the page shows it and puts it into the salt.",
    description = {
      "With --revision all, prints one line per revision: its name, a tab, the normalized site.",
      ""
    })
public final class NormalizeCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SITE", description = "The site as typed on the page.")
  String site;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      completionCandidates = Choices.class,
      description = "${bundle:Revision.orAll} (default: ${DEFAULT-VALUE}).")
  String revision = Revision.DEFAULT.id();

  public NormalizeCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Arguments.checkDecoded("site", site);
    if (revision.equals("all")) {
      for (Revision r : Revision.values()) {
        io.out().println(r.id() + "\t" + Stages.normalizeSite(site, r));
      }
    } else {
      Revision r;
      try {
        r = new Arguments.RevisionConverter().convert(revision);
      } catch (RuntimeException e) {
        throw new ParameterException(
            spec.commandLine(), "--revision must be " + Arguments.revisionChoices("all"));
      }
      io.out().println(Stages.normalizeSite(site, r));
    }
    if (io.out().checkError()) {
      throw CliException.io("cannot write to standard output");
    }
    return ExitCodes.OK;
  }

  /** The revisions' names, and {@code all}. */
  static final class Choices implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      List<String> choices = new java.util.ArrayList<>();
      new Arguments.Revisions().forEach(choices::add);
      choices.add("all");
      return choices.iterator();
    }
  }
}
