package dev.mint.cli.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options that keep a crash or a same-user tool from copying a secret out of a mint JVM
 * (docs/THREAT_MODEL.md, C27), written once in {@code dev/mint/cli/jvm-hardening.options}: both
 * launchers hand that file to java ({@code @FILE}), and a JVM mint starts itself (the clipboard
 * helper) gets the same options from this jar's copy.
 */
public final class HardenedJvm {
  /** Where the options are, in mint-cli.jar (and in the sources, under src/main/resources). */
  public static final String RESOURCE = "/dev/mint/cli/jvm-hardening.options";

  private HardenedJvm() {}

  /**
   * The options, in the file's order: java's argument-file syntax as the file uses it (words
   * separated by white space, {@code #} to the end of the line a comment).
   *
   * @throws UncheckedIOException when the jar holds no such file (a JVM is then not started)
   */
  public static List<String> options() {
    String text;
    try (InputStream in = HardenedJvm.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("no " + RESOURCE + " in mint's jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> options = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      int comment = line.indexOf('#');
      String words = (comment < 0 ? line : line.substring(0, comment)).strip();
      if (!words.isEmpty()) {
        options.addAll(List.of(words.split("\\s+")));
      }
    }
    return List.copyOf(options);
  }
}
