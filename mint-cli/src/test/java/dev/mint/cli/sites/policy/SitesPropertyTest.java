package dev.mint.cli.sites.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Level;
import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.cli.CliRun;
import dev.mint.cli.command.DeriveCommand;
import dev.mint.cli.io.Io;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.conformance.Stages;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

/**
 * Properties of matching and merging, on the real pieces (SiteEntry, Sites, SiteMixin behind the
 * real command-line parser) without deriving: every form of a host a user types finds its entry;
 * the merged request takes each setting from the command line if typed, else from the entry, else
 * from the page's defaults.
 */
class SitesPropertyTest {
  /** The top-level domains the hosts end with. */
  private static final List<String> TLDS = List.of(".com", ".org", ".io", ".co.uk", ".de", ".net");

  /**
   * Whether {@code label} is a site's own name for every revision, as mint-core's normalization
   * itself says: {@code label.TLD} and {@code www.label.TLD} normalize to the same site, which
   * starts with the label (a label the revisions strip, such as {@code login}, gives {@code com}).
   * Labels that are a part of the TLDs used here ({@code co}, {@code uk}, ...) are left out too.
   * Asked of mint-core rather than copied from it, so a change to its lists needs no change here.
   */
  static boolean isOwnName(String label) {
    for (String tld : TLDS) {
      if (List.of(tld.substring(1).split("\\.")).contains(label)) {
        return false;
      }
      for (Revision revision : Revision.values()) {
        String site = Stages.normalizeSite(label + tld, revision);
        if (!site.startsWith(label)
            || !site.equals(Stages.normalizeSite("www." + label + tld, revision))) {
          return false;
        }
      }
    }
    return true;
  }

  @Provide
  Arbitrary<String> hosts() {
    Arbitrary<String> label =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('0', '9')
            .ofMinLength(2)
            .ofMaxLength(12)
            .filter(SitesPropertyTest::isOwnName);
    Arbitrary<String> tld = Arbitraries.of(TLDS);
    return Combinators.combine(label, tld).as((l, t) -> l + t);
  }

  /** The forms of {@code host} a revision's rule maps to the same site. */
  static List<String> forms(String host, Revision revision) {
    List<String> forms =
        new ArrayList<>(
            List.of(
                host,
                "www." + host,
                "https://" + host,
                "http://www." + host + "/login",
                "https://" + host + "/a/b",
                "  " + host + " ",
                host.toUpperCase(java.util.Locale.ROOT)));
    if (revision != Revision.R1) {
      forms.addAll(List.of("https://www." + host + ":8443/x?y=1#z", host + "?q", host + "#f"));
    }
    return forms;
  }

  static SiteEntry entry(String site, String account, MintRequest.Builder settings) {
    return new SiteEntry(account, settings.build(), null, "2026-01-01", "2026-01-01", null);
  }

  @Property(tries = 300)
  void everyFormOfAHostFindsItsEntry(@ForAll("hosts") String host, @ForAll Revision revision) {
    Sites profiles = Sites.empty();
    SiteEntry mine = entry(host, null, MintRequest.builder(host).revision(revision));
    profiles.entries().add(mine);
    profiles
        .entries()
        .add(entry("other-" + host, null, MintRequest.builder("other-" + host).revision(revision)));
    for (String typed : forms(host, revision)) {
      assertEquals(Optional.of(mine), profiles.find(typed, null, "sites.json"), typed);
      assertEquals(Stages.normalizeSite(host, revision), Stages.normalizeSite(typed, revision));
    }
  }

  @Property(tries = 300)
  void aDifferentHostFindsNoEntry(
      @ForAll("hosts") String host, @ForAll("hosts") String other, @ForAll Revision revision) {
    Assume.that(
        !Stages.normalizeSite(host, revision).equals(Stages.normalizeSite(other, revision)));
    Sites profiles = Sites.empty();
    profiles.entries().add(entry(host, null, MintRequest.builder(host).revision(revision)));
    for (String typed : forms(other, revision)) {
      assertEquals(Optional.empty(), profiles.find(typed, null, "sites.json"), typed);
    }
  }

