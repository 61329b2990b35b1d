package dev.mint.cli.options;

import dev.mint.cli.io.Io;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code --threads N} and {@code --no-progress} for a command that works through many derivations
 * at once (batch, verify), and the pool of threads they run on. A command holds the options as a
 * picocli mixin, with its own help text for {@code --threads}:
 *
 * <pre>{@code @Mixin CommandSpec workers = WorkersMixin.create("Rows checked at once ...");}</pre>
 */
public final class WorkersMixin {
  private static final String THREADS = "--threads";
  private static final String NO_PROGRESS = "--no-progress";

  private WorkersMixin() {}

  /** The two options; {@code threadsHelp} is {@code --threads}'s help text. */
  public static CommandSpec create(String threadsHelp) {
    CommandSpec mixin = CommandSpec.create();
    mixin.addOption(
        OptionSpec.builder(THREADS)
            .type(Integer.class)
            .paramLabel("N")
            .description(threadsHelp)
            .build());
    mixin.addOption(
        OptionSpec.builder(NO_PROGRESS)
            .type(boolean.class)
            .description("No progress bar, even on a terminal.")
            .build());
    return mixin;
  }

  /**
   * The number of threads: {@code --threads}, else the number of cores.
   *
   * @throws ParameterException (on {@code command}) when {@code --threads} is below 1
   */
  public static int threads(CommandSpec mixin, CommandSpec command) {
    Integer threads = mixin.findOption(THREADS).getValue();
    int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (count < 1) {
      throw new ParameterException(command.commandLine(), "--threads must be at least 1");
    }
    return count;
  }

  /** Whether to draw a progress bar: standard error is a terminal and no {@code --no-progress}. */
  public static boolean progress(CommandSpec mixin, Io io) {
    Boolean off = mixin.findOption(NO_PROGRESS).getValue(); // null when not given
    return io.stderrIsTerminal() && !Boolean.TRUE.equals(off);
  }

  /** {@code threads} daemon threads named {@code name}: they never keep the JVM alive. */
  public static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread t = new Thread(task, name);
          t.setDaemon(true);
          return t;
        });
  }
}
