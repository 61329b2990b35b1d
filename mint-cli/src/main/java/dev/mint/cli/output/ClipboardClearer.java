package dev.mint.cli.output;

import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.HardenedJvm;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.io.Wipe;
import dev.mint.internal.SecretSeam;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Clears the clipboard after {@code --clip}'s delay, in a helper process of its own so that {@code
 * mint} returns at once: {@code java -cp CLASSPATH dev.mint.cli.output.ClipboardClearer SECONDS
 * KIND DIR}. Nothing secret is in its arguments or environment: the password (to compare with) and
 * the content to restore arrive on its standard input, are kept in arrays and wiped.
 *
 * <p>Once the delay is over it clears the clipboard, or puts back what it held before, only if the
 * clipboard still holds the password. One timer at a time: {@code DIR/clip.pid} names the helper in
 * charge (a pid, nothing secret), under the lock {@code DIR/clip.lock}; a new {@code --clip} ends
 * the old helper and takes over, and a helper that is no longer named does nothing.
 */
public final class ClipboardClearer {
  private static final int MAGIC = 0x4d434c31; // "MCL1"

  /** The hand-over is padded to this size: a write this large bypasses the pipe's buffer. */
  private static final int MIN_MESSAGE = 16 * 1024;

  private ClipboardClearer() {}

