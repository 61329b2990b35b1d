package dev.mint.bench;

import dev.mint.Pbkdf2Engine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/** The engines compared, by the names the benchmarks and the compare script use. */
final class Engines {
  /** Every engine, fastest expected first. */
  static final List<String> NAMES = List.of("fast", "fast-sequential", "jdk", "bouncycastle");

  /** A hardened phrase and salt as mint hands them to PBKDF2 (ASCII, so the JDK engine can run). */
  static final byte[] PASSWORD = "MY IPHONE purchase*2!".getBytes(StandardCharsets.US_ASCII);

  static final byte[] SALT = "password-mint::v1::github::1".getBytes(StandardCharsets.US_ASCII);

  private Engines() {}

  static Pbkdf2Engine byName(String name) {
    switch (name) {
      case "fast":
        return Pbkdf2Engine.fast();
      case "fast-sequential":
        return Pbkdf2Engine.fastSequential();
      case "bouncycastle":
        return BOUNCY_CASTLE;
      case "jdk":
        return JDK;
      default:
        throw new IllegalArgumentException("unknown engine " + name + "; known: " + NAMES);
    }
  }

  /**
   * The JDK's {@code PBKDF2WithHmacSHA256} (SunJCE). It takes the password as char[] and encodes it
   * as UTF-8, so it is exact only for ASCII passwords: enough to time it, not an engine for mint.
   */
  static final Pbkdf2Engine JDK =
      new Pbkdf2Engine() {
        @Override
        public void derive(byte[] password, byte[] salt, int iterations, byte[] out) {
          char[] chars = new char[password.length];
          for (int i = 0; i < password.length; i++) {
            if (password[i] < 0) {
              throw new IllegalArgumentException("the JDK engine here takes ASCII passwords only");
            }
            chars[i] = (char) password[i];
          }
          PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, out.length * 8);
          try {
            byte[] key =
                SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
            System.arraycopy(key, 0, out, 0, out.length);
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
          } finally {
            spec.clearPassword();
            java.util.Arrays.fill(chars, '\0');
          }
        }

        @Override
        public String name() {
          return "jdk";
        }
      };

  /**
   * BouncyCastle's {@code PKCS5S2ParametersGenerator} with SHA-256, the reference mint's tests
   * check the fast engines against (mint-core itself has no dependency on it). Like the tests'
   * reference, it copies the key and wipes its copies.
   */
  static final Pbkdf2Engine BOUNCY_CASTLE =
      new Pbkdf2Engine() {
        @Override
        public void derive(byte[] password, byte[] salt, int iterations, byte[] out) {
          PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
          byte[] key = password.clone();
          byte[] derived = null;
          try {
            generator.init(key, salt, iterations);
            derived = ((KeyParameter) generator.generateDerivedParameters(out.length * 8)).getKey();
            System.arraycopy(derived, 0, out, 0, out.length);
          } finally {
            java.util.Arrays.fill(key, (byte) 0);
            if (derived != null) {
              java.util.Arrays.fill(derived, (byte) 0);
            }
          }
        }

        @Override
        public String name() {
          return "bouncycastle";
        }
      };
}
