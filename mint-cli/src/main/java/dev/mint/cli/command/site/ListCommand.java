package dev.mint.cli.command.site;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.cli.StandardCommand;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.SettingRow;
import dev.mint.cli.sites.format.SitesJson;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.PhraseRoute;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.cli.sites.store.SitesFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "list",
    header = "Print every entry of the sites file: a table, or JSON with --json.",
    description = {
      "Columns: site, account, revision, version, length, classes, level, note. Classes: A "
          + "upper, a lower, 9 digits, ! symbols, - for a class turned off, +amb when O I l 0 "
          + "1 are allowed. An entry on the page ${bundle:Revision.older} is marked '*': 'mint site show SITE' "
          + "says how its site normalizes on the current page ${bundle:Revision.current}, to plan moving it. An entry "
          + "made with 'site set --same-as OTHER' has no settings of its own: its note column "
          + "says 'same as OTHER'. During a rotation ('mint rekey') a moved entry shows its new "
          + "settings and 'moved DATE'; an entry a finished rotation left on an older phrase "
          + "says 'older phrase CHECK since DATE'.",
      ""
    })
final class ListCommand extends StandardCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = "--json", description = "The entries as a JSON array, as the file holds them.")
  boolean json;

  ListCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SitesFile file = SitesFile.of(io);
    SiteBook book = file.read();
    if (json) {
      io.out().println(SitesJson.entriesJson(book.entries()));
      SiteCommand.checkWritten(io);
      return ExitCodes.OK;
    }
    if (book.entries().isEmpty()) {
      io.err().println("no entries in " + file.name() + " (add one with 'mint site set SITE')");
      return ExitCodes.OK;
    }
    List<String> columns = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (!columns.contains(setting.column())) {
        columns.add(setting.column());
      }
    }
    List<String> header = new ArrayList<>(List.of("SITE", "ACCOUNT"));
    header.addAll(columns);
    header.add("NOTE");
    TextTable table = new TextTable().add(header);
    boolean old = false;
    for (SiteEntry e : book.entries()) {
      if (e.sameAs() != null) {
        // no settings of its own: they are the other site's, named in the note column
        List<String> row = new ArrayList<>();
        row.add(Text.printable(e.site()));
        row.add(Text.printable(e.account()));
        columns.forEach(column -> row.add(""));
        row.add(
            "same as "
                + Text.printable(e.sameAs())
                + (e.note() == null ? "" : "; " + Text.printable(e.note())));
        table.add(row);
        continue;
      }
      MintRequest s = Rotations.settingsInUse(e, book.rotation());
      Map<String, String> cells = new LinkedHashMap<>();
      columns.forEach(column -> cells.put(column, ""));
      for (SettingRow<?> setting : SettingRow.ALL) {
        cells.merge(setting.column(), setting.cell(s), String::concat);
      }
      boolean onOldPage = s.revision() != Revision.DEFAULT;
      old |= onOldPage;
      if (onOldPage) {
        cells.merge(SettingRow.REVISION.column(), "*", String::concat);
      }
      List<String> row = new ArrayList<>();
      row.add(Text.printable(e.site()));
      row.add(Text.printable(e.account()));
      row.addAll(cells.values());
      String phrase = PhraseRoute.phraseNote(e, book.rotation());
      row.add(
          phrase == null
              ? Text.printable(e.note())
              : phrase + (e.note() == null ? "" : "; " + Text.printable(e.note())));
      table.add(row);
    }
    table.lines().forEach(io.out()::println);
    if (old) {
      io.out()
          .println(
              "* on an older page ("
                  + String.join("/", older())
                  + "): 'mint site show SITE' says how the site normalizes on "
                  + Revision.DEFAULT.id());
    }
    SiteCommand.checkWritten(io);
    return ExitCodes.OK;
  }

  /** The revisions before the current page: {@code r1}, {@code r2}. */
  private static List<String> older() {
    List<String> ids = new ArrayList<>();
    for (Revision revision : Revision.values()) {
      if (revision.compareTo(Revision.DEFAULT) < 0) {
        ids.add(revision.id());
      }
    }
    return ids;
  }
}
