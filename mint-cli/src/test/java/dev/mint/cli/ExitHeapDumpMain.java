package dev.mint.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.mint.cli.io.Io;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Runs {@code mint} as {@link Main} does, on the process's own standard streams and environment,
 * then dumps the whole heap, unreachable objects included, to {@code args[0]}: what a heap dump
 * taken as mint exits would show. Run in a child JVM by {@link NoCopyLeftBehindIT}. (HeapDumpMain,
 * from the session work, dumps in a shutdown hook instead, for runs that end by a signal.)
 */
public final class ExitHeapDumpMain {
  private ExitHeapDumpMain() {}

  private static void leakGarbageCopy(String site) {
    char[] phrase = System.getenv("MINT_TEST_LEAK_PHRASE").toCharArray();
    try (dev.mint.Password password =
        dev.mint.Mint.derive(dev.mint.MintRequest.builder(site).build(), phrase)) {
      String copy = new String(password.toCharArray());
      if (copy.isEmpty()) {
        throw new AssertionError();
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int code = MintCli.run(Io.system(), Arrays.copyOfRange(args, 1, args.length));
    if (Boolean.getBoolean("mint.test.leak")) {
      // the control: an unwiped copy of the password, dropped at once, as a careless caller
      // would leave one; the scan must find it in the garbage
      leakGarbageCopy(System.getProperty("mint.test.leak.site"));
    }
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], false);
    System.exit(code);
  }
}
