package dev.mint.cli.sites.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.InvalidInputException;
import dev.mint.Level;
import dev.mint.Revision;
import dev.mint.cli.sites.model.KeptValue;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteEntry.BadValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The top-level {@code "rotation"} record of a sites file as JSON ({@link Rotation}): the fields
 * for what moves only, the date it started, and any other field kept as read.
 */
final class RotationJson {
  private static final Set<String> KNOWN =
      Set.of(
          Rotation.PHRASE_CHECK,
          Rotation.REVISION,
          Rotation.LEVEL,
          Rotation.STARTED,
          Rotation.ADDED_RECORDED_CHECK);

  private RotationJson() {}

  static ObjectNode toJson(Rotation rotation) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    if (rotation.phraseCheck() != null) {
      node.put(Rotation.PHRASE_CHECK, rotation.phraseCheck().hex());
    }
    if (rotation.revision() != null) {
      node.put(Rotation.REVISION, rotation.revision().id());
    }
    if (rotation.level() != null) {
      node.put(Rotation.LEVEL, rotation.level().id());
    }
    node.put(Rotation.STARTED, rotation.started());
    if (rotation.addedRecordedCheck()) {
      node.put(Rotation.ADDED_RECORDED_CHECK, true);
    }
    for (Map.Entry<String, KeptValue> field : rotation.extra().entrySet()) {
      node.set(field.getKey(), KeptJson.of(field.getValue()));
    }
    return node;
  }

  /**
   * The rotation {@code node} holds.
   *
   * @throws BadValue naming the field that is wrong (null: the record itself)
   */
  static Rotation fromJson(JsonNode node) {
    if (!node.isObject()) {
      throw new BadValue(null, "must be a JSON object, as 'mint rekey start' writes it");
    }
    String check = SiteEntryJson.text(node, Rotation.PHRASE_CHECK, false);
    String revision = SiteEntryJson.text(node, Rotation.REVISION, false);
    String level = SiteEntryJson.text(node, Rotation.LEVEL, false);
    String started = SiteEntryJson.date(node, Rotation.STARTED);
    if (started == null) {
      throw new BadValue(Rotation.STARTED, "missing");
    }
    JsonNode added = node.get(Rotation.ADDED_RECORDED_CHECK);
    if (added != null && !added.isBoolean()) {
      throw new BadValue(Rotation.ADDED_RECORDED_CHECK, "must be true or false");
    }
    Revision toRevision = null;
    if (revision != null) {
      toRevision = parseRevision(revision);
    }
    Level toLevel = null;
    if (level != null) {
      try {
        toLevel = Level.parse(level);
      } catch (InvalidInputException e) {
        throw new BadValue(Rotation.LEVEL, "not a level of the page");
      }
    }
    if (check == null && toRevision == null && toLevel == null) {
      throw new BadValue(null, "moves nothing: no phrase check, revision or level");
    }
    Map<String, KeptValue> extra = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!KNOWN.contains(field.getKey())) {
        extra.put(field.getKey(), new KeptJson(field.getValue()));
      }
    }
    return new Rotation(
        check == null ? null : SiteEntryJson.check(Rotation.PHRASE_CHECK, check),
        toRevision,
        toLevel,
        started,
        added != null && added.booleanValue(),
        extra);
  }

  private static Revision parseRevision(String id) {
    try {
      return Revision.parse(id);
    } catch (InvalidInputException e) {
      throw new BadValue(Rotation.REVISION, "not a revision of the page");
    }
  }
}
