package dev.mint.cli;

import dev.mint.cli.command.CompleteSitesCommand;
import dev.mint.cli.io.Io;
import dev.mint.cli.usage.Suggestions;
import dev.mint.rules.KnownSites;
import dev.mint.rules.SharedSignIn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build tool, neither shipped nor a test (src/build/java, so that picocli-codegen stays out of the
 * CLI's dependencies and a build without the tests still makes the man page): writes the man page
 * source and the shell completion scripts from the very command line {@code mint} runs ({@link
 * MintCli#newCommandLine}), with picocli's own generators, so they cannot drift from {@code --help}
 * and follow every command added there.
 *
 * <p>Compiled and run by the antrun plugin in {@code prepare-package}: {@code DistributionDocs
 * OUTPUT_DIR} writes
 *
 * <ul>
 *   <li>{@code asciidoc/mint.adoc}: one man page for mint and all its visible commands (picocli's
 *       ManPageGenerator output of each command, the commands' pages as sections of the top one),
 *       which the asciidoctor plugin then turns into {@code share/man/man1/mint.1};
 *   <li>{@code share/bash-completion/completions/mint}: picocli's AutoComplete script, with these
 *       additions: SITE completes the stored site names ({@code mint __complete-sites}) and {@code
 *       --account} the stored accounts ({@code mint __complete-sites --accounts}); {@code mint SITE
 *       --le<TAB>} completes derive's options, since derive is the default command; {@code mint
 *       rules} completes the sites of the bundled rules data, {@code mint help} the command names;
 *       and {@code --revision=<TAB>} completes as {@code --revision <TAB>} does;
 *   <li>{@code share/zsh/site-functions/_mint}: the same script for zsh (through bashcompinit), as
 *       an autoloadable completion function.
 * </ul>
 */
final class DistributionDocs {
  private DistributionDocs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DistributionDocs OUTPUT_DIR");
    }
    Path out = Path.of(args[0]);
    CommandLine cli = MintCli.newCommandLine(Io.system());
    write(out.resolve("asciidoc/mint.adoc"), manPage(cli));
    String bash = bashCompletion(cli);
    write(out.resolve("share/bash-completion/completions/mint"), bash);
    write(out.resolve("share/zsh/site-functions/_mint"), zshCompletion(bash));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // man page

  private static final Pattern SECTION =
      Pattern.compile(
          "// tag::picocli-generated-man-section-([a-z-]+)\\[\\]\\n(.*?)"
              + "// end::picocli-generated-man-section-\\1\\[\\]\\n",
          Pattern.DOTALL);

  /** picocli's AsciiDoc page of {@code spec}, by section (name, synopsis, options, ...). */
  private static Map<String, String> sections(CommandLine.Model.CommandSpec spec) {
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      ManPageGenerator.writeSingleManPage(writer, spec);
    }
    Map<String, String> sections = new java.util.LinkedHashMap<>();
    Matcher m = SECTION.matcher(text.toString());
    while (m.find()) {
      sections.put(m.group(1), m.group(2));
    }
    for (String needed : new String[] {"header", "name", "synopsis", "options", "commands"}) {
      if (!sections.containsKey(needed)) {
        throw new IllegalStateException(
            "picocli's man page has no section "
                + needed
                + " (a new picocli version?): "
                + sections.keySet());
      }
    }
    return sections;
  }

  static String manPage(CommandLine cli) {
    Map<String, String> top = sections(cli.getCommandSpec());
    StringBuilder page = new StringBuilder();
    page.append(top.get("header"));
    page.append(top.get("name"));
    // the top command's synopsis is written by hand, one form a line: keep the lines
    page.append(
        top.get("synopsis").replaceFirst("== Synopsis\\n\\n", "== Synopsis\n\n[%hardbreaks]\n"));
    page.append(top.getOrDefault("description", ""));
    page.append(top.get("options"));
    // the command list, then each visible command's page as a section of its own
    page.append(top.get("commands").replaceAll("xref:[^\\[]*\\[([^\\]]*)\\]", "$1"));
    appendCommandSections(page, cli);
    page.append(top.getOrDefault("exit-status", "").replace("==  Exit status:", "== Exit status"));
    page.append(top.getOrDefault("footer", ""));
    page.append("== Files\n\n")
        .append(
            "_$MINT_SITES_, else _$XDG_CONFIG_HOME/mint/sites.json_, else "
                + "_~/.config/mint/sites.json_::\n  The stored sites, whose names the shell completion "
                + "offers for SITE.\n\n");
    return page.toString();
  }

  /**
   * Each visible command below {@code cli}, depth first, as a section of its own ({@code mint
   * site}, then {@code mint site set}, ...), with its synopsis, description, options and arguments.
   */
  private static void appendCommandSections(StringBuilder page, CommandLine cli) {
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
              if (spec.usageMessage().hidden() || sub.getCommandSpec().helpCommand()) {
                return;
              }
              Map<String, String> s = sections(spec);
              page.append("=== ").append(spec.qualifiedName()).append("\n\n");
              String header = String.join(" ", spec.usageMessage().header());
              if (!header.isBlank()) {
                page.append(header).append("\n\n");
              }
              for (String section :
                  new String[] {"synopsis", "description", "options", "arguments"}) {
                // a command's sections become subsections of its section
                page.append(
                    spelledOut(s.getOrDefault(section, "")).replaceAll("(?m)^== ", "==== "));
              }
              appendCommandSections(page, sub);
            });
  }

  /** picocli's {@code *--[no-]upper*} as both names, so a reader finds {@code --no-upper} too. */
  private static String spelledOut(String text) {
    // picocli's synopsis may wrap inside '[*--[no-]symbols*]': break the line before it instead
    text = text.replaceAll("\\[\\*--\\*\\n( +)\\* *\\[no-\\]", "\n$1[*--[no-]");
    return text.replaceAll("\\*--\\[no-\\]([a-z0-9-]+)\\*", "*--$1*, *--no-$1*");
  }

  // ---------------------------------------------------------------------------------------------
  // completion

  /** The site commands whose SITE names a stored entry (or may: set changes one). */
  private static final String[] SITE_COMMANDS_WITH_STORED_SITES = {"show", "bump", "rm", "set"};

  /** The shell words that print the stored site names (the mint being completed runs them). */
  private static final String SITES =
      "$(\"${COMP_WORDS[0]}\" " + CompleteSitesCommand.NAME + " </dev/null 2>/dev/null)";

  static String bashCompletion(CommandLine cli) {
    String script = withNegatedOptions(AutoComplete.bash("mint", cli), cli);
    // site show/bump/rm/set SITE: the stored site names
    for (String command : SITE_COMMANDS_WITH_STORED_SITES) {
      script =
          replaceInFunction(
              script,
              "_picocli_mint_site_" + command,
              "  local positionals=\"\"\n",
              "  local positionals=\"\"\n"
                  + "    # SITE: the site names of the sites file (added by DistributionDocs)\n"
                  + "    positionals="
                  + SITES
                  + "\n");
    }
    // derive's SITE: the stored site names
    script =
        replaceInFunction(
            script,
            "_picocli_mint_derive",
            "  local positionals=\"\"\n",
            "  local positionals=\"\"\n"
                + "    # SITE: the site names of the sites file (added by DistributionDocs)\n"
                + "    positionals="
                + SITES
                + "\n");
    // the top command: derive is the default, so a site is as good as a command name there,
    // and after the first word (or for an option) derive's completion applies
    script =
        replaceInFunction(
            script,
            "_picocli_mint",
            "  local positionals=\"\"\n",
            "  local positionals=\"\"\n"
                + "    # no command name: derive is meant, so offer the stored sites too "
                + "(added by DistributionDocs)\n"
                + "    positionals="
                + SITES
                + "\n");
    script =
        replaceInFunction(
            script,
            "_picocli_mint",
            "  local curr_word=${COMP_WORDS[COMP_CWORD]}\n",
            "  local curr_word=${COMP_WORDS[COMP_CWORD]}\n"
                + "  # 'mint SITE --le<TAB>' and 'mint --le<TAB>': derive is the default command, so its\n"
                + "  # options apply (added by DistributionDocs)\n"
                + "  if (( COMP_CWORD > 1 )) || [[ \"${curr_word}\" == -* ]]; then\n"
                + "    _picocli_mint_derive\n"
                + "    return $?\n"
                + "  fi\n");
    script = withRulesSites(script);
    script = withHelpTopics(script, cli);
    script = withAccounts(script);
    return withValueAfterEquals(script);
  }

  /** Names safe in a word list bash's {@code compgen -W} expands (as CompleteSitesCommand's). */
  private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9._-]{1,253}");

  /** {@code mint rules <TAB>}: the domains the bundled rules data knows (fixed at build time). */
  private static String withRulesSites(String script) {
    KnownSites known = KnownSites.bundled();
    Set<String> domains = new TreeSet<>(known.allRules().keySet());
    for (SharedSignIn group : known.sharedSignIns()) {
      domains.addAll(group.domains());
    }
    domains.removeIf(d -> !SAFE_WORD.matcher(d).matches());
    return replaceInFunction(
        script,
        "_picocli_mint_rules",
        "  local positionals=\"\"\n",
        "  local positionals=\"\"\n"
            + "    # SITE: the sites of the bundled rules data (added by DistributionDocs)\n"
            + "    positionals=\""
            + String.join("\n", domains)
            + "\"\n");
  }

  /** {@code mint help <TAB>}: the visible commands; {@code mint help site <TAB>}: site's. */
  private static String withHelpTopics(String script, CommandLine cli) {
    String top = String.join("\n", Suggestions.visibleCommands(cli));
    String site = String.join("\n", Suggestions.visibleCommands(cli.getSubcommands().get("site")));
    return replaceInFunction(
        script,
        "_picocli_mint_help",
        "  local positionals=\"\"\n",
        "  local positionals=\"\"\n"
            + "    # COMMAND and SUBCOMMAND: the commands (added by DistributionDocs)\n"
            + "    if [[ \"${COMP_WORDS[COMP_CWORD-1]}\" == help ]]; then\n"
            + "      positionals=\""
            + top
            + "\"\n"
            + "    elif [[ \"${COMP_WORDS[COMP_CWORD-1]}\" == site ]]; then\n"
            + "      positionals=\""
            + site
            + "\"\n"
            + "    fi\n");
  }

  /** {@code --account <TAB>}, wherever it is taken: the account names of the sites file. */
  private static String withAccounts(String script) {
    String from = "    '--account')\n      return\n      ;;\n";
    if (!script.contains(from)) {
      throw new IllegalStateException(
          "picocli's completion script changed: no '--account' case (a new picocli version?)");
    }
    return script.replace(
        from,
        "    '--account')\n"
            + "      # the account names of the sites file (added by DistributionDocs)\n"
            + "      local IFS=$'\\n'\n"
            + "      COMPREPLY=( $(compgen -W \"$(\"${COMP_WORDS[0]}\" "
            + CompleteSitesCommand.NAME
            + " --accounts </dev/null 2>/dev/null)\" -- \"${curr_word}\") )\n"
            + "      return 0\n"
            + "      ;;\n");
  }

  /**
   * {@code --revision=<TAB>}: bash splits the word at {@code =} (COMP_WORDBREAKS), so the option's
   * functions, which look at the word before the current one, saw {@code =} there; the {@code =}
   * word is taken out first, so {@code --revision=r<TAB>} completes as {@code --revision r<TAB>}.
   */
  private static String withValueAfterEquals(String script) {
    String start = "function _complete_mint() {\n";
    return replaceInFunction(
        script,
        "_complete_mint",
        start,
        start
            + "  # '--option=VALUE': complete VALUE as after '--option VALUE' (added by"
            + " DistributionDocs)\n"
            + "  if (( COMP_CWORD > 1 )) && [[ \"${COMP_WORDS[COMP_CWORD]}\" == = \\\n"
            + "      && \"${COMP_WORDS[COMP_CWORD-1]}\" == --* ]]; then\n"
            + "    COMP_WORDS[COMP_CWORD]=''\n"
            + "  elif (( COMP_CWORD > 2 )) && [[ \"${COMP_WORDS[COMP_CWORD-1]}\" == = \\\n"
            + "      && \"${COMP_WORDS[COMP_CWORD-2]}\" == --* ]]; then\n"
            + "    COMP_WORDS=( \"${COMP_WORDS[@]:0:COMP_CWORD-1}\" \"${COMP_WORDS[@]:COMP_CWORD}\" )\n"
            + "    COMP_CWORD=$(( COMP_CWORD - 1 ))\n"
            + "  fi\n");
  }

  /**
   * picocli's script offers {@code --upper} but not {@code --no-upper}: each command's function
   * gets the negated names of its negatable options among its flags.
   */
  private static String withNegatedOptions(String script, CommandLine cli) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
      StringBuilder negated = new StringBuilder();
      spec.negatedOptionsMap()
          .forEach(
              (name, option) -> {
                if (!option.hidden()) {
                  negated.append(" '").append(name).append('\'');
                }
              });
      if (negated.length() > 0) {
        String function = "_picocli_" + spec.qualifiedName().replace(' ', '_');
        int begin = script.indexOf("function " + function + "() {\n");
        int at = begin < 0 ? -1 : script.indexOf("  local flag_opts=\"", begin);
        int end = at < 0 ? -1 : script.indexOf("\"\n", at + "  local flag_opts=\"".length());
        if (end < 0) {
          throw new IllegalStateException(
              "picocli's completion script changed: no flag_opts in function "
                  + function
                  + " (a new picocli version?)");
        }
        script = script.substring(0, end) + negated + script.substring(end);
      }
      script = withNegatedOptions(script, sub);
    }
    return script;
  }

  /** {@code script} with {@code from} replaced by {@code to} once, inside function {@code name}. */
  private static String replaceInFunction(String script, String name, String from, String to) {
    String start = "function " + name + "() {\n";
    int begin = script.indexOf(start);
    int end = begin < 0 ? -1 : script.indexOf("\n}\n", begin);
    int at = end < 0 ? -1 : script.indexOf(from, begin);
    if (at < 0 || at > end) {
      throw new IllegalStateException(
          "picocli's completion script changed: no '"
              + from.strip()
              + "' in function "
              + name
              + " (a new picocli version?)");
    }
    return script.substring(0, at) + to + script.substring(at + from.length());
  }

  /**
   * zsh loads {@code _mint} from its fpath when {@code mint} is first completed, and runs the file
   * as the function {@code _mint}. The file defines the bash functions (zsh runs them through
   * bashcompinit, which picocli's script sets up), registers them for later completions, and
   * completes this first time too.
   */
  static String zshCompletion(String bash) {
    return "#compdef mint\n"
        + "# zsh completion for mint, generated from picocli's bash completion (see the\n"
        + "# bash-completion file of the same build); zsh runs it through bashcompinit.\n"
        + "autoload -U +X bashcompinit && bashcompinit\n\n"
        + bash
        + "\n# complete this first time as well (later completions call _complete_mint directly)\n"
        + "_bash_complete -F _complete_mint \"$@\"\n";
  }
}
