package dev.mint.cli.sites.policy;

import dev.mint.MintRequest;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.AllSettings;
import dev.mint.cli.sites.SettingRow;
import dev.mint.cli.sites.model.SiteEntry;
import java.util.List;
import java.util.Objects;

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

  /**
   * Whether the entry now gives a weaker password (C15, {@link SettingRow#weakerThan}) than it gave
   * before, or, for a new entry, than the page's defaults: a shorter length, a class turned off, a
   * lower level.
   */
  public boolean weakens() {
    MintRequest than = created() ? MintRequest.builder(after.site()).build() : before.settings();
    return AllSettings.anyWeakerThan(after.settings(), than);
  }

  /**
   * The change in the settings table's labels, for {@code site set}, {@code site bump}, {@code
   * --save} and {@code site import}: a new entry with its settings ({@code github.com: revision r3,
   * length 12, no symbols}), a changed one with the old and the new value of each setting that
   * changed ({@code github.com: length 16 -> 12, symbols -> no symbols}, {@code note changed},
   * {@code nothing changed}); {@code (weaker)} at the end when {@link #weakens}.
   */
  public String describe() {
    String label = Text.printable(after.label());
    String settings;
    if (created()) {
      settings = Text.printable(after.describeSettings());
    } else if (before.sameAs() != null || after.sameAs() != null) {
      // an entry with sameAs has no settings of its own: what it gives is the other site's
      settings =
          Objects.equals(before.sameAs(), after.sameAs())
              ? Objects.equals(before.note(), after.note()) ? "nothing changed" : "note changed"
              : Text.printable(before.describeSettings())
                  + " -> "
                  + Text.printable(after.describeSettings());
    } else {
      if (!before.label().equals(after.label())) {
        label = Text.printable(before.label()) + " -> " + label;
      }
      List<String> parts = AllSettings.changes(before.settings(), after.settings());
      if (!Objects.equals(before.note(), after.note())) {
        parts.add("note changed");
      }
      settings = parts.isEmpty() ? "nothing changed" : String.join(", ", parts);
    }
    return label + ": " + settings + (weakens() ? " (weaker)" : "");
  }
}
