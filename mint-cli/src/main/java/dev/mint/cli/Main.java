package dev.mint.cli;

import dev.mint.cli.io.Io;

/** The entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(MintCli.run(Io.system(), args));
  }
}
