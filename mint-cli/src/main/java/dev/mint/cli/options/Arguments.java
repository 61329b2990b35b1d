package dev.mint.cli.options;

import dev.mint.InvalidInputException;
import dev.mint.Level;
import dev.mint.Revision;
import dev.mint.cli.io.CliException;
import java.util.Arrays;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Conversions and checks for command-line values. */
public final class Arguments {
  private Arguments() {}

  /**
   * Refuses text with U+FFFD. That is what the JVM puts in place of argument bytes it cannot decode
   * in the locale's charset (any non-ASCII byte under the C locale, a Latin-1 byte under a UTF-8
   * one), and a site or version taken in that form would silently give another password.
   */
  public static String checkDecoded(String field, String value) {
    if (value != null && value.indexOf('\uFFFD') >= 0) {
      throw CliException.invalid(
          field,
          "holds U+FFFD, the mark of bytes that are not valid text in the locale's charset ("
              + System.getProperty("sun.jnu.encoding", "unknown")
              + "); run mint under a UTF-8 locale (for example LC_ALL=C.UTF-8)");
    }
    return value;
  }

  /** {@code r1}, {@code r2} or {@code r3}. */
  public static final class RevisionConverter implements ITypeConverter<Revision> {
    @Override
    public Revision convert(String value) {
      try {
        return Revision.parse(value);
      } catch (InvalidInputException e) {
        throw new TypeConversionException("must be r1, r2 or r3");
      }
    }
  }

  /** {@code standard} or {@code high}. */
  static final class LevelConverter implements ITypeConverter<Level> {
    @Override
    public Level convert(String value) {
      try {
        return Level.parse(value);
      } catch (InvalidInputException e) {
        throw new TypeConversionException("must be standard or high");
      }
    }
  }

  /**
   * Completion candidates, also listed in the help: the revisions' names, from {@link Revision}.
   */
  public static final class Revisions implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(Revision.values()).map(Revision::id).iterator();
    }
  }

  /** The levels' names, from {@link Level}. */
  static final class Levels implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(Level.values()).map(Level::id).iterator();
    }
  }
}
