package dev.mint.cli.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system's {@code stty}, the one way Java has to change a terminal's echo (it has no termios):
 * run on a given terminal with an empty environment, so nothing of mint's (a {@code --phrase-env}
 * variable) passes to it.
 */
final class Stty {
  private static final List<Path> PLACES = List.of(Path.of("/bin/stty"), Path.of("/usr/bin/stty"));

  private Stty() {}

  /**
   * Runs {@code stty ARGS} with {@code terminal} as its standard input; returns what it printed.
   *
   * @throws IOException when there is no {@code stty}, or it fails or cannot be waited for
   */
  static String run(ProcessBuilder.Redirect terminal, String... args) throws IOException {
    Path stty =
        PLACES.stream()
            .filter(Files::isExecutable)
            .findFirst()
            .orElseThrow(() -> new IOException("no stty to turn the terminal's echo off"));
    List<String> command = new ArrayList<>();
    command.add(stty.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(terminal)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().clear();
    Process process = builder.start();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (InputStream stdout = process.getInputStream()) {
      stdout.transferTo(printed);
    }
    try {
      if (process.waitFor() != 0) {
        throw new IOException("stty " + String.join(" ", args) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
