package dev.mint.cli.options;

import dev.mint.Password;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.output.Clipboard;
import dev.mint.cli.output.ClipboardClearer;
import dev.mint.cli.output.QrDrawing;
import dev.mint.internal.SecretSeam;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How a minted password leaves mint (a picocli mixin): one line on standard output, or the system
 * clipboard with {@code --clip}, cleared after a delay, or a QR code with {@code --qr}.
 *
 * <p>The password is encoded into a byte array of our own, written to the raw standard output (or a
 * clipboard tool's standard input) and wiped; it never passes through a {@code Writer}, whose
 * encoder would keep a copy in a buffer nobody wipes.
 */
public final class OutputMixin {
  /** Seconds the password stays on the clipboard unless told otherwise. */
  static final int DEFAULT_CLIP_SECONDS = 45;

  static final int MAX_CLIP_SECONDS = 3600;

  /** picocli's value for a bare {@code --clip}: the default (or MINT_CLIP_SECONDS) applies. */
  private static final String CLIP_DEFAULT = "default";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--clip",
      arity = "0..1",
      paramLabel = "SECONDS",
      parameterConsumer = ClipSeconds.class,
      description =
          "Copy the password to the clipboard instead of printing it, and clear the "
              + "clipboard (or put back what it held) after SECONDS, 1 to "
              + MAX_CLIP_SECONDS
              + " (default "
              + DEFAULT_CLIP_SECONDS
              + ", or MINT_CLIP_SECONDS), unless it no longer "
              + "holds the password. Uses wl-copy, xclip or xsel, pbcopy, or clip.exe.")
  String clip;

  @Option(
      names = "--qr",
      description =
          "Draw the password as a QR code on the terminal instead of printing it (for "
              + "typing it on a phone). Standard output must be a terminal.")
  boolean qr;

  private int clipSeconds;

  private boolean quiet;

  /**
   * Takes the argument after {@code --clip} only when it is a number, so that {@code mint --clip
   * github.com} means the site, not a delay of "github.com".
   */
  static final class ClipSeconds implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      if (!args.isEmpty() && args.peek().matches("[0-9]+")) {
        argSpec.setValue(args.pop());
      } else {
        argSpec.setValue(CLIP_DEFAULT);
      }
    }
  }

  private Clipboard clipboard;

  /**
   * Checks the output can be used, before any phrase is read: a missing clipboard is an error
   * before the user types anything, and no password is ever made that cannot be shown.
   *
   * @throws ParameterException for a bad delay
   * @throws CliException ({@link ExitCodes#IO}) when there is no clipboard
   */
  public void prepare(Io io) {
    prepare(io, false);
  }

  /**
   * {@link #prepare(Io)}, and with {@code quiet} the clipboard's "copied" line is not written.
   *
   * @throws ParameterException for a bad delay
   * @throws CliException ({@link ExitCodes#IO}) when there is no clipboard or its display cannot be
   *     opened
   */
  public void prepare(Io io, boolean quiet) {
    this.quiet = quiet;
    if (qr && clip != null) {
      throw new ParameterException(mixee.commandLine(), "--qr and --clip exclude each other");
    }
    if (qr && !io.stdoutIsTerminal()) {
      throw new ParameterException(
          mixee.commandLine(), "--qr draws on a terminal only, and standard output is not one");
    }
    if (clip == null) {
      return;
    }
    String text = clip;
    String source = "--clip";
    if (CLIP_DEFAULT.equals(clip)) {
      String env = io.env().apply("MINT_CLIP_SECONDS");
      text = env == null || env.isBlank() ? Integer.toString(DEFAULT_CLIP_SECONDS) : env.strip();
      source = "MINT_CLIP_SECONDS";
    }
    if (!text.matches("[0-9]{1,4}")
        || Integer.parseInt(text) < 1
        || Integer.parseInt(text) > MAX_CLIP_SECONDS) {
      throw new ParameterException(
          mixee.commandLine(),
          source + " must be a number of seconds from 1 to " + MAX_CLIP_SECONDS);
    }
    clipSeconds = Integer.parseInt(text);
    clipboard = Clipboard.detect(io.env());
    clipboard.probe();
  }

  /** Sends {@code password} where the options say; {@link #prepare} ran first. */
  public void emit(Io io, Password password) {
    char[] chars = SecretSeam.allocated(password.toCharArray());
    try {
      emit(io, chars);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /**
   * {@link #emit(Io, Password)} for a password held as characters (a session mints from the
   * hardened phrase, not through {@code Mint.derive}); the caller wipes {@code chars}. Every way a
   * password leaves mint goes through here; {@link #prepare} ran first.
   */
  public void emit(Io io, char[] chars) {
    if (clip != null) {
      copyToClipboard(io, chars);
    } else if (qr) {
      drawQrCode(io, chars);
    } else {
      writeLine(io, chars);
    }
  }

  /**
   * Whether the password goes somewhere other than standard output ({@code --clip}, {@code --qr}).
   */
  boolean elsewhere() {
    return clip != null || qr;
  }

  private void copyToClipboard(Io io, char[] chars) {
    byte[] bytes = null;
    try {
      bytes = utf8(chars);
      ClipboardClearer.copyAndScheduleClear(clipboard, bytes, clipSeconds, io.env());
    } finally {
      Clipboard.wipe(bytes);
    }
    if (!quiet) {
      io.err().println("copied to the clipboard; clears in " + clipSeconds + " s");
      io.err().flush();
    }
  }

  private static void drawQrCode(Io io, char[] chars) {
    byte[] bytes = null;
    byte[] drawing = null;
    try {
      bytes = utf8(chars);
      drawing = QrDrawing.draw(bytes);
      writeRaw(io, drawing, "cannot write the QR code to standard output");
    } finally {
      Clipboard.wipe(bytes);
      Clipboard.wipe(drawing);
    }
  }

  /** {@code chars} and a line break, UTF-8, straight to the raw standard output. */
  public static void writeLine(Io io, char[] chars) {
    io.out().flush(); // text written before stays before
    byte[] bytes = utf8(chars, '\n');
    try {
      writeRaw(io, bytes, "cannot write the password to standard output");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** {@code bytes} straight to the raw standard output, after any text written before. */
  private static void writeRaw(Io io, byte[] bytes, String failure) {
    io.out().flush();
    try {
      OutputStream out = io.stdout();
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw CliException.io(failure);
    }
  }

  /**
   * {@code chars} followed by {@code end}, in UTF-8, in an exactly sized array the caller wipes.
   * Every intermediate buffer is wiped.
   */
  static byte[] utf8(char[] chars) {
    byte[] withEnd = utf8(chars, '\n');
    try {
      return SecretSeam.allocated(Arrays.copyOf(withEnd, withEnd.length - 1));
    } finally {
      Arrays.fill(withEnd, (byte) 0);
    }
  }

  static byte[] utf8(char[] chars, char end) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] buffer = SecretSeam.allocated(new byte[chars.length * 3 + 3]);
    try {
      ByteBuffer out = ByteBuffer.wrap(buffer);
      if (encoder.encode(CharBuffer.wrap(chars), out, false).isError()
          || encoder.encode(CharBuffer.wrap(new char[] {end}), out, true).isError()
          || encoder.flush(out).isError()) {
        throw new IllegalStateException("a password holds a lone surrogate"); // a bug
      }
      return SecretSeam.allocated(Arrays.copyOf(buffer, out.position()));
    } finally {
      Arrays.fill(buffer, (byte) 0);
    }
  }
}
