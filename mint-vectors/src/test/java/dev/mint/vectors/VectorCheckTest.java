package dev.mint.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mint.MintRequest;
import dev.mint.Pbkdf2Engine;
import dev.mint.conformance.Stages;
import org.junit.jupiter.api.Test;

/** The vector checker must fail where the port and a row disagree, and say where. */
class VectorCheckTest {
  private static final String ROW =
      "{\"id\": 7, \"revision\": \"r3\", \"upstreamCommit\": \"3043ae9\", \"kind\": \"stage\","
          + " \"input\": {\"site\": \"https://www.github.com/login\", \"phrase\": \"my iphone purchase\","
          + " \"version\": \"1\", \"length\": 16, \"upper\": true, \"lower\": true, \"digits\": true,"
          + " \"symbols\": true, \"excludeAmbiguous\": true, \"level\": \"standard\"},"
          + " \"normalizedSite\": \"github\", \"hardenedPhrase\": \"MY IPHONE purchase*2!\","
          + " \"hardenedPhraseHex\": \"4d5920495048304e45207075726368617365\","
          + " \"salt\": \"password-mint::v1::github::1\", \"iterations\": 210000,"
          + " \"derivedHex\": \""
          + "00".repeat(64)
          + "\", \"password\": \"PASSWORD\"}";

  private static VectorRow row(String json) throws VectorFormatException {
    return VectorFiles.parse(json, "t.jsonl", 1);
  }

  private static String withHardenedHex(String json) {
    byte[] hardened = Stages.hardenPhrase("my iphone purchase".toCharArray());
    return json.replace(
        "4d5920495048304e45207075726368617365", java.util.HexFormat.of().formatHex(hardened));
  }

  private static VectorCheck.Outcome check(String json) throws VectorFormatException {
    return VectorCheck.check(row(json), Pbkdf2Engine.defaultEngine());
  }

  @Test
  void eachStageIsCompared() throws Exception {
    String good = withHardenedHex(ROW);
    char[] password =
        Stages.encode(new byte[64], MintRequest.builder("https://www.github.com/login").build());
    good = good.replace("\"PASSWORD\"", "\"" + new String(password) + "\"");
    assertTrue(check(good).passed(), check(good).describe());

    assertEquals("normalizedSite", check(good.replace("\"github\"", "\"gitlab\"")).stage());
    assertEquals("hardenedPhraseHex", check(ROW).stage());
    assertEquals("salt", check(good.replace("github::1", "github::2")).stage());
    assertEquals("iterations", check(good.replace("210000", "400000")).stage());
    assertEquals("password", check(good.replace(new String(password), "x")).stage());
  }

  @Test
  void reportsNeverShowThePhraseOrTheHardenedBytes() throws Exception {
    String described = check(ROW).describe();
    assertFalse(described.contains("iphone"), described);
    assertFalse(described.contains("4d59"), described);
    assertTrue(described.contains("t.jsonl #7"), described);
  }

  @Test
  void aRowThePageRefusedMustBeRefused() throws Exception {
    String refusedSite =
        "{\"id\": 1, \"revision\": \"r3\", \"kind\": \"stage\", \"input\": {\"site\": \"  \","
            + " \"phrase\": \"p q\", \"version\": \"1\", \"length\": 16, \"upper\": true,"
            + " \"lower\": true, \"digits\": true, \"symbols\": true, \"excludeAmbiguous\": true,"
            + " \"level\": \"standard\"}, \"error\": \"Please enter a site or app name.\"}";
    assertTrue(check(refusedSite).passed());
    // the same refusal claimed for an input the port accepts fails
    assertEquals("refusal", check(refusedSite.replace("\"  \"", "\"x.com\"")).stage());
  }

  @Test
  void malformedLinesNameFileAndLine() {
    VectorFormatException e =
        assertThrows(VectorFormatException.class, () -> VectorFiles.parse("{", "bad.jsonl", 12));
    assertTrue(e.getMessage().startsWith("bad.jsonl:12: "), e.getMessage());
    e =
        assertThrows(
            VectorFormatException.class,
            () ->
                VectorFiles.parse(
                    ROW.replace("\"length\": 16", "\"length\": \"16\""), "b.jsonl", 3));
    assertTrue(e.getMessage().contains("\"length\""), e.getMessage());
  }
}
