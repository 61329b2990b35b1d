package dev.mint.cli.sites;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.MintRequest;
import dev.mint.cli.io.IoErrors;
import dev.mint.cli.io.Text;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The content of a sites file: its format marker, its entries, and whatever other top-level fields
 * it holds (kept as read, so that what a newer mint stores survives a rewrite by an older one; the
 * recorded phrase check is one such field). Read as a JSON tree, never bound to types named by the
 * file.
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
public final class Profiles {
  /** The format this mint reads and writes. */
  static final String FORMAT = "mint-sites/1";

  static final String FORMAT_FIELD = "format";
  static final String SITES_FIELD = "sites";

  private final ObjectNode extra;
  private final List<SiteEntry> entries;

  private Profiles(ObjectNode extra, List<SiteEntry> entries) {
    this.extra = extra;
    this.entries = entries;
  }

  /** No entries, no other field. */
  public static Profiles empty() {
    return new Profiles(JsonNodeFactory.instance.objectNode(), new ArrayList<>());
  }

  /** The entries, in file order; the list may be changed (the change is written by update). */
  public List<SiteEntry> entries() {
    return entries;
  }

  /** A top-level field other than the format and the entries (for example a recorded check). */
  Optional<JsonNode> topLevel(String name) {
    return Optional.ofNullable(extra.get(name));
  }

  /** Sets (or with null, removes) a top-level field other than the format and the entries. */
  void setTopLevel(String name, JsonNode value) {
    if (name.equals(FORMAT_FIELD) || name.equals(SITES_FIELD)) {
      throw new IllegalArgumentException(name);
    }
    if (value == null) {
      extra.remove(name);
    } else {
      extra.set(name, value);
    }
  }

  /**
   * {@code --account -}: the entry without an account, so that it stays reachable once its site has
   * labelled entries too (mint only).
   */
  public static final String NO_ACCOUNT = "-";

  /**
   * The entries {@code typedSite} matches, with {@code account} when it is not null ({@link
   * #NO_ACCOUNT}: those without an account).
   */
  List<SiteEntry> matching(String typedSite, String account) {
    return entries.stream()
        .filter(e -> e.matches(typedSite))
        .filter(
            e ->
                account == null
                    || (account.equals(NO_ACCOUNT)
                        ? e.account() == null
                        : account.equals(e.account())))
        .collect(Collectors.toList());
  }

  /**
   * The one entry for {@code typedSite} (and {@code account} if given), or empty when there is
   * none.
   *
   * @throws SitesException (usage) when several entries match and no account tells them apart
   */
  public Optional<SiteEntry> find(String typedSite, String account, String fileName) {
    List<SiteEntry> found = matching(typedSite, account);
    if (found.size() <= 1) {
      return found.stream().findFirst();
    }
    if (account != null) {
      throw SitesException.file(
          fileName
              + ": holds "
              + found.size()
              + " entries for the same site"
              + " and account "
              + shortly(account)
              + "; remove one with 'mint site rm'");
    }
    String accounts =
        found.stream()
            .map(e -> e.account() == null ? "(no account)" : shortly(e.account()))
            .collect(Collectors.joining(", "));
    throw SitesException.usage(
        "the site matches "
            + found.size()
            + " entries of "
            + fileName
            + ", for the accounts "
            + accounts
            + ": choose one with --account NAME"
            + (found.stream().anyMatch(e -> e.account() == null)
                ? " (--account - for the entry without one)"
                : ""));
  }

  /**
   * Creates the entry for {@code typedSite} and {@code account} with the page's defaults and the
   * settings typed, or changes only the settings typed (and the note, if not null) in the entry
   * that matches.
   */
  public Change set(
      String typedSite,
      String account,
      TypedSettings typed,
      String note,
      String date,
      String fileName) {
    return upsert(
        typedSite,
        account,
        note,
        date,
        fileName,
        "site",
        labelled -> new SiteEntry(labelled, typed.request(typedSite), note, date, date, null),
        before -> {
          if (before.sameAs() != null && !typed.isEmpty()) {
            throw SitesException.invalid("site", before.noSettingsOfItsOwn());
          }
          return before.withSettings(typed.applyTo(before.settings().toBuilder()).build(), date);
        });
  }

