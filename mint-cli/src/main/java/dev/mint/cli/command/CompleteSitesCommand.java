package dev.mint.cli.command;

import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.store.SitesFile;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mint __complete-sites}: the site names stored in the sites file, one a line, for the shell
 * completion (the generated bash and zsh scripts call it when completing SITE); with {@code
 * --accounts}, the account names instead (when completing {@code --account}). Hidden from the help
 * and the man page. Reads the file through {@link SitesFile}, with all its checks, and prints
 * nothing, and succeeds, when there is no sites file or it cannot be used: a completion must never
 * print an error into the user's command line.
 *
 * <p>Only names made of characters that are safe inside a completion word list are printed: bash's
 * {@code compgen -W} expands what it is given, so a stored name such as {@code $(cmd)} must never
 * reach it.
 */
@Command(
    name = CompleteSitesCommand.NAME,
    hidden = true,
    description = "Print the stored site names, one a line (for shell completion).")
public final class CompleteSitesCommand implements Callable<Integer> {
  public static final String NAME = "__complete-sites";

  /** Letters, digits and the punctuation of host names and URLs; nothing a shell expands. */
  private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}._:/@%+=,-]{1,253}");

  private final Io io;

  @Option(names = "--accounts", description = "The stored account names instead.")
  boolean accounts;

  public CompleteSitesCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    for (String name : accounts ? accountNames(io) : siteNames(io)) {
      io.out().println(name);
    }
    return ExitCodes.OK;
  }

  /**
   * The safe site names of the sites file, in file order without repeats; empty when there is no
   * sites file or it cannot be used (a {@link SitesException}, or no home directory to find it in).
   * Anything else is a bug and is not hidden: it reaches {@code MintCli} as an internal error (on
   * standard error, exit 5), which the completion scripts keep off the command line.
   */
  public static Set<String> siteNames(Io io) {
    return safeNames(io, SiteEntry::site);
  }

  /** The safe account names of the sites file, as {@link #siteNames} gives the sites. */
  public static Set<String> accountNames(Io io) {
    return safeNames(io, SiteEntry::account);
  }

  private static Set<String> safeNames(Io io, Function<SiteEntry, String> name) {
    Set<String> names = new LinkedHashSet<>();
    try {
      SitesFile file = SitesFile.of(io);
      if (!file.exists()) {
        return names;
      }
      for (SiteEntry entry : file.read().entries()) {
        String value = name.apply(entry);
        if (value != null && SAFE_NAME.matcher(value).matches()) {
          names.add(value);
        }
      }
      return names;
    } catch (SitesException | CliException e) {
      return new LinkedHashSet<>(); // a file the user must fix: a completion says nothing
    }
  }
}
