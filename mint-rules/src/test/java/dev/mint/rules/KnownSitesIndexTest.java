package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code site-index.txt}, what {@link KnownSites#mayKnow} reads instead of the data, is the index
 * of the data shipped next to it, and {@code mayKnow} gives the lookups' own answer for every site:
 * true exactly when {@code rules} or {@code sharedSignIn} finds something. After the data changes
 * ({@code refresh-data.sh}), write the index again with {@code mvn -B -ntp -pl mint-rules -am test
 * -Dtest=KnownSitesIndexTest -Dsurefire.failIfNoSpecifiedTests=false -Dmint.rules.writeIndex=true}.
 */
class KnownSitesIndexTest {
  private static final KnownSites KNOWN = KnownSites.bundled();
  private static final Path SOURCE = Path.of("src/main/resources/dev/mint/rules/site-index.txt");

  @Test
  void theIndexInTheJarIsTheIndexOfTheData() throws IOException {
    StringBuilder expected = new StringBuilder();
    for (String line : KNOWN.indexLines()) {
      expected.append(line).append('\n');
    }
    if (Boolean.getBoolean("mint.rules.writeIndex")) {
      Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
    }
    String actual;
    try (InputStream in = KnownSites.class.getResourceAsStream("/dev/mint/rules/site-index.txt")) {
      actual = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertEquals(
        expected.toString(),
        actual,
        "site-index.txt is not the index of the data: write it again (see this test's doc)");
  }

  @Test
  void mayKnowIsTheLookupsOwnAnswer() {
    TreeSet<String> domains = new TreeSet<>(KNOWN.allRules().keySet());
    KNOWN.sharedSignIns().forEach(group -> domains.addAll(group.domains()));
    List<String> sites = new ArrayList<>();
    for (String domain : domains) {
      String page = dev.mint.conformance.Stages.normalizeSite(domain, dev.mint.Revision.DEFAULT);
      String[] labels = domain.split("\\.");
      sites.addAll(
          List.of(
              domain,
              "www." + domain,
              "login.sub." + domain,
              "https://" + domain.toUpperCase(Locale.ROOT) + "/path?q",
              domain + ":8443",
              domain.substring(1),
              "x" + domain,
              page,
              page + ".com",
              page + ".co.uk",
              "mail." + page + ".co.uk",
              "shop." + page + ".de",
              labels[0],
              labels[labels.length - 1],
              labels[0] + ".example"));
    }
    sites.addAll(
        List.of(
            "", " ", ".", "co.uk", "mail.example.co.uk", "bbc.co.uk", "amnh.de", "com", "ü.de"));
    int known = 0;
    for (String site : sites) {
      boolean found = KNOWN.rules(site).isPresent() || KNOWN.sharedSignIn(site).isPresent();
      assertEquals(found, KnownSites.mayKnow(site), site);
      known += found ? 1 : 0;
    }
    assertTrue(known > 2000 && known < sites.size() - 2000, known + " of " + sites.size());
  }

  @Test
  void hostsThatShareOnlyACommonLabelWithTheDataAreNotKnown() {
    // "co", "uk", "mail" and "login" occur in the data, but name no site of it
    for (String site :
        List.of("mail.example.co.uk", "shop.example.co.uk", "login.example.com", "site1.example")) {
      assertFalse(KnownSites.mayKnow(site), site);
    }
  }
}
