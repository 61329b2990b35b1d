package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mint.Mint;
import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.Revision;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** mint-rules' copy of the page's pools is what mint-core's encoder draws from. */
class PagePoolsTest {
  @Test
  void everyPoolIsWhatTheEncoderDraws() {
    Random random = new Random(1);
    byte[] derived = new byte[64];
    for (Revision revision : Revision.values()) {
      for (boolean x : new boolean[] {false, true}) {
        for (int cls = 0; cls < 4; cls++) {
          MintRequest request =
              MintRequest.builder("pools.example")
                  .revision(revision)
                  .length(64)
                  .excludeAmbiguous(x)
                  .upper(cls == PagePools.UPPER)
                  .lower(cls == PagePools.LOWER)
                  .digits(cls == PagePools.DIGITS)
                  .symbols(cls == PagePools.SYMBOLS)
                  .build();
          TreeSet<Character> seen = new TreeSet<>();
          for (int i = 0; i < 200; i++) {
            random.nextBytes(derived);
            try (Password password = Mint.encode(request, derived)) {
              for (char c : password.toCharArray()) {
                seen.add(c);
              }
            }
          }
          TreeSet<Character> pool = new TreeSet<>();
          for (char c : PagePools.pool(cls, x, revision).toCharArray()) {
            pool.add(c);
          }
          assertEquals(pool, seen, revision + " class " + cls + " exclude-ambiguous " + x);
        }
      }
    }
  }
}
