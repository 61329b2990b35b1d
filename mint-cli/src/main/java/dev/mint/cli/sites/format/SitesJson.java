package dev.mint.cli.sites.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.io.Text;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.KeptValue;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.model.SiteEntry.BadValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sites file as JSON text: its format marker, the other top-level fields kept as read (so that
 * what a newer mint stores survives a rewrite by an older one; the recorded phrase check is one
 * such field), and its entries ({@link SiteEntryJson}). Read as a JSON tree, never bound to types
 * named by the file; anything wrong is one line that names the file, the line and the column.
 *
 * <pre>{@code
 * {
 *   "format": "mint-sites/1",
 *   "sites": [
 *     { "site": "github.com", "revision": "r3", "version": "3", "length": 20, "upper": true,
 *       "lower": true, "digits": true, "symbols": false, "excludeAmbiguous": true,
 *       "level": "standard", "created": "2026-11-23", "updated": "2026-11-23" }
 *   ]
 * }
 * }</pre>
 */
public final class SitesJson {
  /** The format this mint reads and writes. */
  static final String FORMAT = "mint-sites/1";

  static final String FORMAT_FIELD = "format";
  static final String SITES_FIELD = "sites";

  private SitesJson() {}

  /** The whole file, UTF-8, two-space indents, a final line break. */
  public static byte[] toBytes(SiteBook book) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put(FORMAT_FIELD, FORMAT);
    for (Map.Entry<String, KeptValue> field : book.topLevel().entrySet()) {
      root.set(field.getKey(), KeptJson.of(field.getValue()));
    }
    if (book.rotation() != null) {
      root.set(Rotation.FIELD, RotationJson.toJson(book.rotation()));
    }
    ArrayNode sites = root.putArray(SITES_FIELD);
    for (SiteEntry entry : book.entries()) {
      sites.add(SiteEntryJson.toJson(entry));
    }
    return (writeJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The entries alone as a JSON array ({@code mint site list --json}). */
  public static String entriesJson(List<SiteEntry> entries) {
    ArrayNode sites = JsonNodeFactory.instance.arrayNode();
    entries.forEach(e -> sites.add(SiteEntryJson.toJson(e)));
    return writeJson(sites);
  }

  private static String writeJson(JsonNode node) {
    return JsonTree.write(node);
  }

  /**
   * Parses a sites file. Anything wrong is a {@link SitesException} with the I/O exit status that
   * names {@code fileName}, the line and column, and for a bad value the entry and the field.
   */
  public static SiteBook parse(byte[] bytes, String fileName) {
    JsonNode root;
    try (JsonParser parser = JsonTree.FACTORY.createParser(bytes)) {
      root = JsonTree.read(parser);
      if (root != null && parser.nextToken() != null) {
        throw at(fileName, parser.currentTokenLocation(), "not valid JSON: more after the end");
      }
    } catch (JsonTree.TooManyValues e) {
      throw at(
          fileName,
          e.getLocation(),
          "holds more than "
              + JsonTree.MAX_VALUES
              + " values, not a sites file mint wrote (at most "
              + SiteBook.MAX_ENTRIES
              + " entries)");
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      String what = kindOf(e.getOriginalMessage());
      throw where == null
          ? SitesException.file(fileName + ": not valid JSON: " + what)
          : at(fileName, where, "not valid JSON: " + what);
    } catch (IOException e) {
      throw SitesException.file(fileName + ": cannot be read (" + IoErrors.describe(e) + ")");
    }
    if (root == null || !root.isObject()) {
      throw at(
          fileName,
          locate(bytes, JsonPointer.empty()),
          "not a sites file: a JSON object with \"format\": \"" + FORMAT + "\" is expected");
    }
    JsonNode format = root.get(FORMAT_FIELD);
    if (format == null) {
      throw at(
          fileName,
          locate(bytes, JsonPointer.empty()),
          "not a sites file: no \"format\" field (this mint reads \"" + FORMAT + "\")");
    }
    if (!format.isTextual() || !format.textValue().equals(FORMAT)) {
      throw at(
          fileName,
          locate(bytes, JsonPointer.compile("/" + FORMAT_FIELD)),
          "unknown format"
              + (format.isTextual() && format.textValue().matches("[A-Za-z0-9./_-]{1,40}")
                  ? " \"" + format.textValue() + "\""
                  : "")
              + " (this mint reads \""
              + FORMAT
              + "\"; a newer mint may have written it: the file is left as it is)");
    }
    JsonNode sites = root.get(SITES_FIELD);
    if (sites == null) {
      sites = JsonNodeFactory.instance.arrayNode();
    }
    if (!sites.isArray()) {
      throw at(
          fileName,
          locate(bytes, JsonPointer.compile("/" + SITES_FIELD)),
          "\"sites\" must be a JSON array of entries");
    }
    if (sites.size() > SiteBook.MAX_ENTRIES) {
      throw at(
          fileName,
          locate(bytes, JsonPointer.compile("/" + SITES_FIELD)),
          "holds more than " + SiteBook.MAX_ENTRIES + " entries, more than mint keeps");
    }
    List<SiteEntry> entries = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      JsonNode node = sites.get(i);
      try {
        entries.add(SiteEntryJson.fromJson(node));
      } catch (BadValue e) {
        String pointer = "/" + SITES_FIELD + "/" + i + (e.field() == null ? "" : "/" + e.field());
        JsonLocation where = locate(bytes, JsonPointer.compile(pointer));
        if (where == null) {
          where = locate(bytes, JsonPointer.compile("/" + SITES_FIELD + "/" + i));
        }
        throw at(
            fileName,
            where,
            describeEntry(node, i)
                + (e.field() == null ? "" : ": " + e.field())
                + ": "
                + e.getMessage());
      }
    }
    Map<String, KeptValue> topLevel = new LinkedHashMap<>();
    Rotation rotation = null;
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getKey().equals(Rotation.FIELD)) {
        rotation = rotation(bytes, fileName, field.getValue());
      } else if (!field.getKey().equals(FORMAT_FIELD) && !field.getKey().equals(SITES_FIELD)) {
        topLevel.put(field.getKey(), new KeptJson(field.getValue())); // this parse's own tree
      }
    }
    return new SiteBook(entries, topLevel, rotation);
  }

  /** The rotation under way, read from {@code node}; a bad value names its line and column. */
  private static Rotation rotation(byte[] bytes, String fileName, JsonNode node) {
    try {
      return RotationJson.fromJson(node);
    } catch (BadValue e) {
      String pointer = "/" + Rotation.FIELD + (e.field() == null ? "" : "/" + e.field());
      JsonLocation where = locate(bytes, JsonPointer.compile(pointer));
      if (where == null) {
        where = locate(bytes, JsonPointer.compile("/" + Rotation.FIELD));
      }
      throw at(
          fileName,
          where,
          "\""
              + Rotation.FIELD
              + "\""
              + (e.field() == null ? "" : ": " + e.field())
              + ": "
              + e.getMessage()
              + " (fix it, or end the rotation with 'mint rekey abort')");
    }
  }

  /** {@code entry 3 (github.com, account work)}, from whatever the node holds. */
  private static String describeEntry(JsonNode node, int index) {
    StringBuilder s = new StringBuilder("entry " + (index + 1));
    JsonNode site = node.get(SiteEntry.SITE);
    JsonNode account = node.get(SiteEntry.ACCOUNT);
    if (site != null && site.isTextual()) {
      s.append(" (").append(shortly(site.textValue()));
      if (account != null && account.isTextual()) {
        s.append(", account ").append(shortly(account.textValue()));
      }
      s.append(')');
    }
    return s.toString();
  }

  private static String shortly(String text) {
    String shown = Text.printable(text);
    return shown.length() <= 60 ? shown : shown.substring(0, 57) + "...";
  }

  /**
   * What is wrong, in general terms: Jackson's own messages quote the text they stopped at, and a
   * file given to {@code site import} by mistake may hold a phrase.
   */
  private static String kindOf(String message) {
    String m = message == null ? "" : message;
    if (m.startsWith("Unexpected end-of-input")) {
      return "the text ends too early";
    }
    if (m.startsWith("Duplicate ") || m.contains("Duplicate field")) {
      return "a field appears twice in one object";
    }
    if (m.contains("UTF-8") || m.contains("UTF8")) {
      return "not UTF-8 text";
    }
    if (m.contains("nesting depth")) {
      return "nested too deeply";
    }
    if (m.contains("length") && m.contains("exceeds")) {
      return "a value is too long";
    }
    return "unexpected text";
  }

  private static SitesException at(String fileName, JsonLocation where, String what) {
    if (where == null) {
      return SitesException.file(fileName + ": " + what);
    }
    return SitesException.file(
        fileName + " line " + where.getLineNr() + ", column " + where.getColumnNr() + ": " + what);
  }

  /**
   * Where the value at {@code pointer} starts in {@code bytes} (a JSON text known to be valid), or
   * null. A tree keeps no locations, so the text is streamed once more to find it.
   */
  static JsonLocation locate(byte[] bytes, JsonPointer pointer) {
    try (JsonParser parser = JsonTree.FACTORY.createParser(bytes)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME || token.isStructEnd()) {
          continue;
        }
        var context = parser.getParsingContext();
        if (token.isStructStart()) {
          context = context.getParent();
        }
        if (context != null && context.pathAsPointer().equals(pointer)) {
          return parser.currentTokenLocation();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
