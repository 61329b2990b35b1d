package dev.mint.cli.options;

import dev.mint.InvalidInputException;
import dev.mint.Level;
import dev.mint.Revision;
import dev.mint.cli.io.CliException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  /**
   * {@code r1, r2 or r3}: the revisions' names, from {@link Revision}, then {@code more} (as {@code
   * all}), the last after "or".
   */
  public static String revisionChoices(String... more) {
    List<String> names = new ArrayList<>();
    new Revisions().forEach(names::add);
    names.addAll(List.of(more));
    int last = names.size() - 1;
    return String.join(", ", names.subList(0, last)) + " or " + names.get(last);
  }

  /** A revision's name ({@link #revisionChoices}). */
  public static final class RevisionConverter implements ITypeConverter<Revision> {
    @Override
    public Revision convert(String value) {
      try {
        return Revision.parse(value);
      } catch (InvalidInputException e) {
        throw new TypeConversionException("must be " + revisionChoices());
      }
    }
  }

  /** {@code standard} or {@code high}. */
  public static final class LevelConverter implements ITypeConverter<Level> {
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
  public static final class Levels implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.stream(Level.values()).map(Level::id).iterator();
    }
  }
}