  /**
   * Creates the entry for {@code typedSite} and {@code account} that gives {@code other}'s password
   * ({@code site set --same-as}), or makes the entry that matches one (its settings dropped; its
   * note changed when {@code note} is not null).
   *
   * @throws SitesException (a typed value) when the file would then hold a chain, a loop, an entry
   *     that names itself or a site with several entries ({@link #sameAsProblem})
   */
  public Change setSameAs(
      String typedSite, String account, String other, String note, String date, String fileName) {
    checkName("same-as", other);
    return upsert(
        typedSite,
        account,
        note,
        date,
        fileName,
        "same-as",
        labelled ->
            new SiteEntry(
                labelled, other, MintRequest.builder(typedSite).build(), note, date, date, null),
        before -> before.withSameAs(other, date));
  }

  /**
   * The one way {@link #set} and {@link #setSameAs} change the entries: the entry of {@code
   * typedSite} and {@code account} is changed by {@code change} (its note too, when {@code note} is
   * not null), or, when there is none, made by {@code create} (given the account, null for {@code
   * --account -}); a change that gives the file a new {@link #sameAsProblem} is refused.
   */
  private Change upsert(
      String typedSite,
      String account,
      String note,
      String date,
      String fileName,
      String field,
      Function<String, SiteEntry> create,
      UnaryOperator<SiteEntry> change) {
    checkName("site", typedSite);
    checkName("account", NO_ACCOUNT.equals(account) ? null : account);
    Optional<String> problem = sameAsProblem();
    Optional<SiteEntry> found = find(typedSite, account, fileName);
    Change result;
    if (found.isEmpty()) {
      SiteEntry created = create.apply(NO_ACCOUNT.equals(account) ? null : account);
      entries.add(created);
      result = new Change(null, created);
    } else {
      SiteEntry before = found.get();
      SiteEntry after = change.apply(before);
      if (note != null) {
        after = after.withNote(note, date);
      }
      replace(before, after);
      result = new Change(before, after);
    }
    // a second entry for a site another one names, a chain or a loop
    refuseNewSameAsProblem(problem, field);
    return result;
  }

  /**
   * Refuses (a typed value, exit 3) a site or account no entry may hold ({@link
   * SiteEntry#checkName}).
   */
  private static void checkName(String field, String text) {
    try {
      SiteEntry.checkName(field, text);
    } catch (SiteEntry.BadValue e) {
      throw SitesException.invalid(field, e.getMessage() + "; nothing stored");
    }
  }

  /**
   * Refuses (a typed value, exit 3) a change that gave the file a {@link #sameAsProblem} it did not
   * have before ({@code before}); the file is then not written.
   */
  private void refuseNewSameAsProblem(Optional<String> before, String field) {
    Optional<String> after = sameAsProblem();
    if (after.isPresent() && !after.equals(before)) {
      throw SitesException.invalid(field, after.get() + "; nothing stored");
    }
  }

  /**
   * For an entry with {@code sameAs}: the entry of that site whose settings it takes (matched
   * without an account), or empty when the file has none (the page's defaults).
   *
   * @throws SitesException (the file, exit 4) when it names itself, a site with several entries, or
   *     a site whose entry has {@code sameAs} too (a chain or a loop)
   */
  public Optional<SiteEntry> sameAsTarget(SiteEntry entry, String fileName) {
    List<SiteEntry> targets = matching(entry.sameAs(), null);
    String problem = sameAsProblem(entry, targets);
    if (problem != null) {
      throw SitesException.file(
          fileName + ": " + problem + " (fix it with 'mint site set' or 'mint site rm')");
    }
    return targets.stream().findFirst();
  }

  /**
   * The request that gives {@code entry}'s password, for its own site: its settings, or for an
   * entry with {@code sameAs} the other site with that site's entry's settings (the page's defaults
   * without one).
   *
   * @throws SitesException as {@link #sameAsTarget}
   */
  public MintRequest passwordRequest(SiteEntry entry, String fileName) {
    if (entry.sameAs() == null) {
      return entry.settings();
    }
    MintRequest.Builder builder = MintRequest.builder(entry.sameAs());
    sameAsTarget(entry, fileName).ifPresent(target -> target.applyTo(builder));
    return builder.build();
  }

  /**
   * What is wrong with the file's {@code sameAs} entries, or empty: an entry that names itself, a
   * site with several entries, or a site whose entry has {@code sameAs} too (a chain or a loop).
   * {@code site set --same-as} and {@code site import} refuse to write such a file.
   */
  public Optional<String> sameAsProblem() {
    for (SiteEntry entry : entries) {
      if (entry.sameAs() != null) {
        String problem = sameAsProblem(entry, matching(entry.sameAs(), null));
        if (problem != null) {
          return Optional.of(problem);
        }
      }
    }
    return Optional.empty();
  }

