package dev.mint.cli.phrase;

import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ControllingTerminal;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.io.Wipe;
import dev.mint.internal.SecretSeam;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads the master phrase into a {@code char[]} that the caller wipes, from standard input, the
 * console or an environment variable. Never builds a {@code String} from standard input or the
 * console, and wipes every buffer of its own.
 */
public final class PhraseReader {
  /** The most bytes of phrase read from standard input, line break not counted. */
  public static final int MAX_STDIN_BYTES = 4096;

  private PhraseReader() {}

  /**
   * One line of UTF-8 from {@code in}: the bytes up to the first {@code \n}, without that {@code
   * \n} or a {@code \r\n}. Nothing else is dropped: leading, trailing and inner spaces are part of
   * the phrase (mint-core trims the way the page does). Reads no further than the line.
   *
   * @throws CliException ({@link ExitCodes#IO}) when the input is empty or unreadable; ({@link
   *     ExitCodes#INVALID_INPUT}) when the line is longer than {@link #MAX_STDIN_BYTES} bytes or
   *     not UTF-8
   */
  public static char[] fromStream(InputStream in) {
    return fromStream(in, "standard input", "--phrase-stdin");
  }

  /**
   * {@link #fromStream(InputStream)} from a named source ({@code "file descriptor 3"}), read
   * because of {@code option}; the messages name both.
   */
  public static char[] fromStream(InputStream in, String source, String option) {
    // room for the longest phrase and the \r of a \r\n
    byte[] line = SecretSeam.allocated(new byte[MAX_STDIN_BYTES + 1]);
    int n = 0;
    boolean newline = false;
    try {
      for (int b; (b = in.read()) != -1; ) {
        if (b == '\n') {
          newline = true;
          break;
        }
        if (n == line.length) {
          throw tooLong(source);
        }
        line[n++] = (byte) b;
      }
      if (n == 0 && !newline) {
        throw CliException.io(
            source + " is empty: " + option + " expects the master phrase on one line");
      }
      if (newline && n > 0 && line[n - 1] == '\r') {
        n--;
      }
      if (n > MAX_STDIN_BYTES) {
        throw tooLong(source);
      }
      refuseControls(line, n, source);
      return decodeUtf8(line, n, source);
    } catch (IOException e) {
      throw CliException.io("cannot read " + source + " (" + IoErrors.describe(e) + ")");
    } finally {
      Wipe.bytes(line);
    }
  }

  /**
   * Refuses a NUL or a carriage return in the phrase's line: the page's phrase field can hold
   * neither (a text field drops CR and LF, and NUL cannot be typed), so such a line is a file of
   * another kind or with CR-only line endings ({@code "one\rtwo\r"}), which would otherwise be
   * taken whole, silently, as one phrase. A CR right before the LF is dropped before this.
   */
  private static void refuseControls(byte[] line, int n, String source) {
    for (int i = 0; i < n; i++) {
      if (line[i] == 0) {
        throw CliException.invalid(
            "phrase", "the line on " + source + " holds a NUL byte, which a phrase cannot");
      }
      if (line[i] == '\r') {
        throw CliException.invalid(
            "phrase",
            "the line on "
                + source
                + " holds a carriage return (CR-only line endings?); the phrase is read up to the"
                + " first line feed (LF)");
      }
    }
  }

  private static CliException tooLong(String source) {
    return CliException.invalid(
        "phrase", "more than " + MAX_STDIN_BYTES + " bytes on " + source + " (one line is read)");
  }

  /** Strict UTF-8 (no replacement characters) into an exactly sized array. */
  static char[] decodeUtf8(byte[] bytes, int length) {
    return decodeUtf8(bytes, length, "standard input");
  }

