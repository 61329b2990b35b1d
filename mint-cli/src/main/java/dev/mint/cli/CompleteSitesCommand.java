package dev.mint.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

/**
 * {@code mint __complete-sites}: the site names stored in the sites file, one a line, for the
 * shell completion (the generated bash and zsh scripts call it when completing SITE). Hidden from
 * the help and the man page. Prints nothing, and succeeds, when there is no sites file or it
 * cannot be read or parsed: a completion must never print an error into the user's command line.
 *
 * <p>Only names made of characters that are safe inside a completion word list are printed: bash's
 * {@code compgen -W} expands what it is given, so a stored name such as {@code $(cmd)} must never
 * reach it.
 *
 * <p>TODO(lead): when the sites store (the {@code mint site ...} commands) is merged, read the
 * names through that store class instead of parsing the file here; the path rule below is meant
 * to be the same ({@code $MINT_SITES}, else {@code $XDG_CONFIG_HOME/mint/sites.json}, else
 * {@code ~/.config/mint/sites.json}; a top-level array {@code "sites"} of objects with a
 * {@code "site"} field).
 */
@Command(
    name = CompleteSitesCommand.NAME,
    hidden = true,
    description = "Print the stored site names, one a line (for shell completion).")
final class CompleteSitesCommand implements Callable<Integer> {
  static final String NAME = "__complete-sites";

  /** More than any sites file; a bigger file is not read. */
  private static final long MAX_BYTES = 4L << 20;

  /** Letters, digits and the punctuation of host names and URLs; nothing a shell expands. */
  private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}._:/@%+=,-]{1,253}");

  private final Io io;

  CompleteSitesCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    for (String name : siteNames(io.env())) {
      io.out().println(name);
    }
    return ExitCodes.OK;
  }

  /** The sites file's path by the rule above, or null when no home directory is known. */
  static Path sitesFile(Function<String, String> env) {
    String explicit = env.apply("MINT_SITES");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    String config = env.apply("XDG_CONFIG_HOME");
    if (config != null && !config.isEmpty()) {
      return Path.of(config, "mint", "sites.json");
    }
    String home = env.apply("HOME");
    if (home == null || home.isEmpty()) {
      home = System.getProperty("user.home");
    }
    return home == null || home.isEmpty() ? null : Path.of(home, ".config", "mint", "sites.json");
  }

  /** The safe site names of the sites file, in file order without repeats; empty on any error. */
  static Set<String> siteNames(Function<String, String> env) {
    Set<String> names = new LinkedHashSet<>();
    try {
      Path file = sitesFile(env);
      if (file == null || !Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
        return names;
      }
      JsonNode root;
      try (InputStream in = Files.newInputStream(file)) {
        root = new ObjectMapper().readTree(in);
      }
      JsonNode sites = root == null ? null : root.get("sites");
      if (sites == null || !sites.isArray()) {
        return names;
      }
      for (JsonNode entry : sites) {
        JsonNode site = entry.get("site");
        if (site != null && site.isTextual() && SAFE_NAME.matcher(site.asText()).matches()) {
          names.add(site.asText());
        }
      }
      return names;
    } catch (IOException | RuntimeException e) {
      // a completion prints nothing rather than an error
      return new LinkedHashSet<>();
    }
  }
}
