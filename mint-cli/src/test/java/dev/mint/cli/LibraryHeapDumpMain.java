package dev.mint.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.PhraseCheck;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * A careful caller of mint-core's public API, nothing of the CLI: reads an ASCII phrase from
 * standard input into arrays of its own (unbuffered), mints a password for {@code args[1]} and
 * computes the phrase check, uses and wipes what it was given, then dumps the whole heap, garbage
 * included, to {@code args[0]}. Run in a child JVM by {@link LibraryNoCopyLeftBehindIT}. (It lives
 * in mint-cli's tests because mint-core's tests run inside the module {@code dev.mint}, which does
 * not read {@code jdk.management}.)
 */
public final class LibraryHeapDumpMain {
  private LibraryHeapDumpMain() {}

  public static void main(String[] args) throws Exception {
    byte[] line = new byte[4096];
    int n = 0;
    try (FileInputStream in = new FileInputStream(FileDescriptor.in)) {
      for (int b; (b = in.read()) != -1 && b != '\n'; ) {
        line[n++] = (byte) b;
      }
    }
    char[] phrase = new char[n];
    for (int i = 0; i < n; i++) {
      phrase[i] = (char) (line[i] & 0x7f);
    }
    Arrays.fill(line, (byte) 0);
    int length;
    try (Password password = Mint.derive(MintRequest.builder(args[1]).build(), phrase)) {
      char[] chars = password.toCharArray();
      length = chars.length; // used
      Arrays.fill(chars, '\0');
    }
    int check = PhraseCheck.of(phrase).value();
    Arrays.fill(phrase, '\0');
    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(args[0], false);
    System.out.println(length + " " + check);
  }
}
