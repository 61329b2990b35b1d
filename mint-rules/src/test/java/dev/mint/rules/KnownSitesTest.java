package dev.mint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.testing.DataText;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class KnownSitesTest {
  private static final KnownSites KNOWN = KnownSites.bundled();

  @Test
  void mayKnowEverySiteTheLookupsFind() {
    java.util.Set<String> domains = new java.util.TreeSet<>(KNOWN.allRules().keySet());
    KNOWN.sharedSignIns().forEach(group -> domains.addAll(group.domains()));
    int checked = 0;
    for (String domain : domains) {
      String page = dev.mint.conformance.Stages.normalizeSite(domain, dev.mint.Revision.DEFAULT);
      for (String site :
          List.of(
              domain,
              "www." + domain,
              "login.sub." + domain,
              "https://" + domain.toUpperCase(java.util.Locale.ROOT) + "/path?q",
              page + ".com",
              page + ".co.uk",
              "shop." + page + ".de")) {
        if (KNOWN.rules(site).isPresent() || KNOWN.sharedSignIn(site).isPresent()) {
          checked++;
          assertTrue(KnownSites.mayKnow(site), site + " is found, but mayKnow says no");
        }
      }
    }
    assertTrue(checked > 500, "sites checked: " + checked);
    // the sites the data does not name are told apart without parsing it
    for (String site : List.of("github.com", "https://github.com/login", "example.org")) {
      assertTrue(KNOWN.rules(site).isEmpty() && KNOWN.sharedSignIn(site).isEmpty(), site);
      assertFalse(KnownSites.mayKnow(site), site);
    }
  }

  @Test
  void theBundledDataIsAllThere() {
    assertEquals(434, KNOWN.allRules().size());
    // shared-credentials.json's 102 groups and pairs, then the 94 groups of the historical file
    assertEquals(102 + 94, KNOWN.sharedSignIns().size());
    assertEquals(
        "https://www.11st.co.kr/register/popupModifyPWD.tmall",
        KNOWN.changePasswordUrl("11st.co.kr"));
  }

  @Test
  void theDataProblemsAreTheNonAsciiCharactersOfFiveSitesEachNamed() {
    Set<String> sites = new TreeSet<>();
    for (String problem : KNOWN.problems()) {
      sites.add(problem.substring(0, problem.indexOf(':')));
      assertTrue(problem.contains("not ASCII printable"), problem);
    }
    assertEquals(
        Set.of("axa.de", "dkb.de", "kundenportal.edeka-smart.de", "posteo.de", "unito.it"), sites);
  }

  @TestFactory
  List<DynamicTest> everyEntryIsFoundByItsOwnDomain() {
    List<DynamicTest> tests = new java.util.ArrayList<>();
    for (String domain : KNOWN.allRules().keySet()) {
      tests.add(
          DynamicTest.dynamicTest(
              domain,
              () -> {
                SiteRules found = KNOWN.rules(domain).orElseThrow();
                assertEquals(domain, found.domain());
                assertEquals(SiteRules.Match.EXACT, found.match());
                assertEquals(PasswordRules.parse(DataText.of(domain)), found.rules());
              }));
    }
    return tests;
  }

  @Test
  void sitesAreMatchedAsTypedIntoThePage() {
    assertEquals("apple.com", KNOWN.rules("https://WWW.Apple.com/account?x=1 ").get().domain());
    assertEquals(SiteRules.Match.PARENT, KNOWN.rules("login.apple.com").get().match());
    assertEquals("apple.com", KNOWN.rules("login.apple.com").get().domain());
    SiteRules samsung = KNOWN.rules("samsung.com").get();
    assertEquals("account.samsung.com", samsung.domain());
    assertEquals(SiteRules.Match.SAME_PAGE_SITE, samsung.match());
    assertTrue(KNOWN.rules("no-rules.example").isEmpty());
    assertTrue(KNOWN.rules("   ").isEmpty());
  }

  @Test
  void theHistoricalSharedSignInsAreShippedAndTheirRulesApplyToEachMember() {
    var group = KNOWN.sharedSignIn("icloud.com").orElseThrow();
    assertEquals(List.of("apple.com"), group.getValue().others("icloud.com"));
    SiteRules icloud = KNOWN.rules("www.icloud.com").orElseThrow();
    assertEquals("apple.com", icloud.domain());
    assertEquals(SiteRules.Match.SHARED_SIGN_IN, icloud.match());
    assertTrue(KnownSites.mayKnow("icloud.com"));
    // a domain with rules of its own keeps them although its group has others
    assertEquals(SiteRules.Match.EXACT, KNOWN.rules("wsj.com").get().match());
    assertEquals(SiteRules.Match.EXACT, KNOWN.rules("dowjones.com").get().match());
  }

  @Test
  void sharedSignIns() {
    var group = KNOWN.sharedSignIn("www.photodune.net").get();
    assertEquals("photodune.net", group.getKey());
    assertTrue(group.getValue().isGroup());
    assertTrue(group.getValue().others("photodune.net").contains("envato.com"));
    var pair = KNOWN.sharedSignIn("behance.net").get().getValue();
    assertEquals(List.of("adobe.com"), pair.to());
    assertTrue(pair.from().contains("adobelogin.com"));
    assertTrue(pair.others("adobe.com").contains("behance.net"));
    assertTrue(KNOWN.sharedSignIn("no-rules.example").isEmpty());
  }

  @Test
  void changePasswordLinks() {
    assertEquals(
        "https://my.hosting.com/profile/security", KNOWN.changePasswordUrl("a2hosting.com"));
    assertEquals(
        "https://shop.example.org/.well-known/change-password",
        KNOWN.changePasswordUrl("https://shop.example.org/cart"));
    assertTrue(KNOWN.knownChangePasswordUrl("shop.example.org").isEmpty());
  }

  private static InputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void malformedDataIsReportedWithTheSiteNamedNeverACrash() {
    KnownSites k =
        KnownSites.read(
            json(
                "{\"a.example\": {\"password-rules\": \"minlength: 8; foo: 1\"},"
                    + " \"b.example\": {\"rules\": 1}, \"c.example\": 5}"),
            json("[{\"shared\": [\"x.example\", \"y.example\"]}, {\"from\": []}, 7]"),
            json("{\"a.example\": \"http://insecure\", \"b.example\": \"https://b.example/pw\"}"));
    assertEquals(1, k.allRules().size());
    assertTrue(
        k.problems().get(0).startsWith("a.example: password rules: unknown rule name 'foo'"));
    assertTrue(k.problems().contains("b.example: no \"password-rules\" text; left out"));
    assertTrue(k.problems().contains("c.example: no \"password-rules\" text; left out"));
    assertEquals(1, k.sharedSignIns().size());
    assertEquals("https://b.example/pw", k.changePasswordUrl("b.example"));
    assertEquals("https://a.example/.well-known/change-password", k.changePasswordUrl("a.example"));
    RulesSyntaxException e =
        assertThrows(
            RulesSyntaxException.class, () -> KnownSites.read(json("{"), json("[]"), json("{}")));
    assertTrue(e.getMessage().startsWith("site data: password-rules.json is not JSON"));
    assertThrows(
        RulesSyntaxException.class, () -> KnownSites.read(json("[]"), json("[]"), json("{}")));
  }
}
