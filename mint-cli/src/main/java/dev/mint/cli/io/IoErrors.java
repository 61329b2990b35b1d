package dev.mint.cli.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * An I/O failure in words for a {@code mint: ...} line ({@code permission denied}, {@code no such
 * file}), not the JDK's class name ({@code AccessDeniedException}). Never the exception's message,
 * which holds paths and whatever else the JDK put there; a {@link FileSystemException}'s reason is
 * the operating system's own short text ({@code Read-only file system}).
 */
public final class IoErrors {
  /** The operating system's text (strerror, as the JDK passes it on) and what mint says. */
  private static final String[][] KNOWN_REASONS = {
    {"No space left on device", "no space left on the device"},
    {"Disk quota exceeded", "over the disk quota"},
    {"Read-only file system", "a read-only file system"},
    {"Too many levels of symbolic links", "a symbolic link"},
  };

  private IoErrors() {}

  /** What went wrong, in lower-case words. */
  public static String describe(Throwable e) {
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return describe(e.getCause());
    }
    String known = knownReason(e);
    if (known != null) {
      return known;
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the directory is not empty";
    }
    if (e instanceof FileSystemLoopException) {
      return "a loop of symbolic links";
    }
    if (e instanceof NotLinkException) {
      return "not a symbolic link";
    }
    if (e instanceof FileSystemException) {
      String reason = ((FileSystemException) e).getReason();
      return reason == null || reason.isBlank() || reason.length() > 80
          ? "file system error"
          : reason.strip().toLowerCase(Locale.ROOT);
    }
    if (e instanceof java.nio.channels.OverlappingFileLockException) {
      return "already locked by this process";
    }
    if (e instanceof java.io.EOFException) {
      return "unexpected end of input";
    }
    if (e instanceof IOException) {
      return "input/output error";
    }
    return "error";
  }

  /**
   * The operating system's reasons a user can act on, from a {@link FileSystemException}'s reason
   * or a plain {@link IOException}'s message (a write to a full disk gives the latter); matched
   * against fixed texts, so nothing else of the message is ever shown.
   */
  private static String knownReason(Throwable e) {
    String text =
        e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
    if (!(e instanceof IOException) || text == null) {
      return null;
    }
    for (String[] known : KNOWN_REASONS) {
      if (text.contains(known[0])) {
        return known[1];
      }
    }
    return null;
  }
}
