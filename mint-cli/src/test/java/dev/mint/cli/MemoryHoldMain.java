package dev.mint.cli;

import dev.mint.cli.io.Io;

/**
 * The CLI's entry point for a child JVM whose memory a test scans after mint is done: runs {@code
 * mint ARGS} as {@link Main} does, then says {@code mint returned N} on standard error and waits
 * (alive, nothing wiped or collected on purpose) until the test ends it. A command that ends at
 * once (derive, batch) can so be scanned through {@code /proc/PID/mem} after its last act.
 */
public final class MemoryHoldMain {
  private MemoryHoldMain() {}

  public static void main(String[] args) throws InterruptedException {
    int code = MintCli.run(Io.system(), args);
    System.err.println("mint returned " + code);
    System.err.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
