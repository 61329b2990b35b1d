package dev.mint.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.cli.MintCommand;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.options.Arguments;
import dev.mint.cli.rules.SiteFacts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mint rules SITE} (mint-only): what the bundled data says about a site. */
@Command(
    name = "rules",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = MintCommand.Version.class,
    headerHeading = "",
    header = "Show what mint knows about SITE: password rules, shared sign-ins, change page.",
    description = {
      "A mint feature, not the page's. From the data Safari and other password managers use "
          + "(Apple's password-manager-resources, MIT licence, bundled; nothing is fetched): "
          + "SITE's password rules in words, the domains that sign in with the same account, "
          + "and where to change the password (else https://SITE/.well-known/change-password, for a SITE that is a domain name). "
          + "No phrase is asked. 'mint site set' chooses page settings for the rules; derive "
          + "warns when a password breaks them (--strict refuses it).",
      ""
    })
public final class RulesCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(index = "0", paramLabel = "SITE", description = "The site as typed on the page.")
  String site;

  @Option(names = "--json", description = "One JSON object instead of lines.")
  boolean json;

  public RulesCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Arguments.checkDecoded("site", site);
    SiteFacts facts = SiteFacts.of(site);
    if (json) {
      io.out().println(JsonText.of(facts.json()));
    } else {
      for (String line : facts.lines()) {
        io.out().println(Text.printable(line));
      }
    }
    if (io.out().checkError()) {
      throw CliException.io("cannot write to standard output");
    }
    return ExitCodes.OK;
  }

  /**
   * Jackson, in a class of its own: the JVM loads the exception types a method catches when it
   * verifies the method's class, and picocli loads this command's class for every command line, so
   * a catch of Jackson's exception here would load Jackson for every derive (MintJarIT).
   */
  private static final class JsonText {
    static String of(Object value) {
      try {
        return new ObjectMapper().writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e); // a map of strings, lists and booleans: a bug
      }
    }
  }
}
