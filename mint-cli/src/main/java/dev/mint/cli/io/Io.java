package dev.mint.cli.io;

import java.io.Console;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a command reads from and writes to: standard streams, the environment and the console.
 * {@link #system()} is the real process; tests pass their own streams and environment.
 *
 * @param in standard input, read byte by byte so no copy of the phrase stays in a buffer
 * @param stdout standard output as bytes: passwords are written here, from arrays that are wiped
 *     (see dev.mint.cli.output), never through {@link #out}
 * @param out standard output as UTF-8 text, over {@code stdout}, for everything but passwords
 * @param err standard error (UTF-8)
 * @param env looks up an environment variable, null when it is not set
 * @param console the console, or null when there is none
 * @param stderrIsTerminal whether standard error goes to a terminal (progress bars)
 * @param stdoutIsTerminal whether standard output goes to a terminal
 * @param descriptors opens an inherited file descriptor for reading ({@code --phrase-fd N})
 */
public record Io(
    InputStream in,
    OutputStream stdout,
    PrintWriter out,
    PrintWriter err,
    Function<String, String> env,
    Supplier<Console> console,
    boolean stderrIsTerminal,
    boolean stdoutIsTerminal,
    Descriptors descriptors) {

  /** Opens file descriptor {@code fd} of this process for reading. */
  @FunctionalInterface
  public interface Descriptors {
    /**
     * A stream over descriptor {@code fd}, which the caller closes (closing it leaves {@code fd}
     * itself open where the platform reopens it, as Linux does for {@code /dev/fd/N}).
     *
     * @throws IOException when {@code fd} is not open or cannot be read
     */
    InputStream open(int fd) throws IOException;

    /**
     * The real descriptors, through {@code /dev/fd/N} (Linux, macOS and the BSDs; Linux links it to
     * {@code /proc/self/fd/N}). Unbuffered: the phrase is read byte by byte, no copy kept.
     */
    public static Descriptors system() {
      return fd -> {
        Path proc = Path.of("/proc/self/fd");
        if (Files.isDirectory(proc)) { // Linux: say which descriptor is wrong, and why
          Path link = proc.resolve(Integer.toString(fd));
          if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            throw CliException.io(notOpen(fd));
          }
          Path target = Files.readSymbolicLink(link);
          if (Terminals.isTerminalDevice(target.toString())) {
            throw CliException.usage(
                "--phrase-fd "
                    + fd
                    + ": file descriptor "
                    + fd
                    + " is a terminal, which would show the phrase as it is typed; leave out"
                    + " --phrase-fd to be asked without echo, or give the phrase through a pipe"
                    + " or a file");
          }
          if (jvmsOwn(target)) {
            throw CliException.io(
                notOpen(fd)
                    + " (descriptor "
                    + fd
                    + " is one the JVM opened for itself, not one mint was given)");
          }
        }
        try {
          return new FileInputStream("/dev/fd/" + fd);
        } catch (FileNotFoundException e) {
          if (!Files.exists(Path.of("/dev/fd", Integer.toString(fd)))) {
            throw CliException.io(notOpen(fd));
          }
          throw e;
        }
      };
    }

    private static String notOpen(int fd) {
      return "--phrase-fd "
          + fd
          + ": file descriptor "
          + fd
          + " is not open (open it for mint,"
          + " for example: mint ... --phrase-fd "
          + fd
          + " "
          + fd
          + "< FILE)";
    }

    /**
     * Whether a descriptor's target is a file the JVM opened before mint ran: the runtime image,
     * the jar or anything else under {@code java.home} or on the class path, or a directory. A JVM
     * opens those at the lowest free numbers, 3 and up, so a {@code --phrase-fd 3} given without
     * {@code 3< FILE} would otherwise read a line of the JDK's own files as the phrase.
     */
    private static boolean jvmsOwn(Path target) {
      if (!target.isAbsolute()) {
        return false; // pipe:[123], socket:[456], anon_inode:...
      }
      if (Files.isDirectory(target)) {
        return true;
      }
      // real paths on both sides: the kernel names the target by its real path, while java.home
      // or a class-path entry (java -jar ~/bin/mint.jar, a link to the jar) may go through a link
      Path real = realPath(target);
      if (real.startsWith(realPath(Path.of(System.getProperty("java.home"))))) {
        return true;
      }
      for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
        if (!entry.isEmpty() && realPath(Path.of(entry)).equals(real)) {
          return true;
        }
      }
      return false;
    }

    /** {@code path} with every link resolved, or as it is written when it cannot be. */
    private static Path realPath(Path path) {
      try {
        return path.toRealPath();
      } catch (IOException | SecurityException e) {
        return path.toAbsolutePath().normalize();
      }
    }
  }

  /**
   * Whether standard input is this process's own and a terminal ({@code --phrase-stdin} refuses
   * one: it would echo the phrase). An {@code Io} of a test, whose input is a stream of its own, is
   * never a terminal.
   */
  public boolean stdinIsTerminal() {
    try {
      return in instanceof FileInputStream
          && ((FileInputStream) in).getFD() == FileDescriptor.in
          && Terminals.isTerminal(0);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The width of the terminal standard output goes to, in columns; 0 when it is not this process's
   * own standard output or not a terminal, or the width is unknown (an {@code Io} of a test).
   */
  public int stdoutColumns() {
    if (!stdoutIsTerminal || !(stdout instanceof FileOutputStream)) {
      return 0;
    }
    try {
      if (((FileOutputStream) stdout).getFD() != FileDescriptor.out) {
        return 0;
      }
    } catch (IOException e) {
      return 0;
    }
    try (ControllingTerminal tty = ControllingTerminal.open()) {
      return tty == null ? 0 : tty.columns();
    }
  }

  /** This {@code Io} with {@code descriptors} opening the file descriptors. */
  public Io withDescriptors(Descriptors descriptors) {
    return new Io(
        in, stdout, out, err, env, console, stderrIsTerminal, stdoutIsTerminal, descriptors);
  }

  /**
   * An {@code Io} whose text output {@link #out} is UTF-8 over {@code stdout} and whose file
   * descriptors are the process's own ({@link #withDescriptors} to change that).
   */
  public static Io of(
      InputStream in,
      OutputStream stdout,
      PrintWriter err,
      Function<String, String> env,
      Supplier<Console> console,
      boolean stderrIsTerminal,
      boolean stdoutIsTerminal) {
    return new Io(
        in,
        stdout,
        new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), false),
        err,
        env,
        console,
        stderrIsTerminal,
        stdoutIsTerminal,
        Descriptors.system());
  }

  /** The process's own standard streams, environment and console. */
  public static Io system() {
    return of(
        // unbuffered: System.in would keep up to 8 KiB of the phrase in a buffer nobody wipes
        new FileInputStream(FileDescriptor.in),
        new FileOutputStream(FileDescriptor.out),
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true),
        System::getenv,
        System::console,
        Terminals.isTerminal(2),
        Terminals.isTerminal(1));
  }
}
