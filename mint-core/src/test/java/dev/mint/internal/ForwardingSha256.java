package dev.mint.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Test support: the JDK's SHA-256 behind a {@link MessageDigest} of a test's own, so that the test
 * can watch or refuse what an engine does with its digest objects. Every operation goes to {@link
 * #real}; a subclass overrides what it watches and calls {@code super}. Not {@link Cloneable}: a
 * subclass that lets the engine clone it implements it and overrides {@link #clone()}.
 */
abstract class ForwardingSha256 extends MessageDigest {
  /** The JDK's SHA-256 that does the work. */
  protected final MessageDigest real;

  ForwardingSha256() {
    this(jdkSha256());
  }

  ForwardingSha256(MessageDigest real) {
    super("SHA-256");
    this.real = real;
  }

  static MessageDigest jdkSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  protected void engineUpdate(byte input) {
    real.update(input);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    real.update(input, offset, len);
  }

  @Override
  protected byte[] engineDigest() {
    return real.digest();
  }

  @Override
  protected void engineReset() {
    real.reset();
  }
}
