package dev.mint.cli.command.rekey;

import dev.mint.Level;
import dev.mint.PhraseCheck;
import dev.mint.Revision;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Wipe;
import dev.mint.cli.options.Arguments;
import dev.mint.cli.options.NewPhraseMixin;
import dev.mint.cli.options.PhraseMixin;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.policy.RecordedCheck;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mint rekey start}: records that a rotation is under way. */
@Command(
    name = "start",
    sortOptions = false,
    header = "Start a rotation: record the new phrase's check and the sites to move.",
    description = {
      "Asks for the current master phrase (checked against the phrase check recorded in the "
          + "sites file; with none recorded, its check is recorded first, and that is said) and "
          + "for the new one (at the console twice, its phrase check shown; or --new-phrase-fd "
          + "M), then records in the sites file that a rotation is under way: the new phrase's "
          + "check, what else moves, and the date. Nothing secret is stored. Every entry with "
          + "settings of its own is a site to move; an entry that is the same as another site "
          + "moves with it.",
      "",
      "Refused (exit 3): a new phrase whose check is the current one's (checks are 16 bits: "
          + "choose another phrase, so that mint can tell them apart), a second start while a "
          + "rotation is under way (see 'mint rekey status' and 'mint rekey abort'), and an "
          + "entry that is the same as a site without an entry.",
      ""
    })
public final class StartCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  @Mixin PhraseMixin phraseOptions;

  @Mixin NewPhraseMixin newPhrase;

  @Option(
      names = "--to-revision",
      paramLabel = "REVISION",
      converter = Arguments.RevisionConverter.class,
      completionCandidates = Arguments.Revisions.class,
      description =
          "Move every site to this revision of the page too (for users of the page's earlier"
              + " releases): ${COMPLETION-CANDIDATES}.")
  Revision toRevision;

  @Option(
      names = "--to-level",
      paramLabel = "LEVEL",
      converter = Arguments.LevelConverter.class,
      completionCandidates = Arguments.Levels.class,
      description = "Move every site to this level too (a stronger one): ${COMPLETION-CANDIDATES}.")
  Level toLevel;

  @Option(
      names = "--keep-phrase",
      description =
          "Keep the master phrase: only --to-revision and --to-level move (no new phrase asked).")
  boolean keepPhrase;

  @Option(
      names = {"-q", "--quiet"},
      description = "Do not show the new phrase's check after the prompt.")
  boolean quiet;

  public StartCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Revision revision = toRevision;
    Level level = toLevel;
    if (keepPhrase && revision == null && level == null) {
      throw new ParameterException(
          spec.commandLine(), "--keep-phrase moves nothing without --to-revision or --to-level");
    }
    SitesFile file = SitesFile.of(io);
    if (!file.exists()) {
      throw SitesException.invalid(
          "rekey", "no sites file (" + file.name() + "): there are no sites to move");
    }
    SiteBook before = file.read();
    if (before.rotation() != null) {
      Rotations.start(Sites.of(before), before.rotation(), null, file.name()); // refuses
    }
    PhraseCheck recorded = RecordedCheck.in(before, file.name());
    PhraseCheck current;
    char[] phrase = phraseOptions.read(io);
    try {
      current = PhraseCheck.of(phrase);
    } finally {
      Wipe.chars(phrase);
    }
    if (recorded != null && !recorded.equals(current)) {
      throw dev.mint.cli.io.CliException.invalidInput(
          "phrase check mismatch: typed "
              + current
              + " for the current phrase, recorded "
              + recorded
              + " (a typo in the phrase?); nothing stored");
    }
    PhraseCheck next = null;
    if (!keepPhrase) {
      char[] fresh = newPhrase.read(io, phraseOptions, quiet);
      try {
        next = PhraseCheck.of(fresh);
      } finally {
        Wipe.chars(fresh);
      }
    }
    Rotation asked = new Rotation(next, revision, level, SitesFile.today(), false, Map.of());
    PhraseCheck check = current;
    int[] count = {0};
    Rotation started =
        Sites.update(
            file,
            sites -> {
              Rotations.start(sites, asked, check, file.name());
              count[0] = Rotations.toMove(sites).size();
              return sites.rotation();
            });
    if (started.addedRecordedCheck()) {
      io.err()
          .println(
              "recorded the current phrase's check "
                  + current
                  + " (none was recorded), so that each site's phrase can be told");
    }
    io.err()
        .println(
            "rotation started: "
                + count[0]
                + (count[0] == 1 ? " site" : " sites")
                + " to move "
                + StatusCommand.describe(started)
                + "; 'mint rekey show SITE' prints a site's two passwords");
    return ExitCodes.OK;
  }

  /** For the status line: what moves. */
  static List<String> moves(Rotation rotation) {
    List<String> moves = new ArrayList<>();
    if (rotation.phraseCheck() != null) {
      moves.add("the new phrase (check " + rotation.phraseCheck().hex() + ")");
    }
    if (rotation.revision() != null) {
      moves.add("revision " + rotation.revision().id());
    }
    if (rotation.level() != null) {
      moves.add("level " + rotation.level().id());
    }
    return moves;
  }
}
