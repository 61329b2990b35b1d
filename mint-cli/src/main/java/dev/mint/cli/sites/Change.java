package dev.mint.cli.sites;

/**
 * What a change did to one entry of the sites file.
 *
 * @param before the entry before the change, or null when the change created it
 * @param after the entry after the change
 */
public record Change(SiteEntry before, SiteEntry after) {
  /** Whether the change created the entry. */
  public boolean created() {
    return before == null;
  }
}
