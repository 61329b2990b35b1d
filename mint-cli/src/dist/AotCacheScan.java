import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build-time check of an AOT cache (run as a single-file program by build-runtime.sh and ./mint):
 * {@code java AotCacheScan.java CACHE TEXT...} exits 1 when any TEXT appears in CACHE as Latin-1,
 * UTF-8, UTF-16LE or UTF-16BE bytes (how a JVM holds a String's or a char[]'s contents), else 0.
 * The texts are a training run's phrase and password: an AOT cache can hold heap objects of its
 * training run, and must hold none of these.
 */
public final class AotCacheScan {
  public static void main(String[] args) throws Exception {
    byte[] cache = Files.readAllBytes(Path.of(args[0]));
    List<Charset> charsets = List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8,
        StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);
    int found = 0;
    for (int i = 1; i < args.length; i++) {
      for (Charset charset : charsets) {
        if (indexOf(cache, args[i].getBytes(charset)) >= 0) {
          System.err.println("AotCacheScan: text " + i + " found in " + args[0] + " as " + charset);
          found++;
        }
      }
    }
    System.exit(found == 0 ? 0 : 1);
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
