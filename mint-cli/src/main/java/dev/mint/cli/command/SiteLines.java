package dev.mint.cli.command;

import dev.mint.InvalidInputException;
import dev.mint.MintRequest;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.RulesMixin;
import dev.mint.cli.options.SiteMixin;
import dev.mint.cli.options.SiteSettingsMixin;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.ResolvedSite;
import dev.mint.cli.usage.UsageErrors;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * A line of {@code mint session} or {@code mint batch}: a site, optionally followed by derive's
 * site options, as on derive's command line ({@code github.com --length 20}). The line is split
 * into words as a shell would for these simple cases (spaces separate; single or double quotes keep
 * spaces in a word; a backslash outside single quotes takes the next character as it is), then
 * parsed by picocli against {@link SiteSettingsMixin} and {@link SiteMixin}, the mixins derive
 * uses, and resolved as derive resolves its command line: the page's defaults, then the entry of
 * the sites file that matches the site ({@code --account}, {@code --no-profile}), then the options
 * on the line; {@code --no-rules} on a line turns the sites' known password rules off for it.
 * Anything added to those mixins reaches these lines too.
 *
 * <p>One parser per session or batch: picocli resets every option before each parse. A batch's
 * lines come from a file or a pipe that anyone may have written, so there a line that says {@code
 * --save} is refused: a line of input must not rewrite a stored entry (a session's lines are typed
 * by the user at the prompt and may save).
 */
public final class SiteLines {
  /**
   * A parsed line: the site as typed, what it resolved to (request, entry used), and whether the
   * sites' known password rules are off for it ({@code --no-rules} on the line or on the command).
   */
  record Parsed(String site, ResolvedSite resolved, boolean rulesOff) {
    MintRequest request() {
      return resolved.request();
    }

    /** This line with {@code found}'s version, which {@code --save} then stores. */
    Parsed atVersion(MintRequest found) {
      return new Parsed(site, SiteMixin.atVersion(resolved, found), rulesOff);
    }

    /**
     * The site as typed and, when the entry used has one, its account: {@code a.com (account x)};
     * for an entry that gives another site's password, that site: {@code icloud.com (same as
     * apple.com)}.
     */
    String label() {
      SiteEntry entry = resolved.entry();
      String label =
          entry == null || entry.account() == null
              ? site
              : site + " (account " + Text.printable(entry.account()) + ")";
      return resolved.isSameAs()
          ? label + " (same as " + Text.printable(entry.sameAs()) + ")"
          : label;
    }
  }

  /** A line that cannot be used; the message is safe to print (it never repeats a value). */
  static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;

    BadLine(String message) {
      super(message, null, false, false);
    }
  }

  /** Parsed as a command of its own name, which messages can tell from a real command's. */
  @Command(name = UsageErrors.SITE_LINE, mixinStandardHelpOptions = false)
  static final class Line {
    @Parameters(
        index = "0",
        paramLabel = "SITE",
        description = "The site as typed on the page, for example github.com or a URL.")
    String site;

    @Mixin CommandSpec siteOptions = SiteSettingsMixin.create();

    @Mixin SiteMixin profile;

    @Mixin RulesMixin rules;
  }

  private final Io io;
  private final boolean mayStore;
  private final RulesMixin commandRules;
  private final Line line = new Line();
  private final CommandLine cli;
  private final PhraseCheck phraseCheck;

  /**
   * A parser for lines read by {@code io}; {@code mayStore} false refuses a line with {@code
   * --save} (a batch's input); {@code commandRules} is the command's {@code --no-rules}, which
   * holds for every line.
   */
  public SiteLines(Io io, boolean mayStore, RulesMixin commandRules) {
    this(io, mayStore, commandRules, null);
  }

  /**
   * As {@link #SiteLines(Io, boolean, RulesMixin)}, for the phrase held whose check is {@code
   * phraseCheck}: a line whose site needs another phrase (a rotation moved it, or left it on an
   * older one) is refused with the line that says which; null checks nothing ({@code --force}).
   */
  public SiteLines(Io io, boolean mayStore, RulesMixin commandRules, PhraseCheck phraseCheck) {
    this.phraseCheck = phraseCheck;
    this.io = io;
    this.mayStore = mayStore;
    this.commandRules = commandRules;
    cli = new CommandLine(line);
    cli.setExpandAtFiles(false); // '@home' is a site, not a file of arguments
  }

  /**
   * The request for one line.
   *
   * @throws BadLine for an unknown option, a bad value, {@code --save} where it is refused, a
   *     missing or blank site, an unclosed quote, a site that matches several entries of the sites
   *     file without {@code --account}, a sites file that cannot be used
   */
  Parsed parse(String text) throws BadLine {
    List<String> words = split(text);
    try {
      cli.parseArgs(words.toArray(String[]::new));
      if (!mayStore && line.profile.saves()) {
        throw new BadLine(
            "--save is refused in batch input: a line read from a file or a pipe must not "
                + "rewrite the sites file; store the entry with 'mint site set SITE ...'");
      }
      boolean rulesOff = commandRules.ignored() || line.rules.ignored();
      ResolvedSite resolved = line.profile.resolve(io, line.site, line.siteOptions);
      String refusal = phraseCheck == null ? null : resolved.route().refusal(phraseCheck);
      if (refusal != null) {
        throw new BadLine(refusal);
      }
      if (!rulesOff) {
        // --save on a session line stores the settings the rules choose, as derive --save does
        resolved = line.profile.withRulesIfSaving(io, line.rules, resolved, line.site);
      }
      return new Parsed(line.site, resolved, rulesOff);
    } catch (ParameterException e) {
      throw new BadLine(UsageErrors.describe(e));
    } catch (InvalidInputException | CliException | SitesException e) {
      throw new BadLine(e.getMessage());
    }
  }

  /** Whether the line parsed last ({@code parsed}) creates the entry it stores. */
  boolean createsEntry(Parsed parsed) {
    return line.profile.createsEntry(parsed.resolved());
  }

  /**
   * With {@code --save} on the line parsed last ({@code parsed}): stores its options in the sites
   * file, as derive does; call before parsing the next line.
   *
   * @throws BadLine when the file cannot be written
   */
  void saveIfAsked(Parsed parsed, boolean quiet) throws BadLine {
    try {
      line.profile.saveIfAsked(io, parsed.resolved(), parsed.site(), quiet, phraseCheck);
    } catch (ParameterException e) {
      throw new BadLine(UsageErrors.describe(e));
    } catch (InvalidInputException | CliException | SitesException e) {
      throw new BadLine(e.getMessage());
    }
  }

  /** A session or batch line that names {@code entry}: its site, and its account if it has one. */
  static String lineFor(SiteEntry entry) {
    return quote(entry.site())
        + (entry.account() == null ? "" : " --account " + quote(entry.account()));
  }

  /** {@code word} as one word of a line: single-quoted, a single quote written as '\''. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** {@code text} split into words; quotes and backslashes as described above. */
  public static List<String> split(String text) throws BadLine {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\'
            && quote == '"'
            && i + 1 < text.length()
            && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\\')) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new BadLine("unclosed " + (quote == '"' ? "double" : "single") + " quote");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
