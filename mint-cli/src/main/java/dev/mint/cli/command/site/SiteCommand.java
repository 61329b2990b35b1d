package dev.mint.cli.command.site;

import dev.mint.MintRequest;
import dev.mint.Revision;
import dev.mint.Stages;
import dev.mint.cli.MintCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.options.Arguments;
import dev.mint.cli.options.ProfileMixin;
import dev.mint.cli.options.SiteSettingsMixin;
import dev.mint.cli.sites.Profiles;
import dev.mint.cli.sites.SiteEntry;
import dev.mint.cli.sites.SitesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mint site ...}: the sites file, where mint remembers each site's settings (never a phrase
 * or a password). A mint feature: the page stores nothing.
 */
@Command(
    name = "site",
    mixinStandardHelpOptions = true,
    versionProvider = MintCommand.Version.class,
    headerHeading = "",
    header = "Remember each site's settings, so that 'mint SITE' needs no options (mint only).",
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "The sites file holds, for each site, the settings the page asks for besides the phrase: "
          + "revision, version, length, character classes, exclude-ambiguous, level; and an "
          + "optional account label and note. It never holds a phrase, a password or anything "
          + "computed from them. Once a site has an entry, 'mint SITE' uses it: 'mint site set "
          + "github.com --length 20 --no-symbols', then 'mint www.github.com' derives with length "
          + "20 and no symbols (an entry matches every site that normalizes to the same name "
          + "under the entry's revision).",
      "",
      "The file is ~/.config/mint/sites.json, or $XDG_CONFIG_HOME/mint/sites.json when "
          + "XDG_CONFIG_HOME is set, or $MINT_SITES when that is set. mint creates it 0600 in a 0700 directory, writes it "
          + "atomically under a lock (sites.json.lock), and refuses to use it when it or its "
          + "directory is writable by group or others, or when it cannot be read as a sites file "
          + "(exit 4; the file is then left exactly as it is). Only 'site list', 'site show' and "
          + "'site export' print its content on standard output.",
      "",
      "A site named like a command of mint ('site', 'verify', ...) is derived with 'mint derive "
          + "site'.",
      ""
    })
