package dev.mint.cli;

/** The entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (MintCli.mayDerive(args)) {
      JitWarmUp.start();
    }
    System.exit(MintCli.run(Io.system(), args));
  }
}
