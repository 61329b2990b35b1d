package dev.mint.cli;

import picocli.CommandLine.Command;

/**
 * The attributes every mint command shares, written once: {@code -h, --help} and {@code -V,
 * --version} ({@link MintCommand.Version}), and no heading before the command's header line. A
 * command extends this class; picocli applies a superclass's {@code @Command} attributes first,
 * then the command's own.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = MintCommand.Version.class,
    headerHeading = "")
public abstract class StandardCommand {
  protected StandardCommand() {}
}
