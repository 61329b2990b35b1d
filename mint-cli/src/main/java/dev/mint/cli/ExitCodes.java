package dev.mint.cli;

/**
 * The exit status of every mint command, under the name it had before the packages of mint-cli were
 * split by responsibility.
 *
 * @deprecated use {@link dev.mint.cli.io.ExitCodes}, which holds the same values
 */
@Deprecated
public final class ExitCodes {
  /** See {@link dev.mint.cli.io.ExitCodes#OK}. */
  public static final int OK = dev.mint.cli.io.ExitCodes.OK;

  /** See {@link dev.mint.cli.io.ExitCodes#VERIFICATION_FAILED}. */
  public static final int VERIFICATION_FAILED = dev.mint.cli.io.ExitCodes.VERIFICATION_FAILED;

  /** See {@link dev.mint.cli.io.ExitCodes#USAGE}. */
  public static final int USAGE = dev.mint.cli.io.ExitCodes.USAGE;

  /** See {@link dev.mint.cli.io.ExitCodes#INVALID_INPUT}. */
  public static final int INVALID_INPUT = dev.mint.cli.io.ExitCodes.INVALID_INPUT;

  /** See {@link dev.mint.cli.io.ExitCodes#IO}. */
  public static final int IO = dev.mint.cli.io.ExitCodes.IO;

  /** See {@link dev.mint.cli.io.ExitCodes#INTERNAL}. */
  public static final int INTERNAL = dev.mint.cli.io.ExitCodes.INTERNAL;

  /** See {@link dev.mint.cli.io.ExitCodes#OUT_OF_MEMORY}. */
  public static final int OUT_OF_MEMORY = dev.mint.cli.io.ExitCodes.OUT_OF_MEMORY;

  private ExitCodes() {}
}
