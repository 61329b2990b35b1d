package dev.mint.cli.sites.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON trees for the sites file over Jackson's streaming parser and generator, with Jackson's node
 * classes. Not an {@code ObjectMapper}: building one loads some 400 classes, which a one-shot
 * {@code mint SITE} would pay on every run (measured: about a quarter of its time); the streaming
 * layer and the node classes are a fraction of that. Numbers keep their exact value (integers as
 * integers, others as decimals), so unknown fields survive a rewrite.
 */
final class JsonTree {
  /** Duplicate keys refused; nesting, numbers and strings bounded. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxNumberLength(100)
                  .maxStringLength(1 << 20)
                  .build())
          .build();

  private static final JsonNodeFactory NODES = new JsonNodeFactory(true);

  /**
   * The most values (objects, arrays, strings, numbers...) one text may hold: a sites file of
   * {@link dev.mint.cli.sites.model.SiteBook#MAX_ENTRIES} entries has about 1.4 million. Without a
   * bound, 32 MiB of empty objects would be 11 million nodes, well over a gigabyte of heap.
   */
  static final int MAX_VALUES = 2_000_000;

  /** Thrown when a text holds more than {@link #MAX_VALUES} values. */
  static final class TooManyValues extends JsonParseException {
    private static final long serialVersionUID = 1L;

    TooManyValues(JsonParser parser) {
      super(parser, "more than " + MAX_VALUES + " values");
    }
  }

  private JsonTree() {}

  /** The value the parser is before (its next token starts it), or null at the end of input. */
  static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    return token == null ? null : value(parser, token, new int[1]);
  }

  private static JsonNode value(JsonParser parser, JsonToken token, int[] count)
      throws IOException {
    if (++count[0] > MAX_VALUES) {
      throw new TooManyValues(parser);
    }
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_OBJECT;
              t = parser.nextToken()) {
            String name = parser.currentName();
            object.set(name, value(parser, parser.nextToken(), count));
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            array.add(value(parser, t, count));
          }
          return array;
        }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        return NODES.numberNode(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IllegalStateException("unexpected token " + token); // a bug: a parser error
    }
  }

  /** Two-space indents, one array element a line, {@code "name": value}. */
  private static PrettyPrinter pretty() {
    DefaultIndenter indenter = DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n");
    return new DefaultPrettyPrinter()
        .withArrayIndenter(indenter)
        .withObjectIndenter(indenter)
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
  }

  /** {@code node} as pretty-printed JSON text (no final line break). */
  static String write(JsonNode node) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      generator.setPrettyPrinter(pretty());
      write(generator, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static void write(JsonGenerator out, JsonNode node) throws IOException {
    if (node.isObject()) {
      out.writeStartObject();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        out.writeFieldName(field.getKey());
        write(out, field.getValue());
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node) {
        write(out, element);
      }
      out.writeEndArray();
    } else if (node.isTextual()) {
      out.writeString(node.textValue());
    } else if (node.isIntegralNumber()) {
      out.writeNumber(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.writeNumber(node.decimalValue());
    } else if (node.isBoolean()) {
      out.writeBoolean(node.booleanValue());
    } else if (node.isNull()) {
      out.writeNull();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + node.getNodeType()); // a bug
    }
  }
}
