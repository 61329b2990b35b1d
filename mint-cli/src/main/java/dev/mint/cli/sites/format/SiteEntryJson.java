package dev.mint.cli.sites.format;

import static dev.mint.cli.sites.model.SiteEntry.ACCOUNT;
import static dev.mint.cli.sites.model.SiteEntry.CHOSEN_BY;
import static dev.mint.cli.sites.model.SiteEntry.CREATED;
import static dev.mint.cli.sites.model.SiteEntry.NOTE;
import static dev.mint.cli.sites.model.SiteEntry.SAME_AS;
import static dev.mint.cli.sites.model.SiteEntry.SITE;
import static dev.mint.cli.sites.model.SiteEntry.UPDATED;
import static dev.mint.cli.sites.model.SiteEntry.checkLabel;
import static dev.mint.cli.sites.model.SiteEntry.checkName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.InvalidInputException;
import dev.mint.MintRequest;
import dev.mint.PhraseCheck;
import dev.mint.cli.sites.SettingFormat;
import dev.mint.cli.sites.SettingRow;
import dev.mint.cli.sites.model.KeptValue;
import dev.mint.cli.sites.model.RekeyMark;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.model.SiteEntry.BadValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of the sites file as JSON: the known fields in the order {@link SiteEntry#KNOWN_FIELDS}
 * gives, each checked when read (the settings by building the request with mint-core), and every
 * other field kept as read.
 */
final class SiteEntryJson {
  private static final Set<String> KNOWN = Set.copyOf(SiteEntry.KNOWN_FIELDS);

  private SiteEntryJson() {}

  /** The entry as JSON: the known fields in their order, then the unknown ones as read. */
  static ObjectNode toJson(SiteEntry entry) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(SITE, entry.site());
    if (entry.account() != null) {
      node.put(ACCOUNT, entry.account());
    }
    if (entry.sameAs() != null) {
      node.put(SAME_AS, entry.sameAs()); // and no settings: they are the other site's
    } else {
      for (SettingRow<?> setting : SettingRow.ALL) {
        write(node, setting, entry.settings());
      }
    }
    if (entry.chosenBy() != null) {
      node.put(CHOSEN_BY, entry.chosenBy());
    }
    if (entry.note() != null) {
      node.put(NOTE, entry.note());
    }
    node.put(CREATED, entry.created());
    node.put(UPDATED, entry.updated());
    RekeyMark rekey = entry.rekey();
    if (rekey.phraseCheck() != null) {
      node.put(RekeyMark.PHRASE_CHECK, rekey.phraseCheck().hex());
    }
    if (rekey.phraseSince() != null) {
      node.put(RekeyMark.PHRASE_SINCE, rekey.phraseSince());
    }
    if (rekey.version() != null) {
      node.put(RekeyMark.VERSION, rekey.version());
    }
    if (rekey.moved() != null) {
      node.put(RekeyMark.MOVED, rekey.moved());
    }
    for (Map.Entry<String, KeptValue> field : entry.extra().entrySet()) {
      node.set(field.getKey(), KeptJson.of(field.getValue()));
    }
    return node;
  }

  private static <T> void write(ObjectNode node, SettingRow<T> setting, MintRequest settings) {
    T value = setting.get(settings);
    switch (SettingFormat.kind(setting)) {
      case TEXT -> node.put(setting.field(), SettingFormat.format(setting, value));
      case WHOLE -> node.put(setting.field(), (Integer) value);
      case FLAG -> node.put(setting.field(), (Boolean) value);
    }
  }

  /**
   * The entry held by {@code node}; every field is checked, and the settings are checked by
   * building the request with mint-core.
   *
   * @throws BadValue naming the first field that is missing, of the wrong type or not accepted
   */
  static SiteEntry fromJson(JsonNode node) {
    if (!node.isObject()) {
      throw new BadValue(null, "an entry must be a JSON object");
    }
    String site = checkName(SITE, text(node, SITE, true));
    String account = checkName(ACCOUNT, label(node, ACCOUNT));
    String sameAs = checkName(SAME_AS, label(node, SAME_AS));
    List<Object> values = new ArrayList<>();
    for (SettingRow<?> setting : SettingRow.ALL) {
      if (sameAs == null) {
        values.add(read(node, setting));
      } else if (node.hasNonNull(setting.field())) {
        throw new BadValue(
            setting.field(),
            "an entry with \"" + SAME_AS + "\" has no settings of its own (remove one of them)");
      }
    }
    String chosenBy = label(node, CHOSEN_BY);
    if (chosenBy != null && sameAs != null) {
      throw new BadValue(
          CHOSEN_BY,
          "an entry with \"" + SAME_AS + "\" has no settings of its own (remove one of them)");
    }
    String note = label(node, NOTE);
    // a hand-written entry may leave the dates out: it is dated today
    String created = text(node, CREATED, false);
    String updated = text(node, UPDATED, false);
    if (created == null) {
      created = SiteEntry.today();
    }
    if (updated == null) {
      updated = created;
    }
    if (sameAs != null) {
      try {
        MintRequest.builder(sameAs).build(); // a site mint-core takes
      } catch (InvalidInputException e) {
        throw new BadValue(SAME_AS, e.getMessage().substring(e.field().length() + 2));
      }
    }
    MintRequest settings;
    try {
      MintRequest.Builder builder = MintRequest.builder(site);
      for (int i = 0; i < values.size(); i++) {
        set(builder, SettingRow.ALL.get(i), values.get(i));
      }
      settings = builder.build();
    } catch (InvalidInputException e) {
      String field = e.field().equals("classes") ? SettingRow.UPPER.field() : e.field();
      throw new BadValue(field, e.getMessage().substring(e.field().length() + 2));
    }
    RekeyMark rekey = rekeyMark(node, sameAs != null);
    Map<String, KeptValue> extra = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!KNOWN.contains(field.getKey())) {
        extra.put(field.getKey(), new KeptJson(field.getValue()));
      }
    }
    return new SiteEntry(account, sameAs, settings, chosenBy, note, created, updated, extra, rekey);
  }

  /**
   * The entry's phrase and rotation fields: a check is four hex digits, a date as mint writes it,
   * the version chosen a version the entry's revision accepts (checked by the caller's request when
   * it is used); an entry with {@code sameAs} follows its site and records none.
   */
  private static RekeyMark rekeyMark(JsonNode node, boolean sameAs) {
    String check = text(node, RekeyMark.PHRASE_CHECK, false);
    String since = date(node, RekeyMark.PHRASE_SINCE);
    String version = text(node, RekeyMark.VERSION, false);
    String moved = date(node, RekeyMark.MOVED);
    RekeyMark mark =
        new RekeyMark(
            check == null ? null : check(RekeyMark.PHRASE_CHECK, check), since, version, moved);
    if (mark.isNone()) {
      return RekeyMark.NONE;
    }
    if (sameAs) {
      String field =
          check != null
              ? RekeyMark.PHRASE_CHECK
              : since != null
                  ? RekeyMark.PHRASE_SINCE
                  : version != null ? RekeyMark.VERSION : RekeyMark.MOVED;
      throw new BadValue(
          field, "an entry with \"" + SAME_AS + "\" follows that site's phrase (remove the field)");
    }
    if ((check == null) != (since == null)) {
      throw new BadValue(
          check == null ? RekeyMark.PHRASE_SINCE : RekeyMark.PHRASE_CHECK,
          "\""
              + RekeyMark.PHRASE_CHECK
              + "\" and \""
              + RekeyMark.PHRASE_SINCE
              + "\" go together (mint writes both or neither)");
    }
    if (moved != null && version == null) {
      throw new BadValue(
          RekeyMark.MOVED, "a moved entry needs the \"" + RekeyMark.VERSION + "\" it was moved to");
    }
    if (version != null && (version.isBlank() || version.length() > 40)) {
      throw new BadValue(RekeyMark.VERSION, "must be a version as 'mint rekey show' writes it");
    }
    return mark;
  }

  /** A four-hex-digit phrase check, as {@code mint check --remember} writes it. */
  static PhraseCheck check(String field, String text) {
    if (!text.matches("[0-9a-fA-F]{4}")) {
      throw new BadValue(field, "must be four hex digits, as mint writes a phrase check");
    }
    try {
      return PhraseCheck.parse(text);
    } catch (InvalidInputException e) {
      throw new BadValue(field, "must be four hex digits, as mint writes a phrase check");
    }
  }

  /** An optional date as mint writes it ({@code 2026-12-07}). */
  static String date(JsonNode node, String field) {
    String text = text(node, field, false);
    if (text != null && !text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      throw new BadValue(field, "must be a date as mint writes it (2026-12-07)");
    }
    return text;
  }

  private static <T> T read(JsonNode node, SettingRow<T> setting) {
    String field = setting.field();
    JsonNode given = node.get(field);
    if (SettingFormat.optionalInFile(setting) && (given == null || given.isNull())) {
      return SettingFormat.pageDefault(setting);
    }
    Object value =
        switch (SettingFormat.kind(setting)) {
          case TEXT -> parse(field, text(node, field, true), t -> SettingFormat.parse(setting, t));
          case WHOLE -> whole(node, field);
          case FLAG -> bool(node, field);
        };
    return setting.type().cast(value);
  }

  private static <T> void set(MintRequest.Builder builder, SettingRow<T> setting, Object value) {
    setting.set(builder, setting.type().cast(value));
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private static <T> T parse(String field, String text, Parser<T> parser) {
    try {
      return parser.parse(text);
    } catch (InvalidInputException e) {
      throw new BadValue(field, e.getMessage().substring(e.field().length() + 2));
    }
  }

  static String text(JsonNode node, String field, boolean required) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new BadValue(field, "missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new BadValue(field, "must be a JSON string");
    }
    return value.textValue();
  }

  /** An optional label (account, note): absent, or a string of 1 to 256 code units. */
  private static String label(JsonNode node, String field) {
    String text = text(node, field, false);
    if (text != null) {
      checkLabel(field, text);
    }
    return text;
  }

  private static int whole(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new BadValue(field, "missing");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new BadValue(field, "must be a whole number");
    }
    return value.intValue();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new BadValue(field, "missing");
    }
    if (!value.isBoolean()) {
      throw new BadValue(field, "must be true or false");
    }
    return value.booleanValue();
  }
}