  private static char[] decodeUtf8(byte[] bytes, int length, String source) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // UTF-8 never takes fewer bytes than UTF-16 code units
    char[] chars = SecretSeam.allocated(new char[length]);
    try {
      CharBuffer out = CharBuffer.wrap(chars);
      CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), out, true);
      if (!result.isUnderflow() || !decoder.flush(out).isUnderflow()) {
        throw CliException.invalid("phrase", source + " is not valid UTF-8");
      }
      return SecretSeam.allocated(Arrays.copyOf(chars, out.position()));
    } finally {
      Wipe.chars(chars);
    }
  }

  /** How many times {@code --confirm} asks for the two entries before it gives up. */
  public static final int CONFIRM_TRIES = 3;

  /** A terminal to ask the phrase on without echo. */
  interface Prompt {
    /** What is typed after {@code prompt}, not echoed; null at end of input. */
    char[] ask(String prompt);

    /** {@code line} and a line break on the terminal. */
    void println(String line);

    /**
     * Ends the prompt's line, from a shutdown hook while {@link #ask} waits: takes no lock that
     * {@code ask} holds.
     */
    void endLine();
  }

  /**
   * Asks for {@code what} ({@link #MASTER}, or the new phrase of a rotation) on the console without
   * echo; with {@code confirm}, asks twice, and again after a mismatch, {@value #CONFIRM_TRIES}
   * times at most.
   *
   * @throws CliException ({@link ExitCodes#IO}) at end of input; ({@link ExitCodes#INVALID_INPUT})
   *     when the two entries differ {@value #CONFIRM_TRIES} times
   */
  public static char[] fromConsole(Console console, boolean confirm, String what) {
    return fromPrompt(
        new Prompt() {
          @Override
          public char[] ask(String prompt) {
            return SecretSeam.allocated(console.readPassword("%s", prompt));
          }

          @Override
          public void println(String line) {
            console.writer().println(line);
            console.writer().flush();
          }

          @Override
          public void endLine() {
            // not through console.writer(): readPassword holds its lock while it waits; with a
            // console, standard output is the terminal
            try {
              new FileOutputStream(FileDescriptor.out).write('\n');
            } catch (IOException e) {
              // the terminal is gone
            }
          }
        },
        confirm,
        what);
  }

  /**
   * As {@link #fromConsole}, on the controlling terminal {@code tty}: for standard output that is
   * not a terminal ({@code mint batch FILE > out}), with the terminal's echo off while the phrase
   * is typed and put back after, on Ctrl-C too. Same limits as {@link #fromStream}: one line of at
   * most {@link #MAX_STDIN_BYTES} bytes of UTF-8, no NUL.
   */
  public static char[] fromTerminal(ControllingTerminal tty, boolean confirm, String what) {
    return fromPrompt(
        new Prompt() {
          @Override
          @SuppressWarnings("try") // echo is held for its close(), which turns echo back on
          public char[] ask(String prompt) {
            byte[] line = SecretSeam.allocated(new byte[MAX_STDIN_BYTES]);
            String source = "the terminal";
            try {
              int n;
              try (ControllingTerminal.EchoOff echo = tty.echoOff()) {
                tty.write(prompt);
                n = tty.readLine(line);
              } finally {
                tty.write("\n"); // the Enter typed was not echoed
              }
              if (n < 0) {
                return null;
              }
              if (n > MAX_STDIN_BYTES) {
                throw tooLong(source);
              }
              refuseControls(line, n, source);
              return decodeUtf8(line, n, source);
            } catch (IOException e) {
              throw CliException.io("cannot ask on " + source + " (" + IoErrors.describe(e) + ")");
            } finally {
              Wipe.bytes(line);
            }
          }

          @Override
          public void println(String line) {
            tty.write(line + "\n");
          }

          @Override
          public void endLine() {
            tty.write("\n");
          }
        },
        confirm,
        what);
  }

  /** What the prompt asks for unless told otherwise. */
  public static final String MASTER = "Master phrase";

  private static char[] fromPrompt(Prompt prompt, boolean confirm, String what) {
    for (int attempt = 1; ; attempt++) {
      char[] first = ask(prompt, what + ": ");
      if (!confirm) {
        return first;
      }
      char[] second = null;
      boolean same = false;
      try {
        second = ask(prompt, what + " again: ");
        same = Arrays.equals(first, second);
      } finally {
        if (second != null) {
          Wipe.chars(second);
        }
        if (!same) {
          Wipe.chars(first);
        }
      }
      if (same) {
        return first;
      }
      if (attempt == CONFIRM_TRIES) {
        throw CliException.invalid(
            "phrase", "the two entries differ (" + CONFIRM_TRIES + " tries; nothing derived)");
      }
      prompt.println(
          "mint: the two entries differ; type both again ("
              + (CONFIRM_TRIES - attempt)
              + (CONFIRM_TRIES - attempt == 1 ? " try" : " tries")
              + " left)");
    }
  }

  /**
   * What is typed after {@code text}, never null. While mint waits, Ctrl-C (or a kill) ends the
   * prompt's line, so the shell's prompt that follows starts on a line of its own.
   *
   * @throws CliException ({@link ExitCodes#IO}) at end of input
   */
  private static char[] ask(Prompt prompt, String text) {
    AtomicBoolean waiting = new AtomicBoolean(true);
    Thread endLine =
        new Thread(
            () -> {
              if (waiting.get()) {
                prompt.endLine();
              }
            },
            "mint-prompt-eol");
    Runtime.getRuntime().addShutdownHook(endLine);
    char[] typed;
    try {
      typed = prompt.ask(text);
    } finally {
      waiting.set(false);
      try {
        Runtime.getRuntime().removeShutdownHook(endLine);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook runs, and finds nothing to end
      }
    }
    if (typed == null) {
      throw CliException.io("no master phrase read from the console (end of input)");
    }
    return typed;
  }

  /**
   * The value of the environment variable {@code name}. Weaker than the other two ways: the
   * environment of a process can be read by its owner (and root) while it runs, and is passed on to
   * every child process.
   *
   * @throws CliException ({@link ExitCodes#INVALID_INPUT}) when the variable is not set; the
   *     message names it only when it looks like a variable name, since a phrase typed after {@code
   *     --phrase-env} by mistake would otherwise be printed back
   */
  public static char[] fromEnvironment(
      java.util.function.Function<String, String> env, String name) {
    if (isSystemVariable(name)) {
      throw CliException.invalid(
          "phrase",
          "--phrase-env "
              + name
              + " names a variable the system sets for every process, not a phrase: export the"
              + " phrase in a variable of its own (MINT_PHRASE, for example)");
    }
    String value = env.apply(name);
    if (value == null) {
      throw CliException.invalid(
          "phrase",
          "environment variable "
              + (VARIABLE_NAME.matcher(name).matches()
                  ? name + " "
                  : "named by --phrase-env (the "
                      + "name is not repeated: it does not look like one) ")
              + "is not set");
    }
    return SecretSeam.allocated(value.toCharArray());
  }

  /** Whether {@code name} is one of {@link #NOT_SECRETS} or starts with a prefix of theirs. */
  static boolean isSystemVariable(String name) {
    return NOT_SECRETS.contains(name) || name.startsWith("LC_") || name.startsWith("XDG_");
  }

  /**
   * Variables that the shell, the login or the desktop set for every process: values anyone on the
   * machine can guess or read, never a phrase. {@code --phrase-env HOME} is a mistake (the name of
   * the variable meant, mistyped or forgotten), which would otherwise give passwords of {@code
   * /root} silently. Every {@code LC_*} (locale) and {@code XDG_*} (desktop session) variable is
   * refused too, by its prefix ({@link #isSystemVariable}).
   */
  private static final java.util.Set<String> NOT_SECRETS =
      java.util.Set.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "SHELL",
          "PWD",
          "OLDPWD",
          "TERM",
          "LANG",
          "LANGUAGE",
          "DISPLAY",
          "WAYLAND_DISPLAY",
          "HOSTNAME",
          "MAIL",
          "TMPDIR",
          "EDITOR",
          "VISUAL",
          "PAGER",
          "SHLVL",
          "_",
          "JAVA_HOME",
          "MINT_SITES",
          "MINT_JAVA_OPTS",
          "SSH_AUTH_SOCK",
          "DBUS_SESSION_BUS_ADDRESS");

  /** Names shown back in an error: the conventional upper-case form, which phrases rarely take. */
  private static final java.util.regex.Pattern VARIABLE_NAME =
      java.util.regex.Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");
}
