package dev.mint.cli.options;

import dev.mint.Level;
import dev.mint.MintRequest;
import dev.mint.Revision;
import picocli.CommandLine.Option;

/**
 * The site settings every command that mints takes: version, length, character classes,
 * exclude-ambiguous, level and revision (a picocli mixin). Each field is null when its option is
 * not on the command line, so the settings can be laid over others (the page's defaults, or a
 * stored profile) and only what was typed overrides them.
 */
public final class SiteSettingsMixin {
  @Option(
      names = "--site-version",
      paramLabel = "TEXT",
      description = "The version field's text, used verbatim: 1 to 9999 (page default: 1).")
  public String version;

  @Option(
      names = "--length",
      paramLabel = "N",
      description = "Password length, 12 to 64 (page default: 16).")
  public Integer length;

  @Option(
      names = "--upper",
      negatable = true,
      description = "Upper-case letters (page default: on; --no-upper turns them off).")
  public Boolean upper;

  @Option(
      names = "--lower",
      negatable = true,
      description = "Lower-case letters (page default: on).")
  public Boolean lower;

  @Option(names = "--digits", negatable = true, description = "Digits (page default: on).")
  public Boolean digits;

  @Option(names = "--symbols", negatable = true, description = "Symbols (page default: on).")
  public Boolean symbols;

  @Option(
      names = "--allow-ambiguous",
      negatable = true,
      description = "Allow O I l 0 1 (page default: off, the \"exclude ambiguous\" box ticked).")
  public Boolean allowAmbiguous;

  @Option(
      names = "--level",
      paramLabel = "LEVEL",
      converter = Arguments.LevelConverter.class,
      completionCandidates = Arguments.Levels.class,
      description =
          "standard (210,000 PBKDF2 iterations) or high (400,000) (page default: standard).")
  public Level level;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      converter = Arguments.RevisionConverter.class,
      completionCandidates = Arguments.Revisions.class,
      description = "The page release: r1, r2 or r3, the current page (default: r3).")
  public Revision revision;

  /** The request for {@code site}: the page's defaults, then the options given. */
  public MintRequest request(String site) {
    return applyTo(MintRequest.builder(Arguments.checkDecoded("site", site))).build();
  }

  /** {@code builder} with every option that was given set on it; the others left as they are. */
  public MintRequest.Builder applyTo(MintRequest.Builder builder) {
    if (version != null) {
      builder.version(Arguments.checkDecoded("version", version));
    }
    if (length != null) {
      builder.length(length);
    }
    if (upper != null) {
      builder.upper(upper);
    }
    if (lower != null) {
      builder.lower(lower);
    }
    if (digits != null) {
      builder.digits(digits);
    }
    if (symbols != null) {
      builder.symbols(symbols);
    }
    if (allowAmbiguous != null) {
      builder.excludeAmbiguous(!allowAmbiguous);
    }
    if (level != null) {
      builder.level(level);
    }
    if (revision != null) {
      builder.revision(revision);
    }
    return builder;
  }
}
