package dev.mint.bench;

/** The SHA-256 compression function (FIPS 180-4 section 6.2.2) in plain Java, for comparison. */
final class JavaSha256 {
  static final int[] IV = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  };

  private static final int[] K = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  };

  private JavaSha256() {}

  /** {@code out = compress(state, block)} for a 64-byte block. */
  static void compressBlock(int[] state, byte[] block, int[] out, int[] w) {
    for (int i = 0; i < 16; i++) {
      w[i] =
          (block[4 * i] << 24)
              | (block[4 * i + 1] & 0xff) << 16
              | (block[4 * i + 2] & 0xff) << 8
              | (block[4 * i + 3] & 0xff);
    }
    rounds(state, w, out);
  }

  /**
   * {@code out = compress(state, digest || padding)}: the last block of an HMAC hash whose message
   * after the pad block is one 32-byte digest (96 bytes in all, 768 bits).
   */
  static void compressDigest(int[] state, int[] digest, int[] out, int[] w) {
    System.arraycopy(digest, 0, w, 0, 8);
    w[8] = 0x80000000;
    for (int i = 9; i < 15; i++) {
      w[i] = 0;
    }
    w[15] = 768;
    rounds(state, w, out);
  }

  private static void rounds(int[] state, int[] w, int[] out) {
    for (int t = 16; t < 64; t++) {
      int x = w[t - 2];
      int y = w[t - 15];
      int s1 = Integer.rotateRight(x, 17) ^ Integer.rotateRight(x, 19) ^ (x >>> 10);
      int s0 = Integer.rotateRight(y, 7) ^ Integer.rotateRight(y, 18) ^ (y >>> 3);
      w[t] = s1 + w[t - 7] + s0 + w[t - 16];
    }
    int a = state[0];
    int b = state[1];
    int c = state[2];
    int d = state[3];
    int e = state[4];
    int f = state[5];
    int g = state[6];
    int h = state[7];
    for (int t = 0; t < 64; t++) {
      int t1 =
          h
              + (Integer.rotateRight(e, 6)
                  ^ Integer.rotateRight(e, 11)
                  ^ Integer.rotateRight(e, 25))
              + ((e & f) ^ (~e & g))
              + K[t]
              + w[t];
      int t2 =
          (Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22))
              + ((a & b) ^ (a & c) ^ (b & c));
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    out[0] = state[0] + a;
    out[1] = state[1] + b;
    out[2] = state[2] + c;
    out[3] = state[3] + d;
    out[4] = state[4] + e;
    out[5] = state[5] + f;
    out[6] = state[6] + g;
    out[7] = state[7] + h;
  }
}
