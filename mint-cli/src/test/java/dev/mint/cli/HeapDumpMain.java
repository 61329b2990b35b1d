package dev.mint.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.mint.cli.io.Io;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The CLI's entry point for a child JVM whose heap a test scans: runs {@code mint ARGS} as {@link
 * Main} does and dumps the heap, garbage included, to {@code DUMP} as the JVM exits. The dump runs
 * in a shutdown hook, so it is taken on every way out: a normal exit, and Ctrl-C (SIGINT) or
 * SIGTERM in the middle of a session. There, the JVM runs every hook at once, in no set order; this
 * one first waits for mint's own wiping hooks to finish, so what it dumps is what is left after
 * mint's last act.
 *
 * <p>Usage: {@code java -cp mint-cli.jar:test-classes --add-opens java.base/java.lang=ALL-UNNAMED
 * dev.mint.cli.HeapDumpMain DUMP ARGS...} (the option lets it read the JVM's list of hooks).
 */
public final class HeapDumpMain {
  private HeapDumpMain() {}

  /** mint's hooks as last seen registered; the JVM empties its list once shutdown begins. */
  private static volatile List<Thread> seen = List.of();

  public static void main(String[] args) throws Exception {
    Path dump = Path.of(args[0]);
    String[] mintArgs = Arrays.copyOfRange(args, 1, args.length);
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (true) {
                  List<Thread> now = mintHooks();
                  if (now == null) {
                    return; // shutting down: keep the last list
                  }
                  seen = now;
                  Thread.sleep(2);
                }
              } catch (InterruptedException | ReflectiveOperationException e) {
                // no list: the dump will not wait
              }
            },
            "heap-dump-watcher");
    watcher.setDaemon(true);
    watcher.start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    for (Thread hook : seen) {
                      // a hook removed at a normal end never starts; one the JVM is about to run
                      // soon will
                      long deadline = System.nanoTime() + 1_000_000_000L;
                      while (hook.getState() == Thread.State.NEW && System.nanoTime() < deadline) {
                        Thread.sleep(1);
                      }
                      hook.join();
                    }
                    // here, not through a helper of the support module, which is not on the
                    // child's class path (mint-cli.jar and test-classes)
                    Files.deleteIfExists(dump);
                    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpHeap(dump.toString(), false);
                    System.err.println("heap dumped");
                  } catch (Exception e) {
                    System.err.println("heap dump failed: " + e);
                  }
                },
                "heap-dump"));
    System.exit(MintCli.run(Io.system(), mintArgs));
  }

  /** mint's shutdown hooks (named mint-*-wipe), or null once the JVM has taken its list. */
  private static List<Thread> mintHooks() throws ReflectiveOperationException {
    Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks");
    Field field = hooks.getDeclaredField("hooks");
    field.setAccessible(true);
    synchronized (hooks) {
      @SuppressWarnings("unchecked")
      Map<Thread, Thread> map = (Map<Thread, Thread>) field.get(null);
      if (map == null) {
        return null;
      }
      return map.keySet().stream().filter(t -> t.getName().matches("mint-.*-wipe")).toList();
    }
  }
}
