package dev.mint.cli.sites.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mint.cli.sites.model.KeptValue;

/**
 * A value read from a sites file that this mint does not interpret, held as the JSON tree read
 * (numbers with their exact value), so that it is written back as it was. Never changed once read.
 */
record KeptJson(JsonNode node) implements KeptValue {
  @Override
  public String text() {
    return node.isTextual() ? node.textValue() : null;
  }

  /** The JSON to write for {@code value}: the tree read, or the string made by mint. */
  static JsonNode of(KeptValue value) {
    if (value instanceof KeptJson kept) {
      return kept.node();
    }
    String text = value.text();
    return text == null
        ? JsonNodeFactory.instance.nullNode()
        : JsonNodeFactory.instance.textNode(text);
  }
}
