package dev.mint.cli.sites.store;

import dev.mint.cli.io.IoErrors;
import dev.mint.cli.sites.SitesException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The directory of the sites file, opened once: the lock, the read, the temporary file and the
 * rename are all made relative to this one handle ({@code openat}, {@code renameat} through a
 * {@link SecureDirectoryStream}, where the platform gives one), never by path, and none follows a
 * link; its device and inode are checked against the path again under the lock and before the
 * rename. So a directory swapped for a symbolic link while mint works (docs/THREAT_MODEL.md, C24)
 * cannot make it read in one place and write in another. Where the platform gives no such stream
 * (Windows), paths are used, with the same checks of the file key.
 */
final class SitesDirectory implements Closeable {
  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final SecureDirectoryStream<Path> stream;
  private final Object key;

  private SitesDirectory(Path dir, SecureDirectoryStream<Path> stream, Object key) {
    this.dir = dir;
    this.stream = stream;
    this.key = key;
  }

  /**
   * Opens {@code dir} (where {@code site export} writes: no owner rule) and checks it is the same.
   */
  static SitesDirectory open(Path dir) {
    return open(dir, null, null);
  }

  /**
   * Opens {@code dir}, a directory {@code ownership} checked by path ({@link
   * Ownership#checkDirectories}, which gave {@code real}), and checks it again through the handle:
   * its owner and mode as the open descriptor reads them, and that it is the directory at {@code
   * real}, whose way up was walked. So what a path string seemed to name never stands in for what
   * the kernel opened ({@code link/..}, a swap between the check and the open).
   */
  static SitesDirectory open(Path dir, Ownership ownership, Path real) {
    try {
      BasicFileAttributes before = Files.readAttributes(dir, BasicFileAttributes.class, NO_FOLLOW);
      if (!before.isDirectory()) {
        throw SitesException.file(dir + ": not a directory (" + Ownership.kind(before) + ")");
      }
      DirectoryStream<Path> opened = Files.newDirectoryStream(dir);
      SitesDirectory directory;
      if (opened instanceof SecureDirectoryStream) {
        SecureDirectoryStream<Path> secure = (SecureDirectoryStream<Path>) opened;
        Object key =
            secure.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        directory = new SitesDirectory(dir, secure, key);
      } else {
        opened.close();
        directory = new SitesDirectory(dir, null, before.fileKey());
      }
      try {
        if (!Objects.equals(before.fileKey(), directory.key)) {
          throw moved(dir);
        }
        if (ownership != null) {
          directory.checkOwner(ownership, real);
        }
      } catch (RuntimeException e) {
        directory.close();
        throw e;
      }
      return directory;
    } catch (NoSuchFileException e) {
      throw SitesException.file(dir + ": no such directory");
    } catch (AccessDeniedException e) {
      throw SitesException.file(dir + ": permission denied");
    } catch (IOException e) {
      throw SitesException.file(dir + ": cannot be opened (" + IoErrors.describe(e) + ")");
    }
  }

  private void checkOwner(Ownership ownership, Path real) throws IOException {
    if (!Ownership.posix()) {
      return;
    }
    PosixFileAttributes opened =
        stream != null
            ? stream.getFileAttributeView(PosixFileAttributeView.class).readAttributes()
            : Files.readAttributes(dir, PosixFileAttributes.class, NO_FOLLOW);
    ownership.checkOpenedDirectory(dir, opened);
    if (real != null) {
      BasicFileAttributes atReal;
      try {
        atReal = Files.readAttributes(real, BasicFileAttributes.class, NO_FOLLOW);
      } catch (IOException e) {
        throw moved(dir);
      }
      if (key != null && !key.equals(atReal.fileKey())) {
        throw moved(dir);
      }
    }
  }

  private static SitesException moved(Path dir) {
    return SitesException.file(
        dir
            + ": the directory was moved or replaced while mint changed the sites file in it;"
            + " nothing was written");
  }

