package dev.mint.cli.sites.policy;

import dev.mint.Revision;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The entries of a sites file looked up by account and site the way {@code site import} matches
 * them: a stored entry {@code e} and an incoming {@code in} with the same account match when {@code
 * e.matches(in.site())} or {@code in.matches(e.site())}. Comparing every incoming entry with every
 * stored one took about an hour for 60,000 entries, holding the lock; this index answers in a few
 * map look-ups per entry, in the stored order.
 */
final class EntryIndex {
  private record Key(String account, Revision revision, String site) {}

  private final List<SiteEntry> entries;
  private final Map<SiteEntry, Integer> positions = new IdentityHashMap<>();

  /** By each entry's own revision and normalized site: for {@code e.matches(typed)}. */
  private final Map<Key, Set<SiteEntry>> byOwnRevision = new HashMap<>();

  /** By every revision's normalization of each entry's site: for {@code in.matches(e.site())}. */
  private final Map<Key, Set<SiteEntry>> byAnyRevision = new HashMap<>();

  /** Indexes {@code entries}, which must be changed only through this index from now on. */
  EntryIndex(List<SiteEntry> entries) {
    this.entries = entries;
    for (int i = 0; i < entries.size(); i++) {
      put(entries.get(i), i);
    }
  }

  private void put(SiteEntry entry, int position) {
    positions.put(entry, position);
    byOwnRevision
        .computeIfAbsent(
            new Key(entry.account(), entry.revision(), entry.normalizedSite()),
            k -> new LinkedHashSet<>())
        .add(entry);
    for (Revision revision : Revision.values()) {
      byAnyRevision
          .computeIfAbsent(
              new Key(entry.account(), revision, revision.normalizeSite(entry.site())),
              k -> new LinkedHashSet<>())
          .add(entry);
    }
  }

  private void remove(SiteEntry entry) {
    positions.remove(entry);
    Set<SiteEntry> own =
        byOwnRevision.get(new Key(entry.account(), entry.revision(), entry.normalizedSite()));
    if (own != null) {
      own.remove(entry);
    }
    for (Revision revision : Revision.values()) {
      Set<SiteEntry> set =
          byAnyRevision.get(
              new Key(entry.account(), revision, revision.normalizeSite(entry.site())));
      if (set != null) {
        set.remove(entry);
      }
    }
  }

  /** The stored entries of {@code in}'s account that match {@code in}, in file order. */
  List<SiteEntry> matching(SiteEntry in) {
    Set<SiteEntry> found = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Revision revision : Revision.values()) {
      found.addAll(
          byOwnRevision.getOrDefault(
              new Key(in.account(), revision, revision.normalizeSite(in.site())), Set.of()));
    }
    found.addAll(
        byAnyRevision.getOrDefault(
            new Key(in.account(), in.revision(), in.normalizedSite()), Set.of()));
    List<SiteEntry> ordered = new ArrayList<>(found);
    ordered.sort((a, b) -> Integer.compare(positions.get(a), positions.get(b)));
    return ordered;
  }

  /** Appends {@code entry} to the file's entries. */
  void add(SiteEntry entry) {
    entries.add(entry);
    put(entry, entries.size() - 1);
  }

  /** Puts {@code after} where {@code before} is. */
  void replace(SiteEntry before, SiteEntry after) {
    Integer at = positions.get(Objects.requireNonNull(before));
    if (at == null) {
      throw new IllegalStateException("not an entry of this file"); // a bug
    }
    remove(before);
    entries.set(at, after);
    put(after, at);
  }
}
