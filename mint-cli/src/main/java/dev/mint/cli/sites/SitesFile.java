package dev.mint.cli.sites;

import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Function;

/**
 * The sites file on disk, treated the way ssh treats its files: found through {@code $MINT_SITES},
 * {@code $XDG_CONFIG_HOME/mint/sites.json} or {@code ~/.config/mint/sites.json}; refused when it or
 * its directory is writable by group or others; written atomically (a temporary file in the same
 * directory, forced to disk, renamed over the old one) as 0600 in a 0700 directory; changed only
 * under a lock ({@code sites.json.lock}), so that concurrent writers lose nothing; and never
 * rewritten when it could not be read.
 */
public final class SitesFile {
  /** The environment variable that names the file outright. */
  public static final String ENV_FILE = "MINT_SITES";

  /** The XDG base directory for configuration. */
  public static final String ENV_XDG = "XDG_CONFIG_HOME";

  /** The largest file read (a thousand entries take about 300 KiB). */
  public static final long MAX_BYTES = 16L << 20;

  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIR_MODE =
      PosixFilePermissions.fromString("rwx------");

  private final Path path;

  private SitesFile(Path path) {
    this.path = path;
  }

  /** The file at {@code path}, wherever the environment says. */
  static SitesFile at(Path path) {
    return new SitesFile(path);
  }

  /** The file the environment of {@code io} names; the home directory is {@code user.home}. */
  public static SitesFile of(Io io) {
    return locate(io.env(), System.getProperty("user.home"));
  }