  /** Refuses to go on when the path no longer leads to the directory opened. */
  void checkStillAt() {
    Object now;
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(dir, BasicFileAttributes.class, NO_FOLLOW);
      now = attributes.isDirectory() ? attributes.fileKey() : null;
    } catch (IOException e) {
      now = null;
    }
    if (key != null && !key.equals(now)) {
      throw moved(dir);
    }
  }

  /** {@code name}'s attributes, read without following a link; null when there is none. */
  BasicFileAttributes attributes(String name) throws IOException {
    try {
      if (stream == null) {
        return Ownership.posix()
            ? Files.readAttributes(dir.resolve(name), PosixFileAttributes.class, NO_FOLLOW)
            : Files.readAttributes(dir.resolve(name), BasicFileAttributes.class, NO_FOLLOW);
      }
      return Ownership.posix()
          ? stream
              .getFileAttributeView(Path.of(name), PosixFileAttributeView.class, NO_FOLLOW)
              .readAttributes()
          : stream
              .getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NO_FOLLOW)
              .readAttributes();
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private SeekableByteChannel channel(
      String name, Set<OpenOption> options, FileAttribute<?>... attributes) throws IOException {
    Set<OpenOption> all = new HashSet<>(options);
    all.add(LinkOption.NOFOLLOW_LINKS);
    return stream == null
        ? Files.newByteChannel(dir.resolve(name), all, attributes)
        : stream.newByteChannel(Path.of(name), all, attributes);
  }

  private static FileAttribute<?>[] ownerOnly() {
    return Ownership.posix()
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  /** The lock file, made 0600 when missing; refused when it is anything but a regular file. */
  FileChannel openLock(String name) {
    Path shown = dir.resolve(name);
    try {
      BasicFileAttributes attributes = attributes(name);
      if (attributes != null && !attributes.isRegularFile()) {
        throw SitesException.file(
            shown + ": not a regular file (" + Ownership.kind(attributes) + "): remove it");
      }
      FileChannel lock =
          (FileChannel)
              channel(
                  name, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly());
      attributes = attributes(name);
      if (attributes == null || !attributes.isRegularFile()) {
        lock.close();
        throw SitesException.file(shown + ": not a regular file: remove it");
      }
      return lock;
    } catch (FileSystemException e) {
      // ELOOP from O_NOFOLLOW when a link appeared at the last moment, among others
      throw SitesException.file(
          shown
              + ": cannot be opened as a lock, not a regular file? ("
              + IoErrors.describe(e)
              + ")");
    } catch (IOException e) {
      throw SitesException.file(shown + ": cannot lock (" + IoErrors.describe(e) + ")");
    }
  }

  /** The whole of {@code name}, at most {@code max} bytes (more is refused by the caller). */
  byte[] read(String name, long max) throws IOException {
    try (SeekableByteChannel channel = channel(name, Set.of(StandardOpenOption.READ))) {
      long size = channel.size();
      if (size > max) {
        return null;
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // read on
      }
      if (buffer.hasRemaining() || channel.read(ByteBuffer.allocate(1)) > 0) {
        throw new IOException("the file changed size while read");
      }
      return buffer.array();
    }
  }

  /**
   * Removes the temporary files of writers that died (SIGKILL, a crash) before their rename; only
   * under the lock, so no living writer's file is taken.
   */
  void removeStaleTemporaries(String name) {
    String prefix = "." + name + ".";
    try (DirectoryStream<Path> list = stream != null ? null : Files.newDirectoryStream(dir)) {
      Iterable<Path> entries = stream != null ? stream : list;
      for (Path entry : entries) {
        String file = entry.getFileName().toString();
        if (file.startsWith(prefix) && file.endsWith(".tmp")) {
          delete(file);
        }
      }
    } catch (IOException | RuntimeException e) {
      // litter stays; the sites file is not affected
    }
  }

  private void delete(String name) throws IOException {
    if (stream != null) {
      stream.deleteFile(Path.of(name));
    } else {
      Files.deleteIfExists(dir.resolve(name));
    }
  }

  /**
   * Replaces {@code name} with {@code bytes} so that a reader sees the old content or the new one,
   * never a part: a temporary file (0600, a new name, no link followed) in this directory, forced
   * to disk, renamed over {@code name}; then the directory is forced. {@code shown} names the file
   * in messages. When anything fails, the temporary file is removed and {@code name} is as it was.
   */
  void replace(String name, byte[] bytes, String shown) {
    refuseUnlessRegular(name, shown);
    String temporary = "." + name + "." + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".tmp";
    boolean created = false;
    try {
      try (FileChannel channel =
          (FileChannel)
              channel(
                  temporary,
                  Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                  ownerOnly())) {
        created = true;
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        WriteSeam.step(WriteSeam.TEMP_WRITTEN);
        channel.force(true);
        WriteSeam.step(WriteSeam.FORCED);
      }
      checkStillAt();
      refuseUnlessRegular(name, shown);
      if (stream != null) {
        stream.move(Path.of(temporary), stream, Path.of(name));
      } else {
        Files.move(dir.resolve(temporary), dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      }
      created = false;
      WriteSeam.step(WriteSeam.RENAMED);
      force();
    } catch (AccessDeniedException e) {
      throw SitesException.file(shown + ": permission denied (the file is unchanged)");
    } catch (IOException e) {
      throw SitesException.file(
          shown + ": cannot be written: " + IoErrors.describe(e) + " (the file is unchanged)");
    } finally {
      if (created) {
        try {
          delete(temporary);
        } catch (IOException e) {
          // the temporary file stays (the next writer removes it); the file is untouched
        }
      }
    }
  }

  /**
   * A rename replaces whatever has the name, a device node or a pipe as well as a file: so the name
   * must hold a regular file or nothing (docs/THREAT_MODEL.md, C38). A link is refused too: the
   * caller resolved a link of the user's to the file it names ({@link Ownership#regularFile}), and
   * replacing the link itself would silently cut it.
   */
  private void refuseUnlessRegular(String name, String shown) {
    BasicFileAttributes attributes;
    try {
      attributes = attributes(name);
    } catch (IOException e) {
      throw SitesException.file(shown + ": cannot read what it is (" + IoErrors.describe(e) + ")");
    }
    if (attributes != null && !attributes.isRegularFile()) {
      throw SitesException.file(
          shown
              + ": not a regular file ("
              + Ownership.kind(attributes)
              + "): mint reads and writes only regular files");
    }
  }

  /** Makes the rename durable; not every platform can open a directory, which is fine. */
  private void force() {
    try (FileChannel channel =
        stream != null
            ? (FileChannel) stream.newByteChannel(Path.of("."), Set.of(StandardOpenOption.READ))
            : FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Windows cannot open a directory as a channel; the rename is still atomic there
    }
  }

  @Override
  public void close() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException e) {
        // nothing to do: the descriptor is released either way
      }
    }
  }
}
