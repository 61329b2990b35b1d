package dev.mint.cli.sites;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.Stages;
import dev.mint.cli.command.site.SiteCommand;
import dev.mint.cli.options.SiteSettingsMixin;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The settings a derivation uses, and where each came from: the page's defaults, then the stored
 * entry (if one matched), then the options typed. {@link #describe} is derive's line on standard
 * error; with no entry it is exactly the line mint printed before it kept profiles.
 *
 * @param request what is derived: the typed site with the merged settings
 * @param entry the stored entry that matched, or null (none, or {@code --no-profile})
 * @param file the sites file read, or null with {@code --no-profile}
 * @param typed the options given on the command line
 */
public record ResolvedSite(
    MintRequest request, SiteEntry entry, SitesFile file, SiteSettingsMixin typed) {

  /** The site as the page puts it into the salt. */
  String normalizedSite() {
    return Stages.normalizeSite(request.site(), request.revision());
  }

  /**
   * {@code normalized site: github (revision r3)} without an entry; with one, {@code github (r3):
   * version 3, length 20, no symbols (from sites.json)}, the settings typed on the command line
   * listed apart as {@code (from the command line)}. Stored settings equal to the page's defaults
   * are not listed; a weakened entry (a shorter length, fewer classes) shows on this line.
   */
  public String describe() {
    if (entry == null) {
      return "normalized site: " + normalizedSite() + " (revision " + request.revision().id() + ")";
    }
    MintRequest defaults = MintRequest.builder(request.site()).build();
    List<String> stored = new ArrayList<>();
    List<String> typedHere = new ArrayList<>();
    setting(
        typed.revision != null,
        r -> r.revision() == Revision.DEFAULT ? null : "revision " + r.revision().id(),
        "revision " + request.revision().id(),
        defaults,
        stored,
        typedHere);
    setting(
        typed.version != null, r -> "version " + r.version(), null, defaults, stored, typedHere);
    setting(typed.length != null, r -> "length " + r.length(), null, defaults, stored, typedHere);
    setting(
        typed.upper != null,
        r -> r.upper() ? "upper" : "no upper",
        null,
        defaults,
        stored,
        typedHere);
    setting(
        typed.lower != null,
        r -> r.lower() ? "lower" : "no lower",
        null,
        defaults,
        stored,
        typedHere);
    setting(
        typed.digits != null,
        r -> r.digits() ? "digits" : "no digits",
        null,
        defaults,
        stored,
        typedHere);
    setting(
        typed.symbols != null,
        r -> r.symbols() ? "symbols" : "no symbols",
        null,
        defaults,
        stored,
        typedHere);
    setting(
        typed.allowAmbiguous != null,
        r -> r.excludeAmbiguous() ? "ambiguous excluded" : "ambiguous allowed",
        null,
        defaults,
        stored,
        typedHere);
    setting(typed.level != null, r -> "level " + r.level().id(), null, defaults, stored, typedHere);
    String fileName = file.path().getFileName().toString();
    StringBuilder line =
        new StringBuilder(SiteCommand.printable(normalizedSite()))
            .append(" (")
            .append(request.revision().id());
    if (entry.account() != null) {
      line.append(", account ").append(SiteCommand.printable(entry.account()));
    }
    line.append("): ");
    line.append(stored.isEmpty() ? "page defaults" : String.join(", ", stored))
        .append(" (from ")
        .append(fileName)
        .append(')');
    if (!typedHere.isEmpty()) {
      line.append("; ").append(String.join(", ", typedHere)).append(" (from the command line)");
    }
    return line.toString();
  }

  /**
   * Lists one setting: under the command line when it was typed, else under the file when it
   * differs from the page's default.
   */
  private void setting(
      boolean wasTyped,
      Function<MintRequest, String> text,
      String typedText,
      MintRequest defaults,
      List<String> stored,
      List<String> typedHere) {
    String value = text.apply(request);
    if (wasTyped) {
      typedHere.add(typedText != null ? typedText : value);
    } else if (value != null && !value.equals(text.apply(defaults))) {
      stored.add(value);
    }
  }
}
