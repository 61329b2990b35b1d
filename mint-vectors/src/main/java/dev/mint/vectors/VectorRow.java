package dev.mint.vectors;

/**
 * One row of a test-vector file: the page's inputs and what the page did with them. See {@code
 * test-vectors/upstream/README.md} for the fields.
 *
 * @param file the file name the row came from
 * @param line the 1-based line number in that file
 * @param error the page's error message when the page refused the input, else null
 * @param iterations null when the page refused the input
 */
public record VectorRow(
    String file,
    int line,
    long id,
    String revision,
    String kind,
    Input input,
    String error,
    String normalizedSite,
    String hardenedPhraseHex,
    String salt,
    Integer iterations,
    String derivedHex,
    String password) {

  /** A row whose derived bytes come from real PBKDF2 rather than being supplied. */
  public boolean isEndToEnd() {
    return "e2e".equals(kind);
  }

  /** The row's name in reports: file and id. Never shows the phrase. */
  public String name() {
    return file + " #" + id;
  }

  @Override
  public String toString() {
    return "VectorRow[" + name() + "]";
  }

  /** The text fields and controls of the page, as typed. */
  public record Input(
      String site,
      String phrase,
      String version,
      int length,
      boolean upper,
      boolean lower,
      boolean digits,
      boolean symbols,
      boolean excludeAmbiguous,
      String level) {

    /** Never shows the phrase. */
    @Override
    public String toString() {
      return "Input[site="
          + site
          + ", phrase=("
          + phrase.length()
          + " code units), version="
          + version
          + ", length="
          + length
          + ", level="
          + level
          + "]";
    }
  }
}
