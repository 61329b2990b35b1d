package dev.mint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading Apple's data files in their upstream formats into {@link KnownSites}: the only class that
 * uses Jackson, so that {@link KnownSites#mayKnow} never loads it. An entry of the wrong shape is
 * left out and named in the problems; a file that is not JSON, or whose top level has the wrong
 * shape, is refused.
 */
final class SiteData {
  private static final String DATA = "/dev/mint/rules/data/";

  private SiteData() {}

  /** The four files shipped in this jar, read as {@link KnownSites#bundled()} describes. */
  static KnownSites readBundled() {
    try (InputStream r = open("password-rules.json");
        InputStream s = open("shared-credentials.json");
        InputStream h = open("shared-credentials-historical.json");
        InputStream c = open("change-password-URLs.json")) {
      return read(r, s, h, c);
    } catch (IOException e) {
      throw new RulesSyntaxException("the bundled site data cannot be read", e);
    }
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = SiteData.class.getResourceAsStream(DATA + name);
    if (in == null) {
      throw new IOException(DATA + name + " is not in the jar");
    }
    return in;
  }

  /** What {@link KnownSites#read(InputStream, InputStream, InputStream, InputStream)} answers. */
  static KnownSites read(
      InputStream passwordRules,
      InputStream sharedCredentials,
      InputStream historicalSharedCredentials,
      InputStream changePasswordUrls) {
    ObjectMapper json = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    JsonNode r = tree(json, passwordRules, "password-rules.json");
    JsonNode s = tree(json, sharedCredentials, "shared-credentials.json");
    JsonNode h = tree(json, historicalSharedCredentials, "shared-credentials-historical.json");
    JsonNode c = tree(json, changePasswordUrls, "change-password-URLs.json");
    if (!r.isObject() || !s.isArray() || !h.isArray() || !c.isObject()) {
      throw new RulesSyntaxException(
          "site data: password-rules.json and change-password-URLs.json must be JSON objects,"
              + " shared-credentials.json and shared-credentials-historical.json arrays");
    }
    Map<String, PasswordRules> rules = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : r.properties()) {
      String domain = entry.getKey().toLowerCase(Locale.ROOT);
      JsonNode text = entry.getValue().path("password-rules");
      if (!text.isTextual()) {
        problems.add(domain + ": no \"password-rules\" text; left out");
        continue;
      }
      PasswordRules parsed = PasswordRules.parse(text.asText());
      for (String problem : parsed.problems()) {
        problems.add(domain + ": password rules: " + problem);
      }
      rules.put(domain, parsed);
    }
    List<SharedSignIn> shared = new ArrayList<>();
    sharedSignIns(s, "shared-credentials.json", shared, problems);
    sharedSignIns(h, "shared-credentials-historical.json", shared, problems);
    Map<String, String> changeUrls = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : c.properties()) {
      String url = entry.getValue().asText("");
      if (entry.getValue().isTextual() && url.startsWith("https://")) {
        changeUrls.put(entry.getKey().toLowerCase(Locale.ROOT), url);
      } else {
        problems.add(entry.getKey() + ": change-password URL is not an https URL; left out");
      }
    }
    return new KnownSites(rules, shared, changeUrls, problems);
  }

  /** The groups and pairs of one shared-credentials file, appended to {@code shared}. */
  private static void sharedSignIns(
      JsonNode file, String name, List<SharedSignIn> shared, List<String> problems) {
    int index = 0;
    for (JsonNode group : file) {
      index++;
      List<String> members = domains(group.path("shared"));
      List<String> from = domains(group.path("from"));
      List<String> to = domains(group.path("to"));
      if (!members.isEmpty()) {
        shared.add(new SharedSignIn(List.of(), members, true));
      } else if (!from.isEmpty() && !to.isEmpty()) {
        shared.add(new SharedSignIn(from, to, false));
      } else {
        problems.add(name + " entry " + index + ": neither shared nor from/to");
      }
    }
  }

  private static JsonNode tree(ObjectMapper json, InputStream in, String name) {
    try {
      return json.readTree(in);
    } catch (IOException e) {
      throw new RulesSyntaxException("site data: " + name + " is not JSON: " + e.getMessage(), e);
    }
  }

  private static List<String> domains(JsonNode list) {
    List<String> domains = new ArrayList<>();
    for (JsonNode d : list) {
      if (d.isTextual()) {
        domains.add(d.asText().toLowerCase(Locale.ROOT));
      }
    }
    return domains;
  }
}