  /**
   * mint's side: ends a running helper, copies {@code password} to the clipboard, and starts the
   * helper that clears it after {@code seconds}. {@code password} is not modified.
   *
   * @throws CliException ({@link ExitCodes#IO}) when copying fails
   */
  @SuppressWarnings("try") // the resource is held for the block, not used in it
  public static void copyAndScheduleClear(
      Clipboard clipboard, byte[] password, int seconds, Function<String, String> env) {
    Path dir = stateDir(env);
    byte[] previous = null;
    byte[] message = null;
    try (FileChannel lockFile =
            FileChannel.open(
                dir.resolve("clip.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lockFile.lock()) {
      // a helper still waiting guards an earlier password: what it would restore is not known
      // here, so the clipboard is cleared at the end rather than given an old password back
      boolean superseded = endRunningHelper(dir);
      previous = superseded ? null : clipboard.read();
      clipboard.copy(password);
      message = message(password, previous);
      Process helper = start(clipboard, seconds, dir);
      ToolStreams.writeAndClose(helper, message);
      Files.writeString(
          dir.resolve("clip.pid"), Long.toString(helper.pid()) + "\n", StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw CliException.io("cannot use " + dir + " (" + IoErrors.describe(e) + ")");
    } finally {
      Wipe.bytes(previous);
      Wipe.bytes(message);
    }
  }

  /** [magic][password length][password][previous length, or -1][previous], zero-padded. */
  private static byte[] message(byte[] password, byte[] previous) {
    int length = 12 + password.length + (previous == null ? 0 : previous.length);
    byte[] message = SecretSeam.allocated(new byte[Math.max(length, MIN_MESSAGE)]);
    ByteBuffer out = ByteBuffer.wrap(message);
    out.putInt(MAGIC).putInt(password.length).put(password);
    out.putInt(previous == null ? -1 : previous.length);
    if (previous != null) {
      out.put(previous);
    }
    return message;
  }

  private static Process start(Clipboard clipboard, int seconds, Path dir) {
    List<String> command = new ArrayList<>();
    // its own session, so closing the terminal does not end the timer early
    Path setsid = Clipboard.find(clipboard.childEnv()::get, "setsid");
    if (setsid != null) {
      command.add(setsid.toString());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"));
    // it holds the password: no core file, crash report or attach, as mint's own JVM (C27)
    try {
      command.addAll(HardenedJvm.options());
    } catch (UncheckedIOException e) {
      throw CliException.io("cannot start the helper that clears the clipboard");
    }
    command.add("-cp");
    command.add(classPath());
    command.add(ClipboardClearer.class.getName());
    command.add(Integer.toString(seconds));
    command.add(clipboard.kind().name());
    command.add(dir.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(clipboard.childEnv());
    try {
      return builder.start();
    } catch (IOException e) {
      throw CliException.io("cannot start the helper that clears the clipboard");
    }
  }

  private static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** Ends the helper named in {@code clip.pid}, if it runs; whether there was one. */
  private static boolean endRunningHelper(Path dir) throws IOException {
    Optional<ProcessHandle> helper = namedHelper(dir);
    if (helper.isEmpty()) {
      return false;
    }
    helper.get().destroy();
    try {
      helper.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      helper.get().destroyForcibly();
    }
    return true;
  }

  /** The live clearing helper {@code clip.pid} names, if any. */
  static Optional<ProcessHandle> namedHelper(Path dir) throws IOException {
    Path pidFile = dir.resolve("clip.pid");
    if (!Files.isRegularFile(pidFile, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains(ClipboardClearer.class.getName()))
                    .orElse(false));
  }

  /**
   * {@code $XDG_RUNTIME_DIR/mint}, else {@code TMPDIR/mint-USER}: a directory only this user can
   * use (0700, owned by the user); one that is not is refused.
   */
  static Path stateDir(Function<String, String> env) {
    String runtime = env.apply("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
      return privateDir(Path.of(runtime, "mint"));
    }
    Path shared =
        Path.of(System.getProperty("java.io.tmpdir"), "mint-" + System.getProperty("user.name"));
    try {
      return privateDir(shared);
    } catch (CliException e) {
      // another user may create /tmp/mint-USER first (a directory of theirs, a link): that must
      // not keep --clip from working. A directory under the user's own home instead, made and
      // checked the same way.
      String home = env.apply("HOME");
      String cache = env.apply("XDG_CACHE_HOME");
      Path base =
          cache != null && !cache.isBlank() && Path.of(cache).isAbsolute()
              ? Path.of(cache)
              : Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"))
                  .resolve(".cache");
      try {
        Files.createDirectories(base);
      } catch (IOException | SecurityException ignored) {
        throw e;
      }
      return privateDir(base.resolve("mint-clip"));
    }
  }

  /** {@code dir}, made 0700 when missing; refused unless it is a directory of this user's, 0700. */
  private static Path privateDir(Path dir) {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        if (posix) {
          Files.createDirectory(
              dir,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectory(dir);
        }
      }
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw CliException.io("" + dir + " is not a directory; the password was not shown");
      }
      if (posix) {
        Set<PosixFilePermission> permissions =
            Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
        String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(System.getProperty("user.name"))
            || !permissions.equals(PosixFilePermissions.fromString("rwx------"))) {
          throw CliException.io(
              ""
                  + dir
                  + " must be a directory of yours that only you can use"
                  + " (chmod 700 "
                  + dir
                  + "); the password was not shown");
        }
      }
      return dir;
    } catch (IOException e) {
      throw CliException.io("cannot create " + dir + "; the password was not shown");
    }
  }

  /** The helper: {@code SECONDS KIND DIR}, the hand-over on standard input. */
  @SuppressWarnings("try") // the resource is held for the block, not used in it
  public static void main(String[] args) throws Exception {
    int seconds = Integer.parseInt(args[0]);
    Clipboard.Kind kind = Clipboard.Kind.valueOf(args[1]);
    Path dir = Path.of(args[2]);
    byte[] password = null;
    byte[] previous = null;
    // unbuffered: System.in would keep a copy in its buffer
    try (InputStream stdin = new FileInputStream(FileDescriptor.in)) {
      DataInputStream in = new DataInputStream(stdin);
      if (in.readInt() != MAGIC) {
        System.exit(2);
      }
      password = new byte[in.readInt()];
      in.readFully(password);
      int previousLength = in.readInt();
      if (previousLength >= 0) {
        previous = new byte[previousLength];
        in.readFully(previous);
      }
    }
    try {
      Clipboard clipboard = Clipboard.of(kind, System::getenv);
      Thread.sleep(seconds * 1000L);
      try (FileChannel lockFile =
              FileChannel.open(
                  dir.resolve("clip.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        Optional<ProcessHandle> named = namedHelper(dir);
        if (named.isEmpty() || named.get().pid() != ProcessHandle.current().pid()) {
          return; // another --clip took over
        }
        if (clipboard.holds(password)) {
          if (previous != null && previous.length > 0) {
            clipboard.copy(previous);
          } else {
            clipboard.clear();
          }
        }
        Files.deleteIfExists(dir.resolve("clip.pid"));
      }
    } finally {
      Wipe.bytes(password);
      Wipe.bytes(previous);
    }
  }

  /** For tests: what {@code clip.pid} holds now, if a helper is in charge. */
  public static Optional<Long> runningHelperPid(Path dir) throws IOException {
    return namedHelper(dir).map(ProcessHandle::pid);
  }
}
