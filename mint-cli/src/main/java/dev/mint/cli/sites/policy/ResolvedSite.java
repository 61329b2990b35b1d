package dev.mint.cli.sites.policy;

import dev.mint.MintRequest;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.SettingRow;
import dev.mint.cli.sites.TypedSettings;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.conformance.Stages;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings a derivation uses, and where each came from: the page's defaults, then the stored
 * entry (if one matched), then the options typed. {@link #describe} is derive's line on standard
 * error; with no entry it is exactly the line mint printed before it kept profiles. {@link
 * #weakening} says a stored entry that weakens the password where that line is not printed ({@code
 * --quiet}, batch), so that a weakened entry never passes unseen (C15).
 *
 * @param request what is derived: the typed site with the merged settings
 * @param entry the stored entry that matched, or null (none, or {@code --no-profile})
 * @param file the sites file read, or null with {@code --no-profile}
 * @param typed the settings given on the command line
 * @param recordedCheck the phrase check recorded in the file read ({@code mint check --remember}),
 *     or null when there is none, no file, or {@code --no-profile}
 * @param sameAsTarget when {@code entry} has {@code sameAs} (mint-only), the entry of that other
 *     site whose settings {@code request} has, or null (the page's defaults); {@code request} is
 *     then for the other site
 * @param route which phrase the derivation needs, by its check ({@link Rotations#route}): the
 *     recorded one, or the one the entry is on
 */
public record ResolvedSite(
    MintRequest request,
    SiteEntry entry,
    SitesFile file,
    TypedSettings typed,
    PhraseCheck recordedCheck,
    SiteEntry sameAsTarget,
    PhraseRoute route) {

  /** The recorded check alone decides the phrase. */
  public ResolvedSite(
      MintRequest request,
      SiteEntry entry,
      SitesFile file,
      TypedSettings typed,
      PhraseCheck recordedCheck,
      SiteEntry sameAsTarget) {
    this(
        request,
        entry,
        file,
        typed,
        recordedCheck,
        sameAsTarget,
        PhraseRoute.recorded(recordedCheck));
  }

  /** {@code this} with {@code newRoute}, the rest unchanged. */
  public ResolvedSite with(PhraseRoute newRoute) {
    return new ResolvedSite(request, entry, file, typed, recordedCheck, sameAsTarget, newRoute);
  }

  /** {@code this} with {@code newRequest} and {@code newTyped}, the rest unchanged. */
  public ResolvedSite with(MintRequest newRequest, TypedSettings newTyped) {
    return new ResolvedSite(newRequest, entry, file, newTyped, recordedCheck, sameAsTarget, route);
  }

  /** Without {@code sameAs}. */
  public ResolvedSite(
      MintRequest request,
      SiteEntry entry,
      SitesFile file,
      TypedSettings typed,
      PhraseCheck recordedCheck) {
    this(request, entry, file, typed, recordedCheck, null);
  }

  /** Whether the entry used gives another site's password ({@code site set --same-as}). */
  public boolean isSameAs() {
    return entry != null && entry.sameAs() != null;
  }

  /**
   * For an entry with {@code sameAs}, the line that says whose password this is, shown always (a
   * password is never redirected silently): {@code icloud.com: the password of apple.com (same
   * account, from sites.json)}; empty otherwise.
   */
  public java.util.Optional<String> sameAsNote() {
    if (!isSameAs()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        Text.printable(entry.label())
            + ": the password of "
            + Text.printable(entry.sameAs())
            + " (same account, from "
            + file.path().getFileName()
            + ")");
  }

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
    // for an entry with sameAs, the other site's line: its own entry, or none
    SiteEntry entry = isSameAs() ? sameAsTarget : this.entry;
    if (entry == null) {
      return "normalized site: " + normalizedSite() + " (revision " + request.revision().id() + ")";
    }
    List<String> stored = new ArrayList<>();
    List<String> typedHere = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (typed.has(setting)) {
        typedHere.add(setting.label(request));
      } else if (!setting.isDefault(request)) {
        stored.add(setting.label(request));
      }
    }
    StringBuilder line =
        new StringBuilder(Text.printable(normalizedSite()))
            .append(" (")
            .append(request.revision().id());
    if (entry.account() != null) {
      line.append(", account ").append(Text.printable(entry.account()));
    }
    line.append("): ");
    line.append(stored.isEmpty() ? "page defaults" : String.join(", ", stored));
    if (entry.chosenBy() != null && !stored.isEmpty()) {
      line.append(" (chosen by ").append(Text.printable(entry.chosenBy())).append(", ");
      line.append(file.path().getFileName()).append(")");
    } else {
      line.append(fromFile());
    }
    if (!typedHere.isEmpty()) {
      line.append("; ").append(String.join(", ", typedHere)).append(" (from the command line)");
    }
    return line.toString();
  }

  /** {@code (from sites.json)}: where the stored settings came from. */
  private String fromFile() {
    return " (from " + file.path().getFileName() + ")";
  }

  /**
   * The stored settings this derivation uses that make its password weaker than the page's defaults
   * would ({@link SettingRow#weakens}: a length below 16, a class turned off), in the table's
   * order: {@code github.com's stored entry weakens its password: length 12, no symbols (from
   * sites.json)}; null when there are none (no entry, or a stored setting typed over on the command
   * line). A setting typed here is the user's own choice in plain sight, not the file's.
   */
  public String weakening() {
    // for an entry with sameAs, the other site's entry holds the settings used
    SiteEntry entry = isSameAs() ? sameAsTarget : this.entry;
    if (entry == null || entry.chosenBy() != null) {
      return null; // settings mint chose for the site's rules are not the user's weakening
    }
    List<String> weaker = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (!typed.has(setting) && setting.weakens(request)) {
        weaker.add(setting.label(request));
      }
    }
    if (weaker.isEmpty()) {
      return null;
    }
    return Text.printable(entry.site())
        + "'s stored entry"
        + (entry.account() == null ? "" : " (account " + Text.printable(entry.account()) + ")")
        + " weakens its password: "
        + String.join(", ", weaker)
        + fromFile();
  }

  /**
   * The line derive and a session print on standard error before a password: {@link #describe}, or
   * with {@code quiet} the {@link #weakening} line ({@code mint: ...}) if there is one, which
   * {@code --quiet} does not hide; null for none.
   */
  public String notice(boolean quiet) {
    if (!quiet) {
      return describe(); // it lists every stored setting that differs from the page's default
    }
    String weakening = weakening();
    return weakening == null ? null : "mint: " + weakening;
  }
}
