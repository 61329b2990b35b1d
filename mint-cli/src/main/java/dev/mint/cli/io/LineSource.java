package dev.mint.cli.io;

import java.io.Console;
import java.io.IOError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The lines of a session, one at a time, each with a time limit: from the console with a prompt
 * when there is one, else from standard input without one (so a session can be scripted and tested
 * in-process). A daemon thread does the blocking read, one line per {@link #next} call, so the
 * caller can give up on an idle user; the thread then stays blocked until the process ends.
 */
public final class LineSource {
  /** No line came within the time limit. */
  public static final class Idle extends Exception {
    private static final long serialVersionUID = 1L;

    public Idle() {
      super(null, null, false, false);
    }
  }

  /** One read: a line, or a line refused as too long (its text not kept). */
  private record Read(String line, boolean tooLong) {}

  /** Reads one line; null at end of input. */
  private interface LineReader {
    String read() throws BoundedLines.LineTooLong;
  }

  private final SynchronousQueue<Boolean> asks = new SynchronousQueue<>();
  private final LinkedBlockingQueue<Optional<Read>> lines = new LinkedBlockingQueue<>();

  /** What ended the reader other than end of input: a line too long, out of memory. */
  private volatile Throwable failure;

  private LineSource(LineReader read) {
    Thread reader =
        new Thread(
            () -> {
              try {
                while (true) {
                  asks.take();
                  String line;
                  try {
                    line = read.read();
                  } catch (BoundedLines.LineTooLong e) {
                    lines.put(Optional.of(new Read(null, true))); // the next line is read next
                    continue;
                  } catch (IOError | UncheckedIOException e) {
                    line =
                        null; // an unreadable terminal or input ends the session like end of input
                  } catch (RuntimeException | Error e) {
                    failure = e; // a line too long, out of memory: next() throws it
                    line = null;
                  }
                  lines.put(Optional.ofNullable(line).map(l -> new Read(l, false)));
                  if (line == null) {
                    return;
                  }
                }
              } catch (InterruptedException e) {
                // the session is over
              }
            },
            "mint-session-lines");
    reader.setDaemon(true);
    reader.start();
  }

  /** Lines typed at {@code console} after {@code prompt}. */
  public static LineSource console(Console console, String prompt) {
    return new LineSource(() -> console.readLine("%s", prompt));
  }

  /** Lines of {@code io}'s standard input (UTF-8), no prompt. */
  public static LineSource stream(Io io) {
    return stream(io, () -> {});
  }

  /** Lines of {@code io}'s standard input (UTF-8), {@code prompt} run before each is read. */
  public static LineSource stream(Io io, Runnable prompt) {
    BoundedLines.Reader in = new BoundedLines.Reader(io.in(), "standard input");
    return new LineSource(
        () -> {
          prompt.run();
          try {
            return in.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /**
   * The next line, or null at end of input.
   *
   * @throws Idle when none came within {@code timeoutNanos}
   * @throws BoundedLines.LineTooLong for a line longer than {@link BoundedLines#MAX_LINE_CHARS}
   *     (read and dropped: the next call gives the line after it)
   * @throws CliException for a line that goes on past {@link BoundedLines#MAX_BYTES}, which ends
   *     the input
   * @throws Error what the reader met (out of memory), for {@code MintCli} to report
   */
  public String next(long timeoutNanos)
      throws Idle, InterruptedException, BoundedLines.LineTooLong {
    asks.put(Boolean.TRUE);
    Optional<Read> line = lines.poll(timeoutNanos, TimeUnit.NANOSECONDS);
    if (line == null) {
      throw new Idle();
    }
    Throwable failed = failure;
    if (line.isEmpty() && failed instanceof RuntimeException) {
      throw (RuntimeException) failed;
    }
    if (line.isEmpty() && failed instanceof Error) {
      throw (Error) failed;
    }
    if (line.isPresent() && line.get().tooLong()) {
      throw new BoundedLines.LineTooLong();
    }
    return line.map(Read::line).orElse(null);
  }
}
