package dev.mint.cli.output;

import dev.mint.cli.io.CliException;
import dev.mint.cli.io.ExitCodes;
import dev.mint.cli.io.Wipe;
import dev.mint.internal.SecretSeam;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The system clipboard, through the platform's own tools as {@code pass} uses them: wl-copy and
 * wl-paste on Wayland, xclip or xsel on X11, pbcopy and pbpaste on macOS, clip.exe and PowerShell
 * on Windows and WSL. Content always goes to a tool on its standard input, never as an argument,
 * and the tools run with a short list of environment variables (never the phrase's).
 */
public final class Clipboard {
  /** The environment variables a clipboard tool (and the clearing helper) is given. */
  static final List<String> CHILD_ENV =
      List.of(
          "PATH",
          "HOME",
          "USER",
          "LOGNAME",
          "LANG",
          "LC_ALL",
          "LC_CTYPE",
          "DISPLAY",
          "XAUTHORITY",
          "WAYLAND_DISPLAY",
          "XDG_RUNTIME_DIR",
          "XDG_SESSION_TYPE",
          "DBUS_SESSION_BUS_ADDRESS",
          "WSL_DISTRO_NAME",
          "WSL_INTEROP",
          "SYSTEMROOT",
          "TMPDIR",
          "TEMP",
          "TMP");

  /** The tool families mint knows. */
  enum Kind {
    WAYLAND("wl-copy", "wl-paste"),
    XCLIP("xclip", "xclip"),
    XSEL("xsel", "xsel"),
    MACOS("pbcopy", "pbpaste"),
    WINDOWS("clip.exe", "powershell.exe");

    final String copyTool;
    final String pasteTool;

    Kind(String copyTool, String pasteTool) {
      this.copyTool = copyTool;
      this.pasteTool = pasteTool;
    }
  }

  private final Kind kind;
  private final Path copy;
  private final Path paste;
  private final Map<String, String> childEnv;

  private Clipboard(Kind kind, Path copy, Path paste, Map<String, String> childEnv) {
    this.kind = kind;
    this.copy = copy;
    this.paste = paste;
    this.childEnv = childEnv;
  }

  Kind kind() {
    return kind;
  }

  /** The environment given to tools and to the helper: {@link #CHILD_ENV} only. */
  Map<String, String> childEnv() {
    return childEnv;
  }

  /**
   * The clipboard of this session, found from the environment.
   *
   * @throws CliException ({@link ExitCodes#IO}) when there is no display or no tool
   */
  public static Clipboard detect(Function<String, String> env) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return of(Kind.MACOS, env);
    }
    if (os.startsWith("windows")) {
      return of(Kind.WINDOWS, env);
    }
    boolean wayland = isSet(env, "WAYLAND_DISPLAY");
    boolean x11 = isSet(env, "DISPLAY");
    if (wayland && find(env, "wl-copy") != null && find(env, "wl-paste") != null) {
      return of(Kind.WAYLAND, env);
    }
    if (x11 && find(env, "xclip") != null) {
      return of(Kind.XCLIP, env);
    }
    if (x11 && find(env, "xsel") != null) {
      return of(Kind.XSEL, env);
    }
    boolean wsl = isSet(env, "WSL_DISTRO_NAME") || isSet(env, "WSL_INTEROP");
    if (wsl && find(env, "clip.exe") != null && find(env, "powershell.exe") != null) {
      return of(Kind.WINDOWS, env);
    }
    if (wayland || x11) {
      throw CliException.io(
          "no clipboard tool found: install "
              + (wayland && !x11 ? "wl-clipboard (wl-copy)" : "xclip or xsel")
              + "; the password was not shown");
    }
    throw CliException.io(
        "no clipboard: neither WAYLAND_DISPLAY nor DISPLAY is set"
            + (wsl ? " and clip.exe is not on the PATH" : "")
            + "; the password was not shown");
  }

  /** The tools of {@code kind}; used by the helper, which knows the kind mint found. */
  static Clipboard of(Kind kind, Function<String, String> env) {
    Path copy = find(env, kind.copyTool);
    Path paste = find(env, kind.pasteTool);
    if (copy == null || paste == null) {
      throw CliException.io(
          ""
              + (copy == null ? kind.copyTool : kind.pasteTool)
              + " is not on the PATH; the password was not shown");
    }
    Map<String, String> childEnv = new java.util.HashMap<>();
    for (String name : CHILD_ENV) {
      String value = env.apply(name);
      if (value != null) {
        childEnv.put(name, value);
      }
    }
    return new Clipboard(kind, copy, paste, Map.copyOf(childEnv));
  }

  /**
   * Checks, before any phrase is read, that the tool can reach the display: {@code DISPLAY} set to
   * a display no X server answers on (a closed ssh forwarding, a stopped Xvfb) is refused here, not
   * after the phrase was typed and the password derived. The probe asks the tool for the
   * clipboard's list of types (xclip, wl-paste) or its content (xsel), sent nowhere; only the
   * tool's own error text is read, to tell a display that cannot be opened from an empty clipboard.
   * macOS and Windows have no display to miss: nothing is probed.
   *
   * @throws CliException ({@link ExitCodes#IO}) when the display cannot be opened
   */
  public void probe() {
    List<String> command = new ArrayList<>(List.of(paste.toString()));
    String display;
    switch (kind) {
      case XCLIP:
        command.addAll(List.of("-selection", "clipboard", "-o", "-t", "TARGETS"));
        display = "the X display " + childEnv.get("DISPLAY") + " cannot be opened (DISPLAY)";
        break;
      case XSEL:
        command.addAll(List.of("--clipboard", "--output"));
        display = "the X display " + childEnv.get("DISPLAY") + " cannot be opened (DISPLAY)";
        break;
      case WAYLAND:
        command.add("--list-types");
        display =
            "the Wayland display "
                + childEnv.get("WAYLAND_DISPLAY")
                + " cannot be reached (WAYLAND_DISPLAY)";
        break;
      default:
        return;
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.PIPE);
    builder.environment().clear();
    builder.environment().putAll(childEnv);
    String errors;
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      try (InputStream err = process.getErrorStream()) {
        errors = new String(err.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8);
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw CliException.io(paste.getFileName() + " did not answer; " + display);
      }
    } catch (IOException e) {
      throw CliException.io("cannot run " + paste.getFileName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.io("interrupted");
    }
    String lower = errors.toLowerCase(Locale.ROOT);
    if (lower.contains("open display")
        || lower.contains("connect to a wayland")
        || lower.contains("compositor")) {
      throw CliException.io(display + "; the password was not shown");
    }
  }

  /** Puts {@code content} on the clipboard. */
  void copy(byte[] content) {
    List<String> command = new ArrayList<>(List.of(copy.toString()));
    switch (kind) {
      case WAYLAND:
        break;
      case XCLIP:
        command.addAll(List.of("-selection", "clipboard", "-in"));
        break;
      case XSEL:
        command.addAll(List.of("--clipboard", "--input"));
        break;
      default:
        break;
    }
    run(command, content);
  }

  /** Empties the clipboard. */
  void clear() {
    switch (kind) {
      case WAYLAND:
        run(List.of(copy.toString(), "--clear"), new byte[0]);
        break;
      case XSEL:
        run(List.of(copy.toString(), "--clipboard", "--clear"), new byte[0]);
        break;
      default:
        copy(new byte[0]);
    }
  }

  /**
   * The clipboard's text in an array the caller wipes, or null when there is none or it cannot be
   * read (no text, more than {@link ToolStreams#MAX_READ} bytes, the tool failed).
   */
  byte[] read() {
    List<String> command = new ArrayList<>(List.of(paste.toString()));
    switch (kind) {
      case WAYLAND:
        command.add("--no-newline");
        break;
      case XCLIP:
        command.addAll(List.of("-selection", "clipboard", "-out"));
        break;
      case XSEL:
        command.addAll(List.of("--clipboard", "--output"));
        break;
      case WINDOWS:
        command.addAll(List.of("-NoProfile", "-NonInteractive", "-Command", "Get-Clipboard -Raw"));
        break;
      default:
        break;
    }
    Process process = start(command, ProcessBuilder.Redirect.PIPE);
    byte[] content = null;
    try {
      process.getOutputStream().close();
      content = ToolStreams.readAll(process.getInputStream());
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        Wipe.bytes(content);
        return null;
      }
      if (process.exitValue() != 0 || content == null) {
        Wipe.bytes(content);
        return null; // xclip: "target STRING not available" for an empty clipboard
      }
      if (kind == Kind.WINDOWS
          && content.length >= 2
          && content[content.length - 2] == '\r'
          && content[content.length - 1] == '\n') {
        byte[] trimmed = SecretSeam.allocated(Arrays.copyOf(content, content.length - 2));
        Wipe.bytes(content);
        return trimmed;
      }
      return content;
    } catch (IOException e) {
      Wipe.bytes(content);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Wipe.bytes(content);
      return null;
    }
  }

  /** Whether the clipboard holds exactly {@code content}. */
  boolean holds(byte[] content) {
    byte[] now = read();
    try {
      return now != null && java.security.MessageDigest.isEqual(now, content);
    } finally {
      Wipe.bytes(now);
    }
  }

  private void run(List<String> command, byte[] stdin) {
    Process process = start(command, ProcessBuilder.Redirect.DISCARD);
    ToolStreams.writeAndClose(process, stdin);
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw CliException.io("" + copy.getFileName() + " did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.io("interrupted");
    }
    if (process.exitValue() != 0) {
      throw CliException.io("" + copy.getFileName() + " failed (exit " + process.exitValue() + ")");
    }
  }

  private Process start(List<String> command, ProcessBuilder.Redirect output) {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(output)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    builder.environment().putAll(childEnv);
    try {
      return builder.start();
    } catch (IOException e) {
      throw CliException.io("cannot run " + Path.of(command.get(0)).getFileName());
    }
  }

  private static boolean isSet(Function<String, String> env, String name) {
    String value = env.apply(name);
    return value != null && !value.isBlank();
  }

  /** {@code name} in a directory of the PATH, as an absolute path; null when it is in none. */
  public static Path find(Function<String, String> env, String name) {
    String path = env.apply("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name).toAbsolutePath();
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }
}
