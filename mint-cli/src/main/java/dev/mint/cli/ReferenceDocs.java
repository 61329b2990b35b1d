package dev.mint.cli;

import dev.mint.cli.io.Io;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Build tool, run by the build, not by {@code mint}: writes the command reference, one Markdown
 * page per visible command ({@code mint.md}, {@code mint-site-set.md}, ...) and an index ({@code
 * README.md}), from the very command line {@code mint} runs ({@link MintCli#newCommandLine}), the
 * source of {@code --help}, the man page and the completion scripts too. Each page has the
 * command's usage, description, arguments, options, commands and exit codes, as {@code --help}
 * shows them.
 *
 * <p>The pages are checked in under {@code docs/reference/}; {@code ReferenceDocsTest} fails when
 * they differ from what this class makes of today's command line. {@link #REGENERATE} rewrites
 * them.
 */
public final class ReferenceDocs {
  /** The one command that rewrites {@code docs/reference/} from the command line. */
  public static final String REGENERATE =
      "mvn -B -ntp -pl mint-cli -am -Preference-docs -DskipTests test-compile";

  /** The index page's file name (GitHub shows it for the directory). */
  public static final String INDEX = "README.md";

  private static final String GENERATED =
      "<!-- Generated from mint's command line (ReferenceDocs): do not edit. Regenerate with "
          + REGENERATE
          + " -->\n";

  private ReferenceDocs() {}

  /**
   * {@code ReferenceDocs DIR}: writes every page into DIR and removes the Markdown it no longer
   * makes.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ReferenceDocs OUTPUT_DIR");
    }
    Path dir = Path.of(args[0]);
    Map<String, String> pages = pages(MintCli.newCommandLine(Io.system()));
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".md") && !pages.containsKey(name)) {
          Files.delete(file);
        }
      }
    }
    for (Map.Entry<String, String> page : pages.entrySet()) {
      Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Every page by file name: the index first, then each command's, depth first. */
  public static Map<String, String> pages(CommandLine cli) {
    Map<String, String> pages = new LinkedHashMap<>();
    List<CommandLine> commands = commands(cli);
    pages.put(INDEX, index(commands));
    for (CommandLine command : commands) {
      pages.put(fileName(command.getCommandSpec()), page(command));
    }
    return pages;
  }

  /** {@code cli} and every visible command below it (as {@code --help} lists them), depth first. */
  public static List<CommandLine> commands(CommandLine cli) {
    List<CommandLine> commands = new ArrayList<>();
    commands.add(cli);
    for (CommandLine sub : visibleSubcommands(cli)) {
      commands.addAll(commands(sub));
    }
    return commands;
  }

  /** The page of {@code spec}: {@code mint-site-set.md} for {@code mint site set}. */
  public static String fileName(CommandSpec spec) {
    return spec.qualifiedName().replace(' ', '-') + ".md";
  }

  private static List<CommandLine> visibleSubcommands(CommandLine cli) {
    List<CommandLine> visible = new ArrayList<>();
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden() && !visible.contains(sub)) {
        visible.add(sub);
      }
    }
    return visible;
  }

  private static String index(List<CommandLine> commands) {
    StringBuilder page = new StringBuilder(GENERATED);
    page.append("# Command reference\n\n")
        .append(
            "One page per command of `mint`, made from the same definition as its `--help`, its"
                + " man page and its shell completion. Do not edit these pages: change the"
                + " command's help text in `mint-cli` and run `")
        .append(REGENERATE)
        .append("` from the repository root.\n\n");
    for (CommandLine command : commands) {
      CommandSpec spec = command.getCommandSpec();
      int depth = spec.qualifiedName().split(" ").length - 1;
      page.append("  ".repeat(depth))
          .append("- [`")
          .append(spec.qualifiedName())
          .append("`](")
          .append(fileName(spec))
          .append("): ")
          .append(markdown(summary(spec)))
          .append('\n');
    }
    return page.toString();
  }

  private static String page(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    CommandLine.Model.UsageMessageSpec usage = spec.usageMessage();
    StringBuilder page = new StringBuilder(GENERATED);
    page.append("# ").append(spec.qualifiedName()).append("\n\n");
    page.append("[Command reference](").append(INDEX).append(')');
    if (spec.parent() != null) {
      page.append(" · [")
          .append(spec.parent().qualifiedName())
          .append("](")
          .append(fileName(spec.parent()))
          .append(')');
    }
    page.append("\n\n");
    paragraphs(page, usage.header());

    page.append("## Usage\n\n```\n").append(synopsis(spec)).append("```\n\n");
    paragraphs(page, usage.description());

    List<PositionalParamSpec> positionals = new ArrayList<>();
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (!positional.hidden()) {
        positionals.add(positional);
      }
    }
    if (!positionals.isEmpty()) {
      page.append("## Arguments\n\n| argument | description |\n|---|---|\n");
      for (PositionalParamSpec positional : positionals) {
        page.append("| `")
            .append(positional.paramLabel())
            .append("` | ")
            .append(cell(positional.description()))
            .append(" |\n");
      }
      page.append('\n');
    }

    List<OptionSpec> options = visibleOptions(spec);
    if (!options.isEmpty()) {
      page.append("## Options\n\n| option | description |\n|---|---|\n");
      for (OptionSpec option : options) {
        page.append("| ")
            .append(optionNames(spec, option))
            .append(" | ")
            .append(cell(option.description()))
            .append(" |\n");
      }
      page.append('\n');
    }

    List<CommandLine> subcommands = visibleSubcommands(command);
    if (!subcommands.isEmpty()) {
      page.append("## Commands\n\n| command | what it does |\n|---|---|\n");
      for (CommandLine sub : subcommands) {
        CommandSpec subSpec = sub.getCommandSpec();
        page.append("| [`")
            .append(subSpec.qualifiedName())
            .append("`](")
            .append(fileName(subSpec))
            .append(") | ")
            .append(markdown(summary(subSpec)))
            .append(" |\n");
      }
      page.append('\n');
    }

    paragraphs(page, usage.footer());

    Map<String, String> exitCodes = usage.exitCodeList();
    if (!exitCodes.isEmpty()) {
      page.append("## Exit status\n\n| code | meaning |\n|---|---|\n");
      exitCodes.forEach(
          (code, meaning) ->
              page.append("| ")
                  .append(code.strip())
                  .append(" | ")
                  .append(cell(new String[] {meaning}))
                  .append(" |\n"));
      page.append('\n');
    }
    // one newline at the end of the file
    while (page.charAt(page.length() - 1) == '\n' && page.charAt(page.length() - 2) == '\n') {
      page.setLength(page.length() - 1);
    }
    return page.toString();
  }

  /**
   * What the command list of {@code --help} says of the command: its header, else its first line.
   */
  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    String[] lines = header.length > 0 ? header : spec.usageMessage().description();
    return lines.length == 0 ? "" : formatted(lines[0]).split("\n", -1)[0];
  }

  /** The usage lines {@code --help} shows, at its width. */
  private static String synopsis(CommandSpec spec) {
    Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
    String heading = "Usage: ";
    String synopsis = help.synopsis(heading.length()).stripTrailing();
    StringBuilder lines = new StringBuilder();
    for (String line : (heading + synopsis).split("\n", -1)) {
      lines.append(line.stripTrailing()).append('\n');
    }
    return lines.toString();
  }

  /**
   * The visible options in {@code --help}'s order: as declared where the command says {@code
   * sortOptions = false}, else by their shortest name.
   */
  private static List<OptionSpec> visibleOptions(CommandSpec spec) {
    List<OptionSpec> options = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (!option.hidden()) {
        options.add(option);
      }
    }
    if (spec.usageMessage().sortOptions()) {
      options.sort(
          Comparator.comparing(
                  (OptionSpec o) -> o.shortestName().replaceFirst("^-+", ""),
                  String.CASE_INSENSITIVE_ORDER)
              .thenComparing(o -> o.shortestName().replaceFirst("^-+", "")));
    }
    return options;
  }

  /**
   * An option's names as code, each spelled out ({@code --upper}, {@code --no-upper}, where {@code
   * --help} shows {@code --[no-]upper}), the last with its parameter ({@code --length=N}).
   */
  private static String optionNames(CommandSpec spec, OptionSpec option) {
    List<String> names = new ArrayList<>(List.of(option.names()));
    spec.negatedOptionsMap()
        .forEach(
            (negated, o) -> {
              if (o == option) {
                names.add(negated);
              }
            });
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      cell.append(i == 0 ? "`" : ", `").append(names.get(i));
      if (i == names.size() - 1 && option.arity().max() > 0) {
        String label = option.paramLabel();
        cell.append(option.arity().min() == 0 ? "[=" + label + "]" : "=" + label);
      }
      cell.append('`');
    }
    return cell.toString().replace("|", "\\|");
  }

  /** Help text lines as Markdown paragraphs, one a line of the help (blank lines dropped). */
  private static void paragraphs(StringBuilder page, String[] lines) {
    for (String line : lines) {
      for (String paragraph : formatted(line).split("\n", -1)) {
        if (!paragraph.isBlank()) {
          page.append(markdown(paragraph.strip())).append("\n\n");
        }
      }
    }
  }

  /** Help text lines as one table cell: a line break between lines. */
  private static String cell(String[] lines) {
    List<String> parts = new ArrayList<>();
    for (String line : lines) {
      for (String part : formatted(line).split("\n", -1)) {
        if (!part.isBlank()) {
          parts.add(markdown(part.strip()));
        }
      }
    }
    return String.join("<br>", parts);
  }

  /**
   * A help text line as picocli prints it without colours: a format string ({@code %n} a line
   * break), its {@code @|bold ...|@} markup taken off.
   */
  private static String formatted(String line) {
    return Help.Ansi.OFF.string(String.format(Locale.ROOT, line)).replace("\r\n", "\n");
  }

  /** {@code text} shown as written: every character Markdown would take for markup escaped. */
  static String markdown(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if ("\\`*_[]<>|#".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    // a line starting like a list item or a numbered one
    return escaped
        .toString()
        .replaceFirst("^([-+])( )", "\\\\$1$2")
        .replaceFirst("^(\\d+)\\.", "$1\\\\.");
  }
}
