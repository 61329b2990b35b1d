package dev.mint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top command. Without a subcommand name, {@code derive} is meant: {@code mint github.com}. */
@Command(
    name = "mint",
    mixinStandardHelpOptions = true,
    versionProvider = MintCommand.Version.class,
    synopsisHeading = "Usage: ",
    customSynopsis = {
      "mint [derive] [OPTIONS] SITE    (see: mint derive --help)",
      "       mint COMMAND [OPTIONS] ARGS...",
      ""
    },
    description = {
      "Password Mint for Java: regenerates the passwords of the Password Mint page, bit for bit, "
          + "for its releases ${bundle:Revision.all}.",
      "",
      "Without a command name, derive is meant: 'mint github.com' asks for the master phrase "
          + "and prints github.com's password. For a site that is a command's name, say "
          + "'mint derive verify' or 'mint derive site'.",
      ""
    },
    commandListHeading = "%nCommands:%n")
public final class MintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing SITE or command");
  }

  /** {@code mint 0.1.0}, from the build. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"mint " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
