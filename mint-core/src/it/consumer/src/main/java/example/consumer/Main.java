package example.consumer;

import dev.mint.Level;
import dev.mint.Mint;
import dev.mint.MintKey;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Revision;
import dev.mint.conformance.Stages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Prints the page's password for the site and settings in the arguments and the master phrase on
 * the first line of standard input (UTF-8, read into a char[], never a String), then the normalized
 * site. The password is minted twice, by {@code Mint.derive} and by a {@code MintKey} made before
 * the phrase is wiped and used after; exit status 3 when they differ. The normalized site comes
 * from {@code Revision.normalizeSite}, and again from {@code dev.mint.conformance}, which a modular
 * consumer can read too; exit status 3 when they differ.
 *
 * <p>Arguments: site version length upper lower digits symbols excludeAmbiguous level revision, for
 * example {@code github.com 1 16 true true true true true standard r3}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 10) {
      System.err.println(
          "usage: Main site version length upper lower digits symbols excludeAmbiguous level revision");
      System.exit(2);
    }
    MintRequest request =
        MintRequest.builder(args[0])
            .version(args[1])
            .length(Integer.parseInt(args[2]))
            .upper(Boolean.parseBoolean(args[3]))
            .lower(Boolean.parseBoolean(args[4]))
            .digits(Boolean.parseBoolean(args[5]))
            .symbols(Boolean.parseBoolean(args[6]))
            .excludeAmbiguous(Boolean.parseBoolean(args[7]))
            .level(Level.parse(args[8]))
            .revision(Revision.parse(args[9]))
            .build();
    char[] phrase = readLine(System.in);
    MintKey key;
    char[] minted;
    try (Password password = Mint.derive(request, phrase)) {
      minted = password.toCharArray();
      key = MintKey.of(phrase);
    } finally {
      Arrays.fill(phrase, '\0');
    }
    try (key;
        Password again = key.derive(request)) {
      char[] chars = again.toCharArray();
      boolean same = Arrays.equals(minted, chars);
      Arrays.fill(chars, '\0');
      if (!same) {
        System.err.println("MintKey.derive and Mint.derive differ");
        System.exit(3);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(minted);
    Arrays.fill(minted, '\0');
    String normalized = request.revision().normalizeSite(request.site());
    if (!normalized.equals(Stages.normalizeSite(request.site(), request.revision()))) {
      System.err.println("Revision.normalizeSite and Stages.normalizeSite differ");
      System.exit(3);
    }
    out.println(normalized);
  }

  /** The first line of {@code in}, without its line break, decoded as UTF-8. */
  private static char[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      bytes.write(b);
    }
    byte[] line = bytes.toByteArray();
    int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
    CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(line, 0, length));
    char[] phrase = Arrays.copyOf(chars.array(), chars.limit());
    Arrays.fill(chars.array(), '\0');
    Arrays.fill(line, (byte) 0);
    return phrase;
  }
}
