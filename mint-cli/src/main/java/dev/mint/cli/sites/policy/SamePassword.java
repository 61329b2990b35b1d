package dev.mint.cli.sites.policy;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.conformance.Stages;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Entries that give the same password for the same phrase: an account and a note are only labels,
 * so two entries of one site with the same settings are one password under two names.
 */
final class SamePassword {
  private SamePassword() {}

  /** As {@link Sites#samePasswordAs}. */
  static List<SiteEntry> as(List<SiteEntry> entries, SiteEntry entry) {
    return entries.stream()
        .filter(e -> e != entry && samePassword(e, entry))
        .collect(Collectors.toList());
  }

  /** As {@link Sites#samePasswordWarnings}. */
  static List<String> warnings(List<SiteEntry> entries, SiteEntry entry) {
    List<String> warnings = new ArrayList<>();
    for (SiteEntry twin : as(entries, entry)) {
      warnings.add(
          "mint: warning: "
              + Text.printable(entry.label())
              + " and "
              + Text.printable(twin.label())
              + " give the same password (same site and settings; an account is only a label):"
              + " tell them apart with --site-version, for example '"
              + Text.command(
                  "mint",
                  "site",
                  "bump",
                  entry.site(),
                  "--account",
                  entry.account() == null ? Sites.NO_ACCOUNT : entry.account())
              + "'");
    }
    return warnings;
  }

  /** Same normalized site and same settings: the same password for the same phrase. */
  static boolean samePassword(SiteEntry a, SiteEntry b) {
    if (a.sameAs() != null || b.sameAs() != null) {
      // both the same as one other site (as the page names it)
      return a.sameAs() != null
          && b.sameAs() != null
          && a.normalizedSite().equals(b.normalizedSite())
          && Stages.normalizeSite(a.sameAs(), Revision.R3)
              .equals(Stages.normalizeSite(b.sameAs(), Revision.R3));
    }
    return a.revision() == b.revision()
        && a.normalizedSite().equals(b.normalizedSite())
        && a.applyTo(MintRequest.builder("x"))
            .build()
            .equals(b.applyTo(MintRequest.builder("x")).build());
  }
}
