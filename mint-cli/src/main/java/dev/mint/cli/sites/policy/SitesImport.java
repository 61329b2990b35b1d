package dev.mint.cli.sites.policy;

import dev.mint.cli.io.Text;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The merge policy of {@code mint site import}: an entry of the file whose site and account have no
 * stored entry is added; one that matches a stored entry with the same settings is unchanged (a
 * different note is taken: updated); one that matches a stored entry with other settings (another
 * password) is a conflict, skipped unless {@code replace}. Each entry added, updated or replaced,
 * and each conflict, gets a line of the report ({@link Change#describe}), in the file's order.
 */
public final class SitesImport {
  private SitesImport() {}

  /** Merges {@code incoming} into {@code stored}, dating the changed entries {@code date}. */
  public static ImportResult merge(Sites stored, SiteBook incoming, boolean replace, String date) {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int conflicting = 0;
    List<String> report = new ArrayList<>();
    EntryIndex index = new EntryIndex(stored.entries()); // a map, not every pair (C26)
    for (SiteEntry in : incoming.entries()) {
      List<SiteEntry> same = index.matching(in);
      if (same.isEmpty()) {
        index.add(in);
        added++;
        report.add("added " + new Change(null, in).describe());
      } else if (same.size() > 1) {
        conflicting++;
        report.add(
            "conflict: "
                + Text.printable(in.label())
                + " matches "
                + same.size()
                + " stored entries: skipped");
      } else if (SamePassword.samePassword(same.get(0), in)) {
        if (same.get(0).rekey().isNone() && !in.rekey().isNone()) {
          // the file's phrase and rotation marks: the same entry, further along a rotation
          SiteEntry marked = same.get(0).withRekey(in.rekey());
          index.replace(same.get(0), marked);
          updated++;
          report.add("updated " + new Change(same.get(0), marked).describe());
        } else if (in.note() != null && !in.note().equals(same.get(0).note())) {
          SiteEntry noted = same.get(0).withNote(in.note(), date);
          index.replace(same.get(0), noted);
          updated++;
          report.add("updated " + new Change(same.get(0), noted).describe());
        } else {
          unchanged++;
        }
      } else if (replace) {
        SiteEntry replacement = in.withNote(in.note(), date);
        index.replace(same.get(0), replacement);
        updated++;
        report.add("replaced " + new Change(same.get(0), replacement).describe());
      } else {
        conflicting++;
        report.add(
            "conflict: "
                + Text.printable(in.label())
                + " ("
                + Text.printable(in.describeSettings())
                + ") differs from the stored "
                + Text.printable(same.get(0).label())
                + " ("
                + Text.printable(same.get(0).describeSettings())
                + "): skipped (--replace takes FILE's)");
      }
    }
    return new ImportResult(added, updated, unchanged, conflicting, report);
  }
}
