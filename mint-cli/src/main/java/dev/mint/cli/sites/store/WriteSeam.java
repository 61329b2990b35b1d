package dev.mint.cli.sites.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test seam in the sites file's writer, for the fault-injection tests (docs/TESTING.md, "Fault
 * injection"): with the system property {@code mint.test.seam.pauseAt} set to a step name and
 * {@code mint.test.seam.dir} to a directory, the writer creates {@code DIR/STEP.reached} when it
 * reaches that step and waits until {@code DIR/STEP.go} exists, so that a test can kill the process
 * exactly there (SIGKILL) or change the file system under it and let it go on. Without the
 * properties (always, outside tests) each step is one comparison with null.
 */
final class WriteSeam {
  /** After the lock is taken, before the file is read. */
  static final String LOCKED = "locked";

  /** After the file is read, before the change and the temporary file. */
  static final String READ = "read";

  /** After the temporary file is written, before it is forced to disk. */
  static final String TEMP_WRITTEN = "temp-written";

  /** After the temporary file is forced to disk, before the rename. */
  static final String FORCED = "forced";

  /** After the rename, before the directory is forced to disk. */
  static final String RENAMED = "renamed";

  /** After the directory is forced to disk, before the lock is released. */
  static final String DIRECTORY_FORCED = "directory-forced";

  private static final String PAUSE_AT = System.getProperty("mint.test.seam.pauseAt");
  private static final String DIR = System.getProperty("mint.test.seam.dir");

  private WriteSeam() {}

  static void step(String name) {
    if (PAUSE_AT == null || DIR == null || !PAUSE_AT.equals(name)) {
      return;
    }
    Path dir = Path.of(DIR);
    try {
      Files.createFile(dir.resolve(name + ".reached"));
      while (!Files.exists(dir.resolve(name + ".go"))) {
        Thread.sleep(5);
      }
    } catch (IOException e) {
      throw new IllegalStateException("test seam: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
