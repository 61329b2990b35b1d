package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help texts name the revisions as {@link Revision} has them ({@link RevisionTexts}): no text
 * in mint-cli's code spells a revision's name, so a new revision changes no help text by hand, and
 * every key an annotation asks for is there.
 */
final class RevisionTextsTest {
  /** A string literal, its text in group 1 (escaped quotes included). */
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  /** Line and block comments, which may name a revision as an example. */
  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/");

  @Test
  void noStringInTheCliCodeNamesARevision() throws IOException {
    String ids = Stream.of(Revision.values()).map(Revision::id).collect(Collectors.joining("|"));
    Pattern revision = Pattern.compile("(?i)\\b(?:" + ids + ")\\b");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String code =
            COMMENT.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll(" ");
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
          if (revision.matcher(literal.group(1)).find()) {
            found.add(file.getFileName() + ": \"" + literal.group(1) + "\"");
          }
        }
      }
    }
    assertEquals(List.of(), found, "texts that name a revision instead of asking RevisionTexts");
  }

  @Test
  void everyHelpHasItsRevisionsFilledIn() {
    List<CommandLine> todo = new ArrayList<>(List.of(MintCli.newCommandLine(CliRun.quietIo())));
    int helps = 0;
    while (!todo.isEmpty()) {
      CommandLine cli = todo.remove(0);
      String help = cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
      String name = cli.getCommandSpec().qualifiedName();
      // picocli prints a key the bundle does not have as "null"
      assertTrue(!help.matches("(?s).*\\bnull\\b.*"), name + ": a text asks a missing key");
      assertTrue(!help.contains("${"), name + ": a text left unfilled");
      todo.addAll(cli.getSubcommands().values());
      helps++;
    }
    assertTrue(helps > 10, "every command's help was read");
  }

  @Test
  void theTextsAreAskedOfRevision() {
    RevisionTexts texts = new RevisionTexts();
    Revision[] all = Revision.values();
    String current = Revision.DEFAULT.id();
    assertEquals(current, texts.getString("Revision.current"));
    String allText = texts.getString("Revision.all");
    for (Revision r : all) {
      assertTrue(allText.contains(r.id()), allText);
    }
    assertTrue(allText.contains(current + " (the current page)"), allText);
    String older = texts.getString("Revision.older");
    for (Revision r : all) {
      assertEquals(r.compareTo(Revision.DEFAULT) < 0, older.contains(r.id()), older);
    }
    assertTrue(texts.getString("Revision.orAll").endsWith(" or all"));
    String top = MintCli.newCommandLine(CliRun.quietIo()).getUsageMessage();
    assertTrue(top.replaceAll("\\s+", " ").contains("releases " + allText + "."), top);
  }
}
