package dev.mint.cli.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code mint batch} and {@code mint session} input, read within limits that a
 * stranger's file or a runaway pipe ({@code /dev/zero}, {@code yes}) cannot push mint past: at most
 * {@link #MAX_LINE_CHARS} characters a line, {@link #MAX_LINES} lines and {@link #MAX_BYTES} bytes
 * of a batch. A batch FILE must be a regular file or a pipe mint was handed ({@code <(...)}, {@code
 * /dev/fd/N}); a device or a named pipe on disk, which would block or never end, is refused before
 * it is opened. Lines end at LF, CR LF or a lone CR, as {@link java.io.BufferedReader#readLine}
 * splits them; the text must be UTF-8.
 */
public final class BoundedLines {
  /** The longest line: a site with all of derive's site options fits many times over. */
  public static final int MAX_LINE_CHARS = 8192;

  /** The most lines of a batch, comments and blank lines included. */
  public static final int MAX_LINES = 100_000;

  /** The most bytes of a batch, file or pipe. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private BoundedLines() {}

  /**
   * A line over {@link #MAX_LINE_CHARS}, read to its end and dropped; its text is never shown. The
   * message is {@code longer than 8192 characters (not shown)}, for the caller to say which line.
   */
  public static final class LineTooLong extends Exception {
    private static final long serialVersionUID = 1L;

    LineTooLong() {
      super("longer than " + MAX_LINE_CHARS + " characters (not shown)", null, false, false);
    }
  }

  /**
   * The lines of batch FILE {@code path}.
   *
   * @return the lines; a line over {@link #MAX_LINE_CHARS} is null (its text is not kept), for the
   *     caller to refuse that line and go on with the others
   * @throws CliException ({@link ExitCodes#IO}) when the file is missing, not a regular file or a
   *     pipe given as {@code /dev/fd/N}, larger than {@link #MAX_BYTES}, not UTF-8, or has more
   *     than {@link #MAX_LINES} lines
   */
  public static List<String> ofFile(Path path) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw CliException.io(path + ": no such file");
    } catch (IOException e) {
      throw CliException.io(path + ": cannot read (" + IoErrors.describe(e) + ")");
    }
    if (attributes.isDirectory()) {
      throw CliException.io(path + ": is a directory, not a list of sites");
    }
    if (attributes.isRegularFile()) {
      if (attributes.size() > MAX_BYTES) {
        throw tooLarge(path.toString());
      }
    } else if (!isHandedPipe(path)) {
      throw CliException.io(
          path
              + ": not a regular file (a device or a named pipe, which may never end or may"
              + " block): give a file, '-' for standard input, or a pipe such as <(command)");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return read(in, path.toString());
    } catch (IOException | UncheckedIOException e) {
      throw CliException.io(path + ": cannot read (" + IoErrors.describe(e) + ")");
    }
  }

  /**
   * Whether {@code path} is a pipe mint was handed on a descriptor: {@code /dev/fd/N} or {@code
   * /proc/self/fd/N} pointing at {@code pipe:[...]}, as bash's process substitution gives. Such a
   * pipe is already open, so reading it cannot block on open as a named pipe can.
   */
  private static boolean isHandedPipe(Path path) {
    String name = path.toString();
    if (!name.matches("/dev/fd/[0-9]+|/proc/self/fd/[0-9]+")) {
      return false;
    }
    Path link = Path.of("/proc/self/fd", path.getFileName().toString());
    try {
      return Files.exists(link, LinkOption.NOFOLLOW_LINKS)
          && Files.readSymbolicLink(link).toString().startsWith("pipe:");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static CliException tooLarge(String source) {
    return CliException.io(
        source + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB, more than a list of sites");
  }

  /**
   * The lines of {@code in} (a batch's standard input, or a file opened by {@link #ofFile}), read
   * to the end within the limits; {@code source} names it in messages. As {@link #ofFile}: a line
   * over {@link #MAX_LINE_CHARS} is null.
   */
  public static List<String> read(InputStream in, String source) {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    Reader lines = new Reader(new Capped(in, source), strict, source);
    List<String> all = new ArrayList<>();
    try {
      while (true) {
        String line;
        try {
          line = lines.next();
          if (line == null) {
            return all;
          }
        } catch (LineTooLong e) {
          line = null;
        }
        if (all.size() == MAX_LINES) {
          throw CliException.io(source + ": more than " + MAX_LINES + " lines");
        }
        all.add(line);
      }
    } catch (CharacterCodingException e) {
      throw CliException.io(source + ": not UTF-8 text");
    } catch (IOException e) {
      throw CliException.io("cannot read " + source + " (" + IoErrors.describe(e) + ")");
    }
  }

  /** {@code in}, refused past {@link #MAX_BYTES}. */
  private static final class Capped extends java.io.FilterInputStream {
    private final String source;
    private long count;

    Capped(InputStream in, String source) {
      super(in);
      this.source = source;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      count += n;
      if (count > MAX_BYTES) {
        throw tooLarge(source);
      }
    }
  }

  /**
   * The lines of a session's standard input, one at a time: as {@link
   * java.io.BufferedReader#readLine} gives them (LF, CR LF or a lone CR end a line; malformed UTF-8
   * replaced, as the session's reader always did), but never longer than {@link #MAX_LINE_CHARS}: a
   * longer line is read to its end without being kept, and refused ({@link LineTooLong}), and the
   * next call reads the line after it. A line that goes on past {@link #MAX_BYTES} characters (no
   * line break: {@code /dev/zero}) ends the input.
   */
  public static final class Reader {
    private final java.io.Reader in;
    private final String source;
    private boolean skipLf;

    public Reader(InputStream in, String source) {
      this(
          in,
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE),
          source);
    }

    Reader(InputStream in, CharsetDecoder decoder, String source) {
      this.in = new java.io.BufferedReader(new java.io.InputStreamReader(in, decoder));
      this.source = source;
    }

    /**
     * The next line, or null at end of input.
     *
     * @throws LineTooLong for a line over {@link #MAX_LINE_CHARS}, which has then been read to its
     *     end
     * @throws CliException ({@link ExitCodes#INVALID_INPUT}) for a line that goes on past {@link
     *     #MAX_BYTES} characters; what is left of it is not read
     */
    public String next() throws IOException, LineTooLong {
      StringBuilder line = new StringBuilder();
      boolean any = false;
      while (true) {
        int c = in.read();
        if (c == -1) {
          return any ? line.toString() : null;
        }
        if (skipLf) {
          skipLf = false;
          if (c == '\n') {
            continue;
          }
        }
        any = true;
        if (c == '\n') {
          return line.toString();
        }
        if (c == '\r') {
          skipLf = true;
          return line.toString();
        }
        if (line.length() == MAX_LINE_CHARS) {
          skipRestOfLine();
          throw new LineTooLong();
        }
        line.append((char) c);
      }
    }

    /** Reads up to the end of the line without keeping it, at most {@link #MAX_BYTES} more. */
    private void skipRestOfLine() throws IOException {
      for (long skipped = 1; ; skipped++) {
        int c = in.read();
        if (c == -1 || c == '\n') {
          return;
        }
        if (c == '\r') {
          skipLf = true;
          return;
        }
        if (skipped > MAX_BYTES) {
          throw CliException.invalidInput(
              source
                  + ": a line goes on past "
                  + MAX_BYTES / (1024 * 1024)
                  + " MiB without a line break (not shown)");
        }
      }
    }
  }
}