public final class SiteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "missing command: set, list, show, rm, bump, export or import");
  }

  /** The {@code site} command with its subcommands, each writing through {@code io}. */
  public static CommandLine commandLine(Io io) {
    return new CommandLine(new SiteCommand())
        .addSubcommand(new SetCommand(io))
        .addSubcommand(new ListCommand(io))
        .addSubcommand(new ShowCommand(io))
        .addSubcommand(new RmCommand(io))
        .addSubcommand(new BumpCommand(io))
        .addSubcommand(new ExportCommand(io))
        .addSubcommand(new ImportCommand(io));
  }

  /** The entry for the site (and account) typed, or exit 3 when there is none. */
  static SiteEntry require(Profiles profiles, String typedSite, String account, SitesFile file) {
    Arguments.checkDecoded("site", typedSite);
    MintRequest.builder(typedSite).build(); // a blank or overlong site is refused as such
    return profiles
        .find(typedSite, account, file.name())
        .orElseThrow(
            () ->
                CliException.invalid(
                    "site",
                    "no entry of "
                        + file.name()
                        + " matches the site"
                        + (account == null ? "" : " and account")
                        + " given (see 'mint site list')"));
  }

  static void checkLabel(String field, String value) {
    if (value == null) {
      return;
    }
    Arguments.checkDecoded(field, value);
    try {
      SiteEntry.checkLabel(field, value);
    } catch (SiteEntry.BadValue e) {
      throw CliException.invalid(field, e.getMessage());
    }
  }

  /**
   * The settings that differ from the page's defaults: {@code version 3, length 20, no symbols}.
   */
  static String nonDefaults(MintRequest settings) {
    MintRequest defaults = MintRequest.builder(settings.site()).build();
    List<String> parts = new ArrayList<>();
    parts.add("revision " + settings.revision().id());
    if (!settings.version().equals(defaults.version())) {
      parts.add("version " + settings.version());
    }
    if (settings.length() != defaults.length()) {
      parts.add("length " + settings.length());
    }
    String[] names = {"upper", "lower", "digits", "symbols"};
    boolean[] on = {settings.upper(), settings.lower(), settings.digits(), settings.symbols()};
    for (int i = 0; i < names.length; i++) {
      if (!on[i]) {
        parts.add("no " + names[i]);
      }
    }
    if (!settings.excludeAmbiguous()) {
      parts.add("ambiguous allowed");
    }
    if (settings.level() != defaults.level()) {
      parts.add("level " + settings.level().id());
    }
    return String.join(", ", parts);
  }

  /**
   * {@code Aa9!} with a {@code -} for each class turned off, {@code +amb} when O I l 0 1 are
   * allowed.
   */
  static String classes(MintRequest s) {
    return (s.upper() ? "A" : "-")
        + (s.lower() ? "a" : "-")
        + (s.digits() ? "9" : "-")
        + (s.symbols() ? "!" : "-")
        + (s.excludeAmbiguous() ? "" : "+amb");
  }

  /** Control characters of a tampered file never reach the terminal as they are. */
  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c ->
                s.appendCodePoint(
                    Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? '?' : c));
    return s.toString();
  }

  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

  static String shellQuote(String arg) {
    return SHELL_SAFE.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }

  /** The {@code mint derive} command line that gives the entry's password without the file. */
  static String deriveCommand(SiteEntry entry) {
    MintRequest s = entry.settings();
    List<String> args =
        new ArrayList<>(List.of("mint", "derive", "--no-profile", "--revision", s.revision().id()));
    if (!s.version().equals("1")) {
      args.add("--site-version");
      args.add(s.version());
    }
    if (s.length() != MintRequest.DEFAULT_LENGTH) {
      args.add("--length");
      args.add(Integer.toString(s.length()));
    }
    if (!s.upper()) {
      args.add("--no-upper");
    }
    if (!s.lower()) {
      args.add("--no-lower");
    }
    if (!s.digits()) {
      args.add("--no-digits");
    }
    if (!s.symbols()) {
      args.add("--no-symbols");
    }
    if (!s.excludeAmbiguous()) {
      args.add("--allow-ambiguous");
    }
    if (s.level() != dev.mint.Level.STANDARD) {
      args.add("--level");
      args.add(s.level().id());
    }
    if (entry.site().startsWith("-")) {
      args.add("--");
    }
    args.add(entry.site());
    StringBuilder line = new StringBuilder();
    for (String arg : args) {
      line.append(line.length() == 0 ? "" : " ").append(shellQuote(arg));
    }
    return printable(line.toString());
  }

  private static void checkWritten(Io io) {
    if (io.out().checkError()) {
      throw CliException.io("cannot write to standard output");
    }
  }

  @Command(
      name = "set",
      sortOptions = false,
      mixinStandardHelpOptions = true,
      versionProvider = MintCommand.Version.class,
      headerHeading = "",
      header = "Store SITE's settings: create its entry, or change the options given.",
      description = {
        "Takes the same site options as 'mint derive'. A new entry gets the page's defaults for "
            + "every option not given; for an existing entry (one SITE matches, for example "
            + "github.com for www.github.com) only the options given change. No phrase is asked "
            + "and nothing is printed on standard output; standard error says what was stored.",
        "",
        "Example: mint site set github.com --site-version 3 --length 20 --no-symbols",
        ""
      })
  static final class SetCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "SITE", description = "The site as typed on the page.")
    String site;

    @Mixin SiteSettingsMixin options;

    @Option(
        names = "--account",
        paramLabel = "NAME",
        description =
            "A label telling two entries of one site apart (does not change the "
                + "password): 'mint github.com --account work' then picks this one.")
    String account;

    @Option(
        names = "--note",
        paramLabel = "TEXT",
        description =
            "A note shown by 'site list' and 'site show' (not secret: never a phrase "
                + "or a password).")
    String note;

    SetCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      Arguments.checkDecoded("site", site);
      options.request(site); // the options are checked before the file is touched
      checkLabel("account", account);
      checkLabel("note", note);
      SitesFile file = SitesFile.of(io);
      SiteEntry[] change =
          file.update(p -> p.set(site, account, options, note, SitesFile.today(), file.name()));
      io.err()
          .println(
              (change[0] == null ? "added " : "updated ")
                  + printable(change[1].label())
                  + ": "
                  + nonDefaults(change[1].settings())
                  + " ("
                  + file.name()
                  + ")");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      versionProvider = MintCommand.Version.class,
      headerHeading = "",
      header = "Print every entry of the sites file: a table, or JSON with --json.",
      description = {
        "Columns: site, account, revision, version, length, classes, level, note. Classes: A "
            + "upper, a lower, 9 digits, ! symbols, - for a class turned off, +amb when O I l 0 "
            + "1 are allowed. An entry on the page r1 or r2 is marked '*': 'mint site show SITE' "
            + "says how its site normalizes on the current page r3, to plan moving it.",
        ""
      })
  static final class ListCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--json", description = "The entries as a JSON array, as the file holds them.")
    boolean json;

    ListCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      SitesFile file = SitesFile.of(io);
      Profiles profiles = file.read();
      if (json) {
        io.out().println(profiles.entriesJson());
        checkWritten(io);
        return ExitCodes.OK;
      }
      if (profiles.entries().isEmpty()) {
        io.err().println("no entries in " + file.name() + " (add one with 'mint site set SITE')");
        return ExitCodes.OK;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(
          new String[] {"SITE", "ACCOUNT", "REV", "VERSION", "LENGTH", "CLASSES", "LEVEL", "NOTE"});
      boolean old = false;
      for (SiteEntry e : profiles.entries()) {
        MintRequest s = e.settings();
        boolean onOldPage = s.revision() != Revision.R3;
        old |= onOldPage;
        rows.add(
            new String[] {
              printable(e.site()),
              printable(e.account()),
              s.revision().id() + (onOldPage ? "*" : ""),
              s.version(),
              Integer.toString(s.length()),
              classes(s),
              s.level().id(),
              printable(e.note())
            });
      }
      int[] widths = new int[rows.get(0).length];
      for (String[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          widths[i] = Math.max(widths[i], row[i].length());
        }
      }
      for (String[] row : rows) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
          line.append(
              i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
        }
        io.out().println(line.toString().stripTrailing());
      }
      if (old) {
        io.out()
            .println(
                "* on an older page (r1/r2): 'mint site show SITE' says how the site"
                    + " normalizes on r3");
      }
      checkWritten(io);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      versionProvider = MintCommand.Version.class,
      headerHeading = "",
      header = "Print one entry, and the 'mint derive' command line that reproduces it.",
      description = {
        "The command line gives the entry's password without the sites file (--no-profile), on "
            + "any machine. For an entry on the page r1 or r2, also says how its site normalizes "
            + "on the current page r3.",
        ""
      })
  static final class ShowCommand implements Callable<Integer> {
    private final Io io;

    @Mixin StoredEntry entry;

    ShowCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      SitesFile file = SitesFile.of(io);
      SiteEntry e = entry.in(file.read(), file);
      MintRequest s = e.settings();
      List<String> on = new ArrayList<>();
      List<String> off = new ArrayList<>();
      String[] names = {"upper", "lower", "digits", "symbols"};
      boolean[] flags = {s.upper(), s.lower(), s.digits(), s.symbols()};
      for (int i = 0; i < names.length; i++) {
        (flags[i] ? on : off).add(names[i]);
      }
      List<String> lines = new ArrayList<>();
      lines.add("site        " + printable(e.site()));
      if (e.account() != null) {
        lines.add("account     " + printable(e.account()));
      }
      lines.add("revision    " + s.revision().id());
      lines.add("version     " + s.version());
      lines.add("length      " + s.length());
      lines.add(
          "classes     "
              + String.join(", ", on)
              + (off.isEmpty() ? "" : " (no " + String.join(", no ", off) + ")"));
      lines.add("ambiguous   " + (s.excludeAmbiguous() ? "excluded (O I l 0 1)" : "allowed"));
      lines.add("level       " + s.level().id());
      if (e.note() != null) {
        lines.add("note        " + printable(e.note()));
      }
      lines.add("created     " + printable(e.created()));
      lines.add("updated     " + printable(e.updated()));
      lines.add("normalized  " + printable(e.normalizedSite()));
      if (s.revision() != Revision.R3) {
        String onR3 = Stages.normalizeSite(e.site(), Revision.R3);
        lines.add(
            "on r3       "
                + printable(onR3)
                + (onR3.equals(e.normalizedSite())
                    ? " (the same name"
                    : " (another name than on " + s.revision().id())
                + "; r3 also has other symbols, so moving this site to r3 gives it a new password:"
                + " plan it as a password change)");
      }
      lines.add("derive      " + deriveCommand(e));
      lines.forEach(io.out()::println);
      checkWritten(io);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "rm",
      mixinStandardHelpOptions = true,
      versionProvider = MintCommand.Version.class,
      headerHeading = "",
      header = "Remove SITE's entry from the sites file.",
      description = {
        "The site's password does not change; 'mint SITE' then uses the page's "
            + "defaults again.",
        ""
      })
  static final class RmCommand implements Callable<Integer> {
    private final Io io;

    @Mixin StoredEntry entry;

    RmCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      SitesFile file = SitesFile.of(io);
      SiteEntry removed =
          file.update(
              p -> {
                SiteEntry e = entry.in(p, file);
                p.entries().remove(e);
                return e;
              });
      io.err().println("removed " + printable(removed.label()) + " (" + file.name() + ")");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "bump",
      mixinStandardHelpOptions = true,
      versionProvider = MintCommand.Version.class,
      headerHeading = "",
      header = "Add one to SITE's version: the way to rotate its password.",
      description = {
        "Standard error shows the old and the new version, for example "
            + "'github.com: version 3 -> 4'. The next 'mint SITE' gives the new password.",
        ""
      })
  static final class BumpCommand implements Callable<Integer> {
    private final Io io;

    @Mixin StoredEntry entry;

    BumpCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      SitesFile file = SitesFile.of(io);
      SiteEntry[] change =
          file.update(
              p -> {
                SiteEntry before = entry.in(p, file);
                int version = Integer.parseInt(before.settings().version()); // checked: 1 to 9999
                if (version >= 9999) {
                  throw CliException.invalid(
                      "version", "9999 is the highest version the page takes");
                }
                MintRequest bumped =
                    before.settings().toBuilder().version(Integer.toString(version + 1)).build();
                SiteEntry after = before.withSettings(bumped, SitesFile.today());
                p.replace(before, after);
                return new SiteEntry[] {before, after};
              });
      io.err()
          .println(
              printable(change[1].label())
                  + ": version "
                  + change[0].settings().version()
                  + " -> "
                  + change[1].settings().version()
                  + " ("
                  + file.name()
                  + ")");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      versionProvider = MintCommand.Version.class,
      headerHeading = "",
      header = "Write the sites file's entries to standard output, or to FILE.",
      description = {
        "FILE is written 0600, atomically. 'mint site import' reads it (on another "
            + "machine, for example). It holds no secret, but says which sites you use.",
        ""
      })
  static final class ExportCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "FILE",
        description = "Where to write (default: standard output).")
    Path target;

    ExportCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      SitesFile file = SitesFile.of(io);
      Profiles profiles = file.read();
      byte[] bytes = profiles.toBytes();
      if (target == null) {
        io.out().flush();
        try {
          io.stdout().write(bytes);
          io.stdout().flush();
        } catch (IOException e) {
          throw CliException.io("cannot write to standard output");
        }
        return ExitCodes.OK;
      }
      try {
        if (Files.exists(target)
            && Files.exists(file.path())
            && Files.isSameFile(target, file.path())) {
          throw CliException.usage("FILE is the sites file itself");
        }
      } catch (IOException e) {
        throw CliException.io(target + ": cannot be read (" + IoErrors.describe(e) + ")");
      }
      SitesFile.writeAtomically(target, bytes);
      io.err().println("exported " + profiles.entries().size() + " entries to " + target);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      versionProvider = MintCommand.Version.class,
      headerHeading = "",
      header = "Merge the entries of FILE (written by 'mint site export') into the sites file.",
      description = {
        "An entry of FILE whose site and account have no entry yet is added. One that matches a "
            + "stored entry with the same settings is unchanged (a different note is taken: "
            + "updated). One that matches a stored entry with different settings (another "
            + "password) is a conflict: reported on standard error and skipped, unless --replace, "
            + "which takes FILE's. Standard error ends with: 'N added, N updated, N unchanged, N "
            + "conflicting'. FILE is checked whole before anything is stored.",
        ""
      })
  static final class ImportCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "FILE", description = "A file 'mint site export' wrote.")
    Path source;

    @Option(
        names = "--replace",
        description = "On a conflict, take FILE's entry instead of keeping the stored one.")
    boolean replace;

    ImportCommand(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      Profiles incoming = Profiles.parse(readSource(), source.toString());
      SitesFile file = SitesFile.of(io);
      List<String> conflicts = new ArrayList<>();
      int[] counts = file.update(p -> merge(p, incoming, conflicts));
      conflicts.forEach(io.err()::println);
      io.err()
          .println(
              "imported "
                  + source
                  + ": "
                  + counts[0]
                  + " added, "
                  + counts[1]
                  + " updated, "
                  + counts[2]
                  + " unchanged, "
                  + counts[3]
                  + " conflicting");
      return ExitCodes.OK;
    }

    private byte[] readSource() {
      try {
        if (!Files.isRegularFile(source)) {
          throw CliException.io(source + ": no such file");
        }
        if (Files.size(source) > SitesFile.MAX_BYTES) {
          throw CliException.io(source + ": larger than " + (SitesFile.MAX_BYTES >> 20) + " MiB");
        }
        return Files.readAllBytes(source);
      } catch (IOException e) {
        throw CliException.io(source + ": cannot be read (" + IoErrors.describe(e) + ")");
      }
    }

    /** Added, updated, unchanged, conflicting. */
    private int[] merge(Profiles stored, Profiles incoming, List<String> conflicts) {
      int[] counts = new int[4];
      String date = SitesFile.today();
      for (SiteEntry in : incoming.entries()) {
        List<SiteEntry> same = new ArrayList<>();
        for (SiteEntry e : stored.entries()) {
          if (e.sameAccount(in.account()) && (e.matches(in.site()) || in.matches(e.site()))) {
            same.add(e);
          }
        }
        if (same.isEmpty()) {
          stored.entries().add(in);
          counts[0]++;
        } else if (same.size() > 1) {
          counts[3]++;
          conflicts.add(
              "conflict: "
                  + printable(in.label())
                  + " matches "
                  + same.size()
                  + " stored entries: skipped");
        } else if (samePassword(same.get(0), in)) {
          if (in.note() != null && !in.note().equals(same.get(0).note())) {
            stored.replace(same.get(0), same.get(0).withNote(in.note(), date));
            counts[1]++;
          } else {
            counts[2]++;
          }
        } else if (replace) {
          stored.replace(same.get(0), in.withNote(in.note(), date));
          counts[1]++;
        } else {
          counts[3]++;
          conflicts.add(
              "conflict: "
                  + printable(in.label())
                  + " ("
                  + nonDefaults(in.settings())
                  + ") differs from the stored "
                  + printable(same.get(0).label())
                  + " ("
                  + nonDefaults(same.get(0).settings())
                  + "): skipped (--replace takes FILE's)");
        }
      }
      return counts;
    }

    /** Same normalized site and same settings: the same password for the same phrase. */
    private static boolean samePassword(SiteEntry a, SiteEntry b) {
      return a.revision() == b.revision()
          && a.normalizedSite().equals(b.normalizedSite())
          && a.applyTo(MintRequest.builder("x"))
              .build()
              .equals(b.applyTo(MintRequest.builder("x")).build());
    }
  }

  /** The stored entry {@code site show}, {@code rm} and {@code bump} work on (a mixin). */
  static final class StoredEntry {
    @Parameters(index = "0", paramLabel = "SITE", description = "A site the entry matches.")
    String site;

    @Option(names = "--account", paramLabel = "NAME", description = ProfileMixin.ACCOUNT_HELP)
    String account;

    /**
     * The entry of {@code profiles} that SITE and {@code --account} select; see {@link #require}.
     */
    SiteEntry in(Profiles profiles, SitesFile file) {
      return require(profiles, site, account, file);
    }
  }
}
