package dev.mint.internal;

import dev.mint.Pbkdf2Engine;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The reference engine of mint's tests: BouncyCastle's PBKDF2 generator on raw bytes. It lives in
 * the tests, not in mint-core, so that the library has no runtime dependency; the fast engines are
 * checked against it (FastPbkdf2Test, DigestWipingTest, WycheproofPbkdf2Test) and it wipes what it
 * allocates like mint's own engines (SecretWipingTest).
 */
public final class BouncyCastlePbkdf2 implements Pbkdf2Engine {
  public static final BouncyCastlePbkdf2 INSTANCE = new BouncyCastlePbkdf2();

  private BouncyCastlePbkdf2() {}

  @Override
  public void derive(byte[] password, byte[] salt, int iterations, byte[] out) {
    Pbkdf2Arguments.check(password, salt, iterations, out);
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
    byte[] key =
        Secrets.allocated(password.clone()); // the generator keeps a reference; we wipe our copy
    byte[] derived = null;
    try {
      generator.init(key, salt, iterations);
      // getKey() is the parameter's own array, not a copy: wiping it wipes BouncyCastle's
      derived =
          Secrets.allocated(
              ((KeyParameter) generator.generateDerivedParameters(out.length * 8)).getKey());
      System.arraycopy(derived, 0, out, 0, out.length);
    } finally {
      Secrets.wipe(key, derived);
    }
  }

  @Override
  public String name() {
    return "bouncycastle";
  }

  @Override
  public String toString() {
    return "Pbkdf2Engine[" + name() + "]";
  }
}
