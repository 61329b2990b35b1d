package dev.mint.cli.sites.model;

/**
 * A value of the sites file this mint does not interpret (a field a newer mint stored, the recorded
 * phrase check), kept as it was read so that a rewrite gives it back unchanged. Only the format
 * reads and writes what it holds; the model and the policy see at most the text of a string.
 */
public interface KeptValue {
  /** The text when the value is a string, else null. */
  String text();

  /** A string value made here (the phrase check {@code mint check --remember} records). */
  static KeptValue ofText(String text) {
    return new Text(text);
  }

  /** A string made by mint rather than read. */
  record Text(String text) implements KeptValue {
    public Text {
      java.util.Objects.requireNonNull(text);
    }
  }
}