  /**
   * {@code $MINT_SITES} if set, else {@code $XDG_CONFIG_HOME/mint/sites.json} (an absolute
   * XDG_CONFIG_HOME only, as the XDG specification says), else {@code
   * HOME/.config/mint/sites.json}. Empty variables count as unset.
   */
  public static SitesFile locate(Function<String, String> env, String userHome) {
    String file = env.apply(ENV_FILE);
    if (file != null && !file.isEmpty()) {
      return at(Path.of(file));
    }
    String xdg = env.apply(ENV_XDG);
    if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return at(Path.of(xdg, "mint", "sites.json"));
    }
    if (userHome == null || userHome.isEmpty()) {
      throw SitesException.file(
          "no home directory to keep the sites file in: set " + ENV_FILE + " to its path");
    }
    return at(Path.of(userHome, ".config", "mint", "sites.json"));
  }

  public Path path() {
    return path;
  }

  /** The file's name for messages: its path as given. */
  public String name() {
    return path.toString();
  }

  /** Today's date in UTC, as the entries record it. */
  public static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  /**
   * Whether the file exists. Derive asks first, so that without a sites file the derive path loads
   * no JSON class at all (start-up time; {@code MintJarIT.deriveLoadsNoJsonClasses}).
   */
  public boolean exists() {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * The entries; none when the file does not exist (nothing is created).
   *
   * @throws SitesException (exit 4) when the file or its directory is writable by group or others,
   *     or the file cannot be read, is not a sites file, or holds a bad value
   */
  public Profiles read() {
    Path target = target();
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return Profiles.empty();
    }
    checkPermissions(target);
    return readChecked(target);
  }

  /** A change of the file's content, and what it gives back. */
  public interface Edit<T> {
    T apply(Profiles profiles);
  }

  /**
   * Reads the file under the lock, applies {@code change}, and writes the result atomically when
   * {@code change} returns normally; the directory is created (0700) when missing. When anything
   * fails (the file cannot be read, the change throws, the write fails), the file is left exactly
   * as it was.
   */
  @SuppressWarnings("try") // the resource is held for the block, not used in it
  public <T> T update(Edit<T> change) {
    Path target = target();
    Path dir = directoryOf(target);
    createDirectories(dir);
    checkDirectory(dir);
    Path lockFile = dir.resolve(target.getFileName() + ".lock");
    try (FileChannel lock = openLock(lockFile);
        FileLock held = lock.lock()) {
      Profiles profiles;
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        checkPermissions(target);
        profiles = readChecked(target);
      } else {
        profiles = Profiles.empty();
      }
      T result = change.apply(profiles);
      writeAtomically(target, profiles.toBytes());
      return result;
    } catch (IOException e) {
      throw SitesException.file(lockFile + ": cannot lock (" + IoErrors.describe(e) + ")");
    }
  }

  /** The file itself: when the path is a symbolic link (a dotfiles checkout), what it points to. */
  private Path target() {
    if (Files.isSymbolicLink(path)) {
      try {
        return path.toRealPath();
      } catch (IOException e) {
        throw SitesException.file(name() + ": a symbolic link to a file that cannot be reached");
      }
    }
    return path;
  }

  private static Path directoryOf(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return dir == null ? file.toAbsolutePath().getRoot() : dir;
  }

  private Profiles readChecked(Path target) {
    try {
      if (!Files.isRegularFile(target)) {
        throw SitesException.file(name() + ": not a regular file");
      }
      if (Files.size(target) > MAX_BYTES) {
        throw SitesException.file(
            name() + ": larger than " + (MAX_BYTES >> 20) + " MiB, not a sites file mint wrote");
      }
      return Profiles.parse(Files.readAllBytes(target), name());
    } catch (AccessDeniedException e) {
      throw SitesException.file(name() + ": permission denied");
    } catch (IOException e) {
      throw SitesException.file(name() + ": cannot be read (" + IoErrors.describe(e) + ")");
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Refuses a file or directory that group or others may write, as ssh does. */
  private void checkPermissions(Path target) {
    checkDirectory(directoryOf(target));
    if (!posix()) {
      return;
    }
    Set<PosixFilePermission> mode = permissions(target);
    if (mode.contains(PosixFilePermission.GROUP_WRITE)
        || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw SitesException.file(
          target
              + " is writable by "
              + who(mode, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE)
              + ", who could weaken its entries: run 'chmod 600 "
              + target
              + "'");
    }
  }

  private static void checkDirectory(Path dir) {
    if (!posix() || !Files.isDirectory(dir)) {
      return;
    }
    Set<PosixFilePermission> mode = permissions(dir);
    if (mode.contains(PosixFilePermission.GROUP_WRITE)
        || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
      throw SitesException.file(
          "directory "
              + dir
              + " is writable by "
              + who(mode, PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE)
              + ", who could replace the sites file in it: run 'chmod 700 "
              + dir
              + "'");
    }
  }

  private static String who(
      Set<PosixFilePermission> mode, PosixFilePermission group, PosixFilePermission others) {
    if (mode.contains(group) && mode.contains(others)) {
      return "group and others";
    }
    return mode.contains(group) ? "its group" : "others";
  }

  private static Set<PosixFilePermission> permissions(Path path) {
    try {
      return Files.getPosixFilePermissions(path);
    } catch (IOException e) {
      throw SitesException.file(
          path + ": cannot read its permissions (" + IoErrors.describe(e) + ")");
    }
  }

  private static void createDirectories(Path dir) {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      if (posix()) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw SitesException.file(
          dir + ": cannot create the directory (" + IoErrors.describe(e) + ")");
    }
  }

  private static FileChannel openLock(Path lockFile) throws IOException {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return posix()
        ? FileChannel.open(lockFile, options, PosixFilePermissions.asFileAttribute(FILE_MODE))
        : FileChannel.open(lockFile, options);
  }

  /**
   * Writes {@code bytes} to {@code file} so that a reader sees the old content or the new one,
   * never a part: a temporary file (0600) in the same directory, forced to disk, renamed over
   * {@code file}; then the directory is forced where the platform allows it.
   */
  public static void writeAtomically(Path file, byte[] bytes) {
    Path dir = directoryOf(file);
    Path temporary = null;
    try {
      FileAttribute<?>[] mode =
          posix()
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
              : new FileAttribute<?>[0];
      temporary = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", mode);
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
      forceDirectory(dir);
    } catch (NoSuchFileException e) {
      throw SitesException.file(dir + ": no such directory");
    } catch (AccessDeniedException e) {
      throw SitesException.file(file + ": permission denied");
    } catch (IOException e) {
      throw SitesException.file(file + ": cannot be written (" + IoErrors.describe(e) + ")");
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // the temporary file stays; the target is untouched either way
        }
      }
    }
  }

  /** Makes the rename durable; not every platform can open a directory, which is fine. */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Windows cannot open a directory as a channel; the rename is still atomic there
    }
  }
}
