package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mint.conformance.Stages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The consequences SPEC.md section 3 lists, one test each, for r1 / r2 / r3. */
class SiteNormalizationTest {

  @ParameterizedTest(name = "{0} -> r1 \"{1}\", r2 \"{2}\", r3 \"{3}\"")
  @CsvSource(
      delimiter = '|',
      emptyValue = "",
      value = {
        "ftp://x.com                | ftp                | ftp          | ftp",
        "user:pw@host.com           | user               | user         | user",
        "mail.com                   | mail.com           | mail         | com",
        "https://                   | ''                 | ''           | https://",
        "github.com:443/x           | github.com         | github       | github",
        "www.mail.example.co.uk/path| mail.example.co.uk | mail.example | mail.example",
        "example.com.tr             | example.com.tr     | example.com.tr | example.com",
        "'  HTTPS://WWW.GitHub.com/login?x#y '| github.com | github     | github",
        "localhost                  | localhost          | localhost    | localhost",
      })
  void specConsequences(String site, String r1, String r2, String r3) {
    assertEquals(r1, Stages.normalizeSite(site, Revision.R1), "r1");
    assertEquals(r2, Stages.normalizeSite(site, Revision.R2), "r2");
    assertEquals(r3, Stages.normalizeSite(site, Revision.R3), "r3");
  }

  @ParameterizedTest(name = "r3 {0} -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        // only the first matching label of SUB, and only once
        "api.cdn.example.com    | cdn.example",
        "accounts.google.com    | google",
        // compound suffix first, then at most one single suffix, only if a dot is left
        "bbc.co.uk              | bbc",
        "shop.example.com.au    | shop.example",
        "example.io             | example",
        "io                     | io",
        // r3's longer lists
        "bit.ly                 | bit",
        "foo.social             | foo",
        "example.co             | example",
        // lowercase first, JS-trim removes U+3000 and U+FEFF
        "'\u3000\uFEFFGITHUB.COM\u00A0' | github",
      })
  void revision3(String site, String expected) {
    assertEquals(expected, Stages.normalizeSite(site, Revision.R3));
  }

  @ParameterizedTest(name = "r2 {0} -> \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {"api.example.com | api.example", "bit.ly | bit.ly", "x.com.tr | x.com.tr"})
  void revision2(String site, String expected) {
    assertEquals(expected, Stages.normalizeSite(site, Revision.R2));
  }
}
