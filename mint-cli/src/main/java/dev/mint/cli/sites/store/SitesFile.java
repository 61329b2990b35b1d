package dev.mint.cli.sites.store;

import dev.mint.cli.io.Io;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.format.SitesJson;
import dev.mint.cli.sites.model.Edited;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
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

  /**
   * The largest file read or written (a thousand entries take about 300 KiB, so this holds {@link
   * #MAX_ENTRIES}); with the bound on values it keeps what a file can cost under half a gigabyte.
   */
  public static final long MAX_BYTES = 32L << 20;

  /** The most entries a sites file (or a file to import) may hold. */
  public static final int MAX_ENTRIES = SiteBook.MAX_ENTRIES;

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
    return SiteEntry.today();
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
   * @throws SitesException (exit 4) when the file or a directory above it is owned by another user
   *     or writable by group or others, or the file cannot be read, is not a sites file, or holds a
   *     bad value
   */
  public SiteBook read() {
    Ownership ownership = Ownership.current();
    ownership.checkDirectories(directoryOf(path));
    Path target = target(ownership);
    Path real = ownership.checkDirectories(directoryOf(target));
    BasicFileAttributes attributes = attributesOf(target);
    if (attributes == null) {
      return SiteBook.empty();
    }
    ownership.checkFile(shown(target), target, attributes);
    return readChecked(target, ownership, real);
  }

  /**
   * Reads the file under the lock, applies {@code change}, and writes the result atomically when
   * {@code change} returns normally; the directory is created (0700) when missing. When anything
   * fails (the file cannot be read, the change throws, the write fails), the file is left exactly
   * as it was. Everything under the lock is done relative to one handle on the directory ({@link
   * SitesDirectory}), after the ownership checks ({@link Ownership}).
   */
  @SuppressWarnings("try") // the resource is held for the block, not used in it
  public <T> T update(Function<SiteBook, Edited<T>> change) {
    Ownership ownership = Ownership.current();
    ownership.checkDirectories(directoryOf(path));
    Path target = target(ownership);
    Path dir = directoryOf(target);
    ownership.checkDirectories(dir);
    createDirectories(dir);
    Path real = ownership.checkDirectories(dir); // the directories just made, the way to them
    String name = target.getFileName().toString();
    try (SitesDirectory directory = SitesDirectory.open(dir, ownership, real);
        FileChannel lock = directory.openLock(name + ".lock");
        FileLock held = lock.lock()) {
      directory.checkStillAt(); // under the lock: the path still leads to the directory opened
      WriteSeam.step(WriteSeam.LOCKED);
      directory.removeStaleTemporaries(name);
      SiteBook book;
      BasicFileAttributes attributes = directory.attributes(name);
      if (attributes != null) {
        ownership.checkFile(shown(target), target, attributes);
        Ownership.checkWritable(target, attributes);
        byte[] bytes = directory.read(name, MAX_BYTES);
        if (bytes == null) {
          throw tooLarge();
        }
        book = SitesJson.parse(bytes, name());
      } else {
        book = SiteBook.empty();
      }
      WriteSeam.step(WriteSeam.READ);
      Edited<T> edited = change.apply(book);
      if (edited.book().entries().size() > MAX_ENTRIES) {
        throw SitesException.file(
            name() + ": would hold more than " + MAX_ENTRIES + " entries, more than mint keeps");
      }
      byte[] bytes = SitesJson.toBytes(edited.book());
      if (bytes.length > MAX_BYTES) {
        throw SitesException.file(
            name()
                + ": would be larger than "
                + (MAX_BYTES >> 20)
                + " MiB, more than mint reads back: not changed");
      }
      directory.replace(name, bytes, name());
      WriteSeam.step(WriteSeam.DIRECTORY_FORCED);
      return edited.result();
    } catch (AccessDeniedException e) {
      throw SitesException.file(name() + ": permission denied");
    } catch (IOException e) {
      throw SitesException.file(
          name() + ": cannot be read or locked (" + IoErrors.describe(e) + ")");
    }
  }

  private SitesException tooLarge() {
    return SitesException.file(
        name() + ": larger than " + (MAX_BYTES >> 20) + " MiB, not a sites file mint wrote");
  }

  /** The file's name for messages, with what its link leads to when it is one. */
  private String shown(Path target) {
    return target.equals(path) ? name() : name() + " -> " + target;
  }

  private static BasicFileAttributes attributesOf(Path target) {
    try {
      return Ownership.posix()
          ? Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          : Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw SitesException.file(
          target + ": cannot read its owner and mode (" + IoErrors.describe(e) + ")");
    }
  }

  /**
   * The file itself: when the path is a symbolic link of the user's (a dotfiles checkout), the
   * regular file it leads to ({@link Ownership#regularFile}, the rule every file mint writes
   * follows).
   */
  private Path target(Ownership ownership) {
    return ownership.regularFile(
        path, name(), ", who could weaken its entries: keep your own sites file");
  }

  private static Path directoryOf(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return dir == null ? file.toAbsolutePath().getRoot() : dir;
  }

  private SiteBook readChecked(Path target, Ownership ownership, Path real) {
    try (SitesDirectory directory = SitesDirectory.open(directoryOf(target), ownership, real)) {
      byte[] bytes = directory.read(target.getFileName().toString(), MAX_BYTES);
      if (bytes == null) {
        throw tooLarge();
      }
      return SitesJson.parse(bytes, name());
    } catch (AccessDeniedException e) {
      throw SitesException.file(name() + ": permission denied");
    } catch (IOException e) {
      throw SitesException.file(name() + ": cannot be read (" + IoErrors.describe(e) + ")");
    }
  }

  private static void createDirectories(Path dir) {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      if (Ownership.posix()) {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
      } else {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw SitesException.file(
          dir + ": cannot create the directory (" + IoErrors.describe(e) + ")");
    }
  }

  /**
   * Where a write to {@code file} lands ({@code site export FILE}): {@code file} when it is a
   * regular file or nothing yet, the regular file a link of the user's leads to; anything else (a
   * device, a pipe, a socket, a directory, a link or a file of another user's) is refused, exit 4,
   * by the rule the sites file follows ({@link Ownership#regularFile}).
   */
  public static Path writeTarget(Path file) {
    return Ownership.current()
        .regularFile(file, file.toString(), ": mint does not replace another user's file");
  }

  /**
   * Writes {@code bytes} to {@code file} so that a reader sees the old content or the new one,
   * never a part: a temporary file (0600) in the same directory, forced to disk, renamed over the
   * file {@link #writeTarget} names (a link of the user's is kept, the file it leads to replaced);
   * then the directory is forced where the platform allows it.
   */
  public static void writeAtomically(Path file, byte[] bytes) {
    Path target = writeTarget(file);
    try (SitesDirectory directory = SitesDirectory.open(directoryOf(target))) {
      directory.replace(target.getFileName().toString(), bytes, file.toString());
    }
  }
}
