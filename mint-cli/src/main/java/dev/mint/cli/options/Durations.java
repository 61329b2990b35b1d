package dev.mint.cli.options;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations on the command line: a whole number and a unit, {@code 30s}, {@code 5m}, {@code 1h}.
 */
public final class Durations implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,6})(s|m|h)");
  static final Duration MAX = Duration.ofDays(1);

  @Override
  public Duration convert(String value) {
    Matcher m = FORM.matcher(value.strip());
    if (!m.matches()) {
      throw new TypeConversionException("must be a number and a unit: 30s, 5m or 1h");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    if (d.isZero() || d.compareTo(MAX) > 0) {
      throw new TypeConversionException("must be more than 0 and at most 24h");
    }
    return d;
  }

  /** {@code 5m}, {@code 90s}: the largest unit that divides it. */
  public static String format(Duration d) {
    long s = d.getSeconds();
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }
}
