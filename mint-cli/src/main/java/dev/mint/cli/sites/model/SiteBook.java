package dev.mint.cli.sites.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of a sites file: its entries in file order, and its other top-level fields (the
 * recorded phrase check, whatever a newer mint stored) kept as read, in their order. The format
 * marker is the format's, not part of the content.
 *
 * @param entries the entries, in file order
 * @param topLevel the top-level fields other than the format, the entries and the rotation, by
 *     name, in order
 * @param rotation the rotation under way ({@code mint rekey start}), or null
 */
public record SiteBook(
    List<SiteEntry> entries, Map<String, KeptValue> topLevel, Rotation rotation) {
  /** The most entries a sites file (or a file to import) may hold. */
  public static final int MAX_ENTRIES = 100_000;

  public SiteBook {
    entries = List.copyOf(entries);
    topLevel = Collections.unmodifiableMap(new LinkedHashMap<>(topLevel));
  }

  /** Without a rotation under way. */
  public SiteBook(List<SiteEntry> entries, Map<String, KeptValue> topLevel) {
    this(entries, topLevel, null);
  }

  /** No entries, no other field. */
  public static SiteBook empty() {
    return new SiteBook(List.of(), Map.of());
  }
}
