package dev.mint.cli.sites.policy;

import static dev.mint.cli.sites.policy.Sites.shortly;

import dev.mint.MintRequest;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.AllSettings;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.List;
import java.util.Optional;

/**
 * The rules of an entry with {@code sameAs} (mint-only, {@code site set --same-as}), which gives
 * another site's password: it names a site other than its own, a site with one entry or none, and
 * that entry has settings of its own (no chain, no loop).
 */
final class SameAs {
  private SameAs() {}

  /** As {@link Sites#sameAsTarget}. */
  static Optional<SiteEntry> target(Sites sites, SiteEntry entry, String fileName) {
    List<SiteEntry> targets = sites.matching(entry.sameAs(), null);
    String problem = problem(entry, targets);
    if (problem != null) {
      throw SitesException.file(
          fileName + ": " + problem + " (fix it with 'mint site set' or 'mint site rm')");
    }
    return targets.stream().findFirst();
  }

  /** As {@link Sites#passwordRequest}. */
  static MintRequest passwordRequest(Sites sites, SiteEntry entry, String fileName) {
    if (entry.sameAs() == null) {
      return entry.settings();
    }
    MintRequest.Builder builder = MintRequest.builder(entry.sameAs());
    // a target moved in the rotation under way gives its new settings' password
    target(sites, entry, fileName)
        .ifPresent(
            target ->
                AllSettings.copyAll(Rotations.settingsInUse(target, sites.rotation()), builder));
    return builder.build();
  }

  /** As {@link Sites#sameAsProblem}. */
  static Optional<String> problem(Sites sites) {
    for (SiteEntry entry : sites.entries()) {
      if (entry.sameAs() != null) {
        String problem = problem(entry, sites.matching(entry.sameAs(), null));
        if (problem != null) {
          return Optional.of(problem);
        }
      }
    }
    return Optional.empty();
  }

  private static String problem(SiteEntry entry, List<SiteEntry> targets) {
    String said = Text.printable(entry.label()) + " is the same as " + shortly(entry.sameAs());
    if (targets.contains(entry)) {
      return said + ", which is itself: --same-as names another site";
    }
    if (targets.size() > 1) {
      return said
          + ", which has "
          + targets.size()
          + " entries: --same-as names a site with one entry (or none)";
    }
    if (!targets.isEmpty() && targets.get(0).sameAs() != null) {
      return said
          + ", which is the same as "
          + shortly(targets.get(0).sameAs())
          + ": a chain (or a loop); --same-as names a site with settings of its own";
    }
    return null;
  }
}