  /** Some of the site options, each set or not. */
  record Settings(
      String version,
      Integer length,
      Boolean upper,
      Boolean symbols,
      Boolean allowAmbiguous,
      Level level,
      Revision revision) {
    List<String> args() {
      List<String> args = new ArrayList<>();
      if (version != null) {
        args.add("--site-version=" + version);
      }
      if (length != null) {
        args.add("--length=" + length);
      }
      if (upper != null) {
        args.add(upper ? "--upper" : "--no-upper");
      }
      if (symbols != null) {
        args.add(symbols ? "--symbols" : "--no-symbols");
      }
      if (allowAmbiguous != null) {
        args.add(allowAmbiguous ? "--allow-ambiguous" : "--no-allow-ambiguous");
      }
      if (level != null) {
        args.add("--level=" + level.id());
      }
      if (revision != null) {
        args.add("--revision=" + revision.id());
      }
      return args;
    }
  }

  @Provide
  Arbitrary<Settings> settings() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 9999).map(String::valueOf).injectNull(0.5),
            Arbitraries.integers().between(12, 64).injectNull(0.5),
            Arbitraries.of(true, false).injectNull(0.5),
            Arbitraries.of(true, false).injectNull(0.5),
            Arbitraries.of(true, false).injectNull(0.5),
            Arbitraries.of(Level.class).injectNull(0.5),
            Arbitraries.of(Revision.class).injectNull(0.7))
        .as(Settings::new);
  }

  private static <T> T first(T a, T b, T c) {
    return a != null ? a : b != null ? b : c;
  }

  /**
   * The one merge piece (SiteMixin.resolve, behind the real parser): typed beats stored beats the
   * page's default, setting by setting; the entry was stored with {@code site set}.
   */
  @Property(tries = 150)
  void typedBeatsStoredBeatsDefault(
      @ForAll("hosts") String host,
      @ForAll("settings") Settings stored,
      @ForAll("settings") Settings typed)
      throws IOException {
    Path dir = Files.createTempDirectory("mint-merge");
    try {
      Map<String, String> env = Map.of("MINT_SITES", dir.resolve("sites.json").toString());
      List<String> set = new ArrayList<>(List.of("site", "set", host));
      set.addAll(stored.args());
      CliRun setRun = CliRun.run(new byte[0], env, set.toArray(String[]::new));
      assertEquals(0, setRun.exitCode(), setRun.err());

      DeriveCommand derive = new DeriveCommand(null);
      List<String> args = new ArrayList<>(typed.args());
      args.add("www." + host);
      new CommandLine(derive).parseArgs(args.toArray(String[]::new));
      Io io =
          Io.of(
              new ByteArrayInputStream(new byte[0]),
              new ByteArrayOutputStream(),
              new PrintWriter(new StringWriter()),
              env::get,
              () -> null,
              false,
              false);
      ResolvedSite resolved = derive.profile.resolve(io, derive.site, derive.siteOptions);

      MintRequest defaults = MintRequest.builder(host).build();
      Revision storedRevision = first(stored.revision(), null, defaults.revision());
      MintRequest expected =
          MintRequest.builder("www." + host)
              .version(first(typed.version(), stored.version(), defaults.version()))
              .length(first(typed.length(), stored.length(), defaults.length()))
              .upper(first(typed.upper(), stored.upper(), defaults.upper()))
              .symbols(first(typed.symbols(), stored.symbols(), defaults.symbols()))
              .excludeAmbiguous(
                  !first(
                      typed.allowAmbiguous(),
                      stored.allowAmbiguous(),
                      !defaults.excludeAmbiguous()))
              .level(first(typed.level(), stored.level(), defaults.level()))
              .revision(first(typed.revision(), storedRevision, defaults.revision()))
              .build();
      assertEquals(expected, resolved.request());
      assertTrue(resolved.describe().contains("(from sites.json)"), resolved.describe());
      if (!typed.args().isEmpty()) {
        assertTrue(resolved.describe().endsWith(" (from the command line)"), resolved.describe());
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files
            .sorted(java.util.Comparator.reverseOrder())
            .forEach(
                p -> {
                  try {
                    Files.delete(p);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      }
    }
  }
}
