package dev.mint.cli.sites.policy;

import java.util.List;

/**
 * What {@code mint site import} did with the entries of the file it read.
 *
 * @param added entries that had no stored entry of the same site and account
 * @param updated entries stored over the stored one (a new note, or {@code --replace})
 * @param unchanged entries the file already held with the same settings
 * @param conflicting entries skipped: they would change a stored entry's password
 * @param report one line for each entry added ({@code added new.example: revision r3}), updated
 *     ({@code updated b.example: note changed}), replaced ({@code replaced a.example: length 20 ->
 *     12 (weaker)}) or conflicting ({@code conflict: ...}), in file order; none for an unchanged
 *     one
 */
public record ImportResult(
    int added, int updated, int unchanged, int conflicting, List<String> report) {
  public ImportResult {
    report = List.copyOf(report);
  }

  /** {@code 1 added, 0 updated, 2 unchanged, 0 conflicting}. */
  public String counts() {
    return added
        + " added, "
        + updated
        + " updated, "
        + unchanged
        + " unchanged, "
        + conflicting
        + " conflicting";
  }
}
