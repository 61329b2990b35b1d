package dev.mint.vectors;

/** A vector file that cannot be read as rows; the message names the file and the line. */
public final class VectorFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  VectorFormatException(String where, String what) {
    super(where + ": " + what);
  }
}
