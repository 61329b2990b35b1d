package dev.mint.cli.options;

import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Io;
import dev.mint.cli.output.ClipboardSink;
import dev.mint.cli.output.PasswordSink;
import dev.mint.cli.output.QrSink;
import dev.mint.cli.output.StdoutSink;
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

  /**
   * Where the password goes, checked before any phrase is read: a missing clipboard is an error
   * before the user types anything, and no password is ever made that cannot be shown.
   *
   * @throws ParameterException for a bad delay, or {@code --qr} without a terminal
   * @throws CliException ({@link ExitCodes#IO}) when there is no clipboard
   */
  public PasswordSink sink(Io io) {
    return sink(io, false);
  }

  /**
   * {@link #sink(Io)}; with {@code quiet}, the clipboard's "copied" line is not written.
   *
   * @throws ParameterException for a bad delay, or {@code --qr} without a terminal
   * @throws CliException ({@link ExitCodes#IO}) when there is no clipboard, or its display cannot
   *     be opened
   */
  public PasswordSink sink(Io io, boolean quiet) {
    if (qr && clip != null) {
      throw new ParameterException(mixee.commandLine(), "--qr and --clip exclude each other");
    }
    if (qr && !io.stdoutIsTerminal()) {
      throw new ParameterException(
          mixee.commandLine(), "--qr draws on a terminal only, and standard output is not one");
    }
    if (qr) {
      return new QrSink(io, io.stdoutColumns());
    }
    if (clip == null) {
      return new StdoutSink(io);
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
    return new ClipboardSink(io, Integer.parseInt(text), quiet);
  }
}