  private static String sameAsProblem(SiteEntry entry, List<SiteEntry> targets) {
    String said = Text.printable(entry.label()) + " is the same as " + shortly(entry.sameAs());
    if (targets.contains(entry)) {
      return said + ", which is itself: --same-as names another site";
    }
    if (targets.size() > 1) {
      return said
          + ", which has "
          + targets.size()
          + " entries: --same-as names a site with one entry (or none)";
    }
    if (!targets.isEmpty() && targets.get(0).sameAs() != null) {
      return said
          + ", which is the same as "
          + shortly(targets.get(0).sameAs())
          + ": a chain (or a loop); --same-as names a site with settings of its own";
    }
    return null;
  }

  /**
   * The other entries that give {@code entry}'s password: the same normalized site under the same
   * revision, with the same settings (only the account or the note differs, and neither changes the
   * password).
   */
  public List<SiteEntry> samePasswordAs(SiteEntry entry) {
    return entries.stream()
        .filter(e -> e != entry && SitesImport.samePassword(e, entry))
        .collect(Collectors.toList());
  }

  /**
   * The warning lines for {@code entry} sharing its password with other entries (none when it does
   * not): for {@code site set} and {@code site bump}, which would otherwise say nothing.
   */
  public List<String> samePasswordWarnings(SiteEntry entry) {
    List<String> warnings = new ArrayList<>();
    for (SiteEntry twin : samePasswordAs(entry)) {
      warnings.add(
          "mint: warning: "
              + Text.printable(entry.label())
              + " and "
              + Text.printable(twin.label())
              + " give the same password (same site and settings; an account is only a label):"
              + " tell them apart with --site-version, for example '"
              + Text.command(
                  "mint",
                  "site",
                  "bump",
                  entry.site(),
                  "--account",
                  entry.account() == null ? NO_ACCOUNT : entry.account())
              + "'");
    }
    return warnings;
  }

  /** Puts {@code after} where {@code before} is. */
  public void replace(SiteEntry before, SiteEntry after) {
    int at = entries.indexOf(before);
    if (at < 0) {
      throw new IllegalStateException("not an entry of this file"); // a bug
    }
    entries.set(at, after);
  }

  /** The whole file, UTF-8, two-space indents, a final line break. */
  public byte[] toBytes() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put(FORMAT_FIELD, FORMAT);
    for (Map.Entry<String, JsonNode> field : extra.properties()) {
      root.set(field.getKey(), field.getValue().deepCopy());
    }
    ArrayNode sites = root.putArray(SITES_FIELD);
    for (SiteEntry entry : entries) {
      sites.add(entry.toJson());
    }
    return (writeJson(root) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The entries alone as a JSON array ({@code mint site list --json}). */
  public String entriesJson() {
    ArrayNode sites = JsonNodeFactory.instance.arrayNode();
    entries.forEach(e -> sites.add(e.toJson()));
    return writeJson(sites);
  }

  private static String writeJson(JsonNode node) {
    return JsonTree.write(node);
  }

  /**
   * Parses a sites file. Anything wrong is a {@link SitesException} with the I/O exit status that
   * names {@code fileName}, the line and column, and for a bad value the entry and the field.
   */
  public static Profiles parse(byte[] bytes, String fileName) {
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
              + SitesFile.MAX_ENTRIES
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
    if (sites.size() > SitesFile.MAX_ENTRIES) {
      throw at(
          fileName,
          locate(bytes, JsonPointer.compile("/" + SITES_FIELD)),
          "holds more than " + SitesFile.MAX_ENTRIES + " entries, more than mint keeps");
    }
    List<SiteEntry> entries = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      JsonNode node = sites.get(i);
      try {
        entries.add(SiteEntry.fromJson(node));
      } catch (SiteEntry.BadValue e) {
        String pointer = "/" + SITES_FIELD + "/" + i + (e.field == null ? "" : "/" + e.field);
        JsonLocation where = locate(bytes, JsonPointer.compile(pointer));
        if (where == null) {
          where = locate(bytes, JsonPointer.compile("/" + SITES_FIELD + "/" + i));
        }
        throw at(
            fileName,
            where,
            describeEntry(node, i)
                + (e.field == null ? "" : ": " + e.field)
                + ": "
                + e.getMessage());
      }
    }
    ObjectNode extra = (ObjectNode) root; // this parse's own tree: no copy, which doubled the cost
    extra.remove(FORMAT_FIELD);
    extra.remove(SITES_FIELD);
    return new Profiles(extra, entries);
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
