package dev.mint.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Apple's PasswordRulesParser.js, run by node through src/test/js/rules-oracle.mjs: its parse of
 * rules text, and a password check written in JavaScript on ITS parse result. One node process per
 * call, answering every input line in order.
 *
 * <p>mint-cli's tests (SiteRulesAcceptanceTest) name the script's directory with {@code
 * -Dmint.rules.js.dir}; mint-rules' own with {@code -Dmint.js.dir} ({@link NodeJs#scriptDir}), as
 * the build sets it.
 */
public final class Oracle {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Oracle() {}

  /** Apple's parse of each text, in the shape mint-rules' ParserDifferentialTest gives mint's. */
  public static List<JsonNode> parse(List<String> texts) {
    List<String> input = new ArrayList<>();
    for (String text : texts) {
      input.add(JSON.valueToTree(text).toString());
    }
    return answers(input);
  }

  /** Whether each password complies, by the JavaScript check: {"ok":..,"broken":[..]}. */
  public static List<JsonNode> check(List<String> rules, List<char[]> passwords) {
    List<String> input = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      ObjectNode q = JSON.createObjectNode();
      q.put("rules", rules.get(i));
      q.put("password", new String(passwords.get(i))); // test passwords from test phrases
      input.add(q.toString());
    }
    return answers(input);
  }

  private static List<JsonNode> answers(List<String> input) {
    List<String> out = NodeJs.run(script(), input);
    if (out.size() != input.size()) {
      throw new IllegalStateException(
          "node answered " + out.size() + " of " + input.size() + " lines");
    }
    List<JsonNode> answers = new ArrayList<>();
    try {
      for (String line : out) {
        answers.add(JSON.readTree(line));
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return answers;
  }

  /** rules-oracle.mjs: absolute under -Dmint.rules.js.dir, else in NodeJs's script directory. */
  private static String script() {
    String dir = System.getProperty("mint.rules.js.dir", "");
    return dir.isBlank()
        ? "rules-oracle.mjs"
        : Path.of(dir, "rules-oracle.mjs").toAbsolutePath().toString();
  }
}
