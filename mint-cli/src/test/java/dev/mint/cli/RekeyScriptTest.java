package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mint.cli.io.Io;
import dev.mint.testing.NodeJs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rotation of the master phrase by the script form ({@code mint rekey start/show/done/status/
 * finish/abort}), through the whole CLI in-process, over a sites file of several kinds of entry:
 * two with known password rules, one on the page's r1, one with an account, one the same as another
 * site, one with settings of the user's own. Every pair {@code show} prints is checked against the
 * page's algorithm (the JavaScript implementation in test-vectors/js), every new password against
 * the site's rules (Apple's parser, RulesAdviceCliTest's oracle), and every command that derives is
 * checked to take the phrase each site needs and to refuse the other.
 */
class RekeyScriptTest {
  static final String OLD = "an old phrase that leaked";
  static final String NEW = "a fresh phrase nobody saw";
  static final String WRONG = "an old phrase that leakedd";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  Path file() {
    return dir.resolve("sites.json");
  }

  /** Descriptor 3 holds {@code newPhrase} (null: nothing is open but standard input). */
  static Io.Descriptors fd3(String newPhrase) {
    return fd -> {
      if (fd != 3 || newPhrase == null) {
        throw new NoSuchFileException("/dev/fd/" + fd);
      }
      return new ByteArrayInputStream((newPhrase + "\n").getBytes(StandardCharsets.UTF_8));
    };
  }

  CliRun mint(Path sites, String stdin, String newPhrase, String... args) {
    Map<String, String> env = Map.of("MINT_SITES", sites.toString());
    return CliRun.run(
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        env::get,
        fd3(newPhrase),
        args);
  }

  CliRun mint(String... args) {
    return mint(file(), "", null, args);
  }

  /** {@code mint --phrase-stdin SITE [--account A]} with {@code phrase}. */
  CliRun derive(String phrase, Site site) {
    return mint(file(), phrase + "\n", null, site.args("--phrase-stdin"));
  }

  CliRun show(String current, String next, Site site) {
    return mint(
        file(),
        current + "\n",
        next,
        site.args("rekey", "show", "--phrase-stdin", "--new-phrase-fd", "3"));
  }

  CliRun ok(CliRun run) {
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  /** A site as the commands name it: the site, and the account when the entry has one. */
  record Site(String site, String account, String rulesDomain) {
    String[] args(String... before) {
      List<String> all = new ArrayList<>(List.of(before));
      all.add(site);
      if (account != null) {
        all.add("--account");
        all.add(account);
      }
      return all.toArray(String[]::new);
    }
  }

  static final Site BANK = new Site("bankofamerica.com", null, "bankofamerica.com");
  static final Site WSJ = new Site("wsj.com", null, "wsj.com");
  static final Site GITHUB = new Site("github.com", "work", null);
  static final Site OLD_PAGE = new Site("old.example", null, null);
  static final Site APPLE = new Site("apple.com", null, "apple.com");
  static final Site ICLOUD = new Site("icloud.com", null, null);
  static final Site PLAIN = new Site("plain.example", null, null);

  /** The entries that move (icloud.com moves with apple.com). */
  static final List<Site> MOVING = List.of(BANK, WSJ, GITHUB, OLD_PAGE, APPLE, PLAIN);

  void writeSites() {
    ok(mint("site", "set", "bankofamerica.com"));
    ok(mint("site", "set", "wsj.com"));
    ok(mint("site", "set", "github.com", "--account", "work", "--site-version", "2"));
    ok(mint("site", "set", "old.example", "--revision", "r1"));
    ok(mint("site", "set", "apple.com", "--site-version", "3"));
    ok(mint("site", "set", "icloud.com", "--same-as", "apple.com"));
    ok(mint("site", "set", "plain.example", "--length", "20", "--no-symbols"));
  }

  JsonNode entry(Path sites, Site site) {
    try {
      for (JsonNode e : JSON.readTree(Files.readAllBytes(sites)).get("sites")) {
        if (e.get("site").asText().equals(site.site())
            && (site.account() == null
                ? !e.has("account")
                : site.account().equals(e.path("account").asText()))) {
          return e;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no entry of " + site + " in " + sites);
  }

  /**
   * A case for the page's JavaScript implementation: {@code entry}'s settings (the page's fields),
   * with {@code version}, {@code revision} and {@code level} in place of the stored ones when not
   * null.
   */
  static String pageCase(
      int id, JsonNode entry, String phrase, String version, String revision, String level) {
    ObjectNode input = JSON.createObjectNode();
    input.put("site", entry.get("site").asText());
    input.put("phrase", phrase);
    input.put("version", version != null ? version : entry.get("version").asText());
    for (String field : List.of("length")) {
      input.put(field, entry.get(field).asInt());
    }
    for (String field : List.of("upper", "lower", "digits", "symbols", "excludeAmbiguous")) {
      input.put(field, entry.get(field).asBoolean());
    }
    input.put("level", level != null ? level : entry.get("level").asText());
    ObjectNode c = JSON.createObjectNode();
    c.put("id", id);
    c.put("revision", revision != null ? revision : entry.get("revision").asText());
    c.put("kind", "e2e");
    c.set("input", input);
    return c.toString();
  }

  /** The page's passwords for {@code cases}, in order. */
  static List<String> page(List<String> cases) {
    List<String> passwords = new ArrayList<>();
    for (String row : NodeJs.run("mint-cli.mjs", cases)) {
      try {
        JsonNode r = JSON.readTree(row);
        assertTrue(r.has("password"), row);
        passwords.add(r.get("password").asText());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertEquals(cases.size(), passwords.size());
    return passwords;
  }

  static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  static List<String> lines(String out) {
    return List.of(out.split("\n", -1))
        .subList(0, (int) out.chars().filter(c -> c == '\n').count());
  }

  @Test
  void aFullRotationMovesEverySitePasswordByPasswordAsThePageMakesThem() throws IOException {
    NodeJs.require();
    writeSites();
    Map<Site, String> before = new LinkedHashMap<>();
    for (Site s : MOVING) {
      before.put(s, ok(derive(OLD, s)).out().strip());
    }
    before.put(ICLOUD, ok(derive(OLD, ICLOUD)).out().strip());
    assertEquals(before.get(APPLE), before.get(ICLOUD));

    CliRun start =
        ok(
            mint(
                file(),
                OLD + "\n",
                NEW,
                "rekey",
                "start",
                "--phrase-stdin",
                "--new-phrase-fd",
                "3"));
    assertTrue(start.err().contains("(none was recorded)"), start.err());
    assertTrue(
        start.err().contains("rotation started: 6 sites to move to the new phrase"), start.err());
    assertEquals("", start.out());
    String oldCheck = JSON.readTree(Files.readAllBytes(file())).get("phraseCheck").asText();
    String newCheck =
        JSON.readTree(Files.readAllBytes(file())).get("rotation").get("phraseCheck").asText();
    assertNotEquals(oldCheck, newCheck);
    assertFalse(Files.readString(file()).contains(OLD) || Files.readString(file()).contains(NEW));

    // every show: the current password and the new one, as the page makes them
    Map<Site, String> next = new LinkedHashMap<>();
    List<String> cases = new ArrayList<>();
    for (Site s : MOVING) {
      CliRun show = ok(show(OLD, NEW, s));
      List<String> pair = lines(show.out());
      assertEquals(2, pair.size(), show.out());
      assertEquals(before.get(s), pair.get(0), "line 1 is the password in use: " + s);
      assertNotEquals(pair.get(0), pair.get(1));
      assertTrue(
          show.err().contains("line 1 is the current password")
              && show.err().contains("new phrase " + newCheck),
          show.err());
      next.put(s, pair.get(1));
      JsonNode e = entry(file(), s);
      String chosen = e.get("rekeyVersion").asText();
      cases.add(pageCase(cases.size(), e, OLD, null, null, null));
      cases.add(pageCase(cases.size(), e, NEW, chosen, null, null));
      // a second show prints the same pair: done stores what was shown
      assertEquals(show.out(), ok(show(OLD, NEW, s)).out());
      if (s.rulesDomain() != null) {
        RulesAdviceCliTest.oracleAccepts(s.rulesDomain(), pair.get(1));
      }
    }
    List<String> expected = page(cases);
    int i = 0;
    for (Site s : MOVING) {
      assertEquals(expected.get(i++), before.get(s), "the page's current password of " + s);
      assertEquals(expected.get(i++), next.get(s), "the page's new password of " + s);
    }

    // refusals: a wrong phrase either side, exit 3, nothing printed, nothing stored
    byte[] mid = Files.readAllBytes(file());
    CliRun wrongCurrent = show(WRONG, NEW, BANK);
    assertEquals(3, wrongCurrent.exitCode(), wrongCurrent.err());
    assertEquals("", wrongCurrent.out());
    assertTrue(
        wrongCurrent.err().startsWith("mint: phrase check mismatch: typed "), wrongCurrent.err());
    CliRun wrongNew = show(OLD, WRONG, BANK);
    assertEquals(3, wrongNew.exitCode(), wrongNew.err());
    assertEquals("", wrongNew.out());
    assertTrue(
        wrongNew
            .err()
            .matches(
                "mint: phrase check mismatch: typed [a-z]+ [a-z]+ \\([0-9a-f]{4}\\) for the new phrase,"
                    + " 'mint rekey start' recorded [a-z]+ [a-z]+ \\("
                    + newCheck
                    + "\\)\n"),
        wrongNew.err());
    CliRun sameAs = show(OLD, NEW, ICLOUD);
    assertEquals(3, sameAs.exitCode(), sameAs.err());
    assertTrue(sameAs.err().contains("moves with it: 'mint rekey show apple.com'"), sameAs.err());
    CliRun again =
        mint(file(), OLD + "\n", NEW, "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3");
    assertEquals(3, again.exitCode(), again.err());
    assertTrue(again.err().contains("a rotation is under way already"), again.err());
    assertArrayEquals(mid, Files.readAllBytes(file()));

    // done: every site but one
    for (Site s : MOVING) {
      if (s != PLAIN) {
        CliRun done = ok(mint(s.args("rekey", "done")));
        assertTrue(done.err().startsWith("moved "), done.err());
      }
    }
    CliRun status = ok(mint("rekey", "status"));
    assertEquals(
        "rotation started "
            + today()
            + ", to the new phrase (check "
            + newCheck
            + ")\nmoved 5 of 6 sites\nnot moved yet:\n  plain.example\n",
        status.out());

    // site list and site show say which phrase, and show a moved entry's new settings
    String bankVersion = entry(file(), BANK).get("rekeyVersion").asText();
    List<String> listed = ok(mint("site", "list")).out().lines().toList();
    assertTrue(
        listed.stream()
            .anyMatch(
                l ->
                    l.matches("bankofamerica\\.com +r3 +" + bankVersion + " .*")
                        && l.endsWith("moved " + today())),
        listed.toString());
    assertTrue(
        listed.stream().anyMatch(l -> l.startsWith("plain.example") && !l.contains("moved")),
        listed.toString());
    String bankShown = ok(mint("site", "show", "bankofamerica.com")).out();
    assertTrue(
        bankShown.contains(
            "\nphrase      the new one (check "
                + newCheck
                + "), moved on "
                + today()
                + " (the settings above are its new ones)\n"),
        bankShown);
    assertTrue(bankShown.contains("\nversion     " + bankVersion + "\n"), bankShown);
    String plainShown = ok(mint("site", "show", "plain.example")).out();
    assertTrue(
        plainShown.contains(
            "\nphrase      the current one until moved to the new one (check "
                + newCheck
                + ") ('mint rekey done plain.example')\n"),
        plainShown);

    // mid-rotation, each site takes the phrase it needs and refuses the other
    for (Site s : MOVING) {
      if (s != PLAIN) {
        assertEquals(next.get(s), ok(derive(NEW, s)).out().strip(), s.toString());
        CliRun old = derive(OLD, s);
        assertEquals(3, old.exitCode(), old.err());
        assertEquals("", old.out());
        assertTrue(
            old.err()
                .contains(
                    "needs the phrase with check "
                        + newCheck
                        + " (moved to it on "
                        + today()
                        + ")"),
            old.err());
      }
    }
    assertEquals(
        next.get(APPLE), ok(derive(NEW, ICLOUD)).out().strip(), "icloud.com follows apple.com");
    assertEquals(before.get(PLAIN), ok(derive(OLD, PLAIN)).out().strip());
    CliRun early = derive(NEW, PLAIN);
    assertEquals(3, early.exitCode(), early.err());
    assertEquals(
        "mint: plain.example is not moved to the new phrase yet: it needs the current one ("
            + oldCheck
            + ") until 'mint rekey done' moves it (typed the new one, "
            + newCheck
            + ")\n",
        early.err());
    CliRun forced =
        mint(file(), OLD + "\n", null, "--phrase-stdin", "--force", "bankofamerica.com");
    assertEquals(0, forced.exitCode(), forced.err());

    // session and batch: per line
    CliRun session =
        mint(
            file(),
            NEW + "\nbankofamerica.com\nplain.example\nicloud.com\n",
            null,
            "session",
            "--phrase-stdin");
    assertEquals(next.get(BANK) + "\n" + next.get(APPLE) + "\n", session.out(), session.err());
    assertTrue(
        session.err().contains("mint: plain.example is not moved to the new phrase yet"),
        session.err());
    Path rows = dir.resolve("rows.txt");
    Files.writeString(rows, "bankofamerica.com\nplain.example\ngithub.com --account work\n");
    CliRun batch = mint(file(), OLD + "\n", null, "batch", rows.toString(), "--phrase-stdin");
    assertEquals(3, batch.exitCode(), batch.err());
    assertEquals("plain.example\t" + before.get(PLAIN) + "\n", batch.out());
    assertTrue(
        batch.err().contains("line 1: bankofamerica.com needs the phrase with check " + newCheck),
        batch.err());
    assertTrue(
        batch.err().contains("line 3: github.com (account work) needs the phrase with check"),
        batch.err());

    // finish with plain.example left behind
    CliRun finish = ok(mint("rekey", "finish"));
    assertTrue(
        finish
            .err()
            .startsWith(
                "rotation finished: 5 sites moved to the new phrase (check "
                    + newCheck
                    + "); 1 left as it was, on the old phrase: plain.example"),
        finish.err());
    JsonNode book = JSON.readTree(Files.readAllBytes(file()));
    assertEquals(newCheck, book.get("phraseCheck").asText());
    assertFalse(book.has("rotation"), book.toString());
    assertFalse(Files.readString(file()).contains("rekey"), Files.readString(file()));
    List<String> after = new ArrayList<>();
    for (Site s : MOVING) {
      if (s != PLAIN) {
        assertEquals(next.get(s), ok(derive(NEW, s)).out().strip(), s.toString());
        CliRun old = derive(OLD, s);
        assertEquals(3, old.exitCode(), old.err());
        assertEquals("", old.out());
        after.add(pageCase(after.size(), entry(file(), s), NEW, null, null, null));
      }
    }
    List<String> stored = page(after);
    i = 0;
    for (Site s : MOVING) {
      if (s != PLAIN) {
        assertEquals(
            stored.get(i++), next.get(s), "the stored settings give the new password: " + s);
      }
    }
    assertEquals(next.get(APPLE), ok(derive(NEW, ICLOUD)).out().strip());
    assertEquals(before.get(PLAIN), ok(derive(OLD, PLAIN)).out().strip());
    CliRun left = derive(NEW, PLAIN);
    assertEquals(3, left.exitCode(), left.err());
    assertEquals(
        "mint: plain.example needs the phrase with check "
            + oldCheck
            + " (left on it since "
            + today()
            + ", when a rotation finished); the phrase typed gives "
            + newCheck
            + " (--force derives anyway)\n",
        left.err());
    assertTrue(
        ok(mint("site", "list"))
            .out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("plain.example")
                        && l.endsWith("older phrase " + oldCheck + " since " + today())),
        ok(mint("site", "list")).out());
    assertTrue(
        ok(mint("site", "show", "plain.example"))
            .out()
            .contains(
                "\nphrase      the one with check "
                    + oldCheck
                    + " (left on it since "
                    + today()
                    + ", when a rotation finished)\n"));
    assertEquals(
        "no rotation under way\nleft on an older phrase:\n  plain.example (check "
            + oldCheck
            + ", since "
            + today()
            + ")\n",
        ok(mint("rekey", "status")).out());
  }

  @Test
  void abortLeavesTheFileByteIdenticalToBeforeStart() throws IOException {
    writeSites();
    for (boolean recorded : new boolean[] {false, true}) {
      if (recorded) {
        ok(mint(file(), OLD + "\n", null, "check", "--remember", "--phrase-stdin"));
      }
      byte[] before = Files.readAllBytes(file());
      ok(mint(file(), OLD + "\n", NEW, "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3"));
      ok(show(OLD, NEW, BANK));
      ok(show(OLD, NEW, GITHUB));
      ok(mint("rekey", "done", "bankofamerica.com"));
      assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(file())));
      CliRun abort = ok(mint("rekey", "abort"));
      assertTrue(
          abort
              .err()
              .contains(
                  "every site as it was before it; 1 site was moved: change its password back on the site"),
          abort.err());
      assertArrayEquals(before, Files.readAllBytes(file()), "recorded check before: " + recorded);
      assertEquals("no rotation under way\n", ok(mint("rekey", "status")).out());
      CliRun none = mint("rekey", "abort");
      assertEquals(3, none.exitCode(), none.err());
      assertEquals(
          "mint: rekey: no rotation is under way: start one with 'mint rekey start'\n", none.err());
    }
  }

  @Test
  void keepingThePhraseMovesRevisionAndLevelAndNeverKeepsThePassword() throws IOException {
    NodeJs.require();
    ok(mint("site", "set", "old.example", "--revision", "r1"));
    ok(mint("site", "set", "plain.example", "--length", "20"));
    CliRun nothing =
        mint(file(), OLD + "\n", null, "rekey", "start", "--phrase-stdin", "--keep-phrase");
    assertEquals(2, nothing.exitCode(), nothing.err());
    ok(
        mint(
            file(),
            OLD + "\n",
            null,
            "rekey",
            "start",
            "--phrase-stdin",
            "--keep-phrase",
            "--to-revision",
            "r3",
            "--to-level",
            "high"));
    List<String> cases = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (Site s : List.of(OLD_PAGE, PLAIN)) {
      CliRun show = ok(mint(file(), OLD + "\n", null, s.args("rekey", "show", "--phrase-stdin")));
      List<String> pair = lines(show.out());
      assertNotEquals(pair.get(0), pair.get(1));
      shown.addAll(pair);
      JsonNode e = entry(file(), s);
      cases.add(pageCase(cases.size(), e, OLD, null, null, null));
      cases.add(pageCase(cases.size(), e, OLD, e.get("rekeyVersion").asText(), "r3", "high"));
      ok(mint(s.args("rekey", "done")));
    }
    assertEquals(page(cases), shown);
    // the same phrase on both sides: a moved entry and one not moved both take it
    assertEquals(shown.get(1), ok(derive(OLD, OLD_PAGE)).out().strip());
    ok(mint("rekey", "finish"));
    JsonNode e = entry(file(), OLD_PAGE);
    assertEquals("r3", e.get("revision").asText());
    assertEquals("high", e.get("level").asText());
    assertEquals(shown.get(3), ok(derive(OLD, PLAIN)).out().strip());
  }

  @Test
  void showAndDoneRefuseWhatTheyCannotDo() throws IOException {
    writeSites();
    byte[] before = Files.readAllBytes(file());
    CliRun none = show(OLD, NEW, BANK);
    assertEquals(3, none.exitCode(), none.err());
    assertTrue(none.err().contains("no rotation is under way"), none.err());
    CliRun sameCheck =
        mint(file(), OLD + "\n", OLD, "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3");
    assertEquals(3, sameCheck.exitCode(), sameCheck.err());
    assertTrue(
        sameCheck.err().contains("the new phrase gives the same check as the current one"),
        sameCheck.err());
    assertArrayEquals(before, Files.readAllBytes(file()));
    CliRun noFile =
        mint(
            dir.resolve("none.json"),
            OLD + "\n",
            NEW,
            "rekey",
            "start",
            "--phrase-stdin",
            "--new-phrase-fd",
            "3");
    assertEquals(3, noFile.exitCode(), noFile.err());
    assertFalse(Files.exists(dir.resolve("none.json")));

    ok(mint(file(), OLD + "\n", NEW, "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3"));
    CliRun early = mint("rekey", "done", "plain.example");
    assertEquals(3, early.exitCode(), early.err());
    assertEquals(
        "mint: site: plain.example: its new password has not been shown yet: 'mint rekey show"
            + " plain.example' first; nothing stored\n",
        early.err());
    CliRun unknown = mint("rekey", "done", "nowhere.example");
    assertEquals(3, unknown.exitCode(), unknown.err());
    CliRun noNewPhrase =
        mint(file(), OLD + "\n", null, "rekey", "show", "--phrase-stdin", "plain.example");
    assertEquals(2, noNewPhrase.exitCode(), noNewPhrase.err());
    assertTrue(noNewPhrase.err().contains("use --new-phrase-fd M"), noNewPhrase.err());

    // like batch, show refuses to put two passwords on a terminal's screen
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.StringWriter err = new java.io.StringWriter();
    Map<String, String> env = Map.of("MINT_SITES", file().toString());
    Io io =
        Io.of(
                new ByteArrayInputStream((OLD + "\n").getBytes(StandardCharsets.UTF_8)),
                out,
                new java.io.PrintWriter(err, true),
                CliRun.isolated(env::get),
                () -> null,
                true,
                true)
            .withDescriptors(fd3(NEW));
    int code =
        MintCli.run(io, "rekey", "show", "--phrase-stdin", "--new-phrase-fd", "3", "plain.example");
    assertEquals(2, code, err.toString());
    assertEquals(0, out.size());
    assertTrue(err.toString().contains("give --to-terminal"), err.toString());
  }

  @Test
  void exportAndImportCarryARotationUnderWayToAnotherFile() throws IOException {
    writeSites();
    String bank = ok(derive(OLD, BANK)).out();
    ok(mint(file(), OLD + "\n", NEW, "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3"));
    String bankNew = lines(ok(show(OLD, NEW, BANK)).out()).get(1);
    String githubNew = lines(ok(show(OLD, NEW, GITHUB)).out()).get(1);
    ok(mint("rekey", "done", "bankofamerica.com"));
    Path export = dir.resolve("export.json");
    ok(mint("site", "export", export.toString()));
    CliRun noCheck =
        mint("site", "export", "--no-phrase-check", dir.resolve("bare.json").toString());
    assertEquals(2, noCheck.exitCode(), noCheck.err());
    assertFalse(Files.exists(dir.resolve("bare.json")));

    // another machine: an empty sites file takes the rotation, and it goes on there
    Path other = dir.resolve("other.json");
    CliRun in = mint(other, "", null, "site", "import", export.toString());
    assertEquals(0, in.exitCode(), in.err());
    assertTrue(in.err().contains("'s rotation under way (started " + today()), in.err());
    assertEquals(
        ok(mint("rekey", "status")).out(), ok(mint(other, "", null, "rekey", "status")).out());
    assertEquals(
        bankNew + "\n",
        ok(mint(other, NEW + "\n", null, "--phrase-stdin", "bankofamerica.com")).out());
    assertEquals(
        3, mint(other, OLD + "\n", null, "--phrase-stdin", "bankofamerica.com").exitCode());
    ok(mint(other, "", null, "rekey", "done", "github.com", "--account", "work"));
    ok(mint(other, "", null, "rekey", "finish"));
    assertEquals(
        githubNew + "\n",
        ok(mint(other, NEW + "\n", null, "--phrase-stdin", "github.com", "--account", "work"))
            .out());
    // importing the same export again changes nothing
    byte[] here = Files.readAllBytes(file());
    CliRun twice = mint(file(), "", null, "site", "import", export.toString());
    assertEquals(0, twice.exitCode(), twice.err());
    assertArrayEquals(here, Files.readAllBytes(file()));

    // a file with a rotation of its own leaves the exported one out, marks and all
    Path third = dir.resolve("third.json");
    ok(mint(third, "", null, "site", "set", "zzz.example"));
    ok(mint(third, OLD + "\n", WRONG, "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3"));
    CliRun kept = mint(third, "", null, "site", "import", export.toString());
    assertEquals(3, kept.exitCode(), kept.err());
    assertTrue(kept.err().contains("holds a rotation under way that does not fit"), kept.err());
    assertEquals(
        bank, ok(mint(third, OLD + "\n", null, "--phrase-stdin", "bankofamerica.com")).out());
    assertFalse(Files.readString(third).contains("rekeyed"), Files.readString(third));
  }

  @Test
  void settingsChangedMidRotationNeverGiveAPasswordNobodySaw() throws IOException {
    writeSites();
    ok(mint(file(), OLD + "\n", NEW, "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3"));
    // shown, not moved: a change of settings voids the choice, so done cannot store unseen settings
    ok(show(OLD, NEW, PLAIN));
    ok(mint("site", "set", "plain.example", "--length", "24"));
    CliRun done = mint("rekey", "done", "plain.example");
    assertEquals(3, done.exitCode(), done.err());
    assertTrue(done.err().contains("has not been shown yet"), done.err());
    String shown = lines(ok(show(OLD, NEW, PLAIN)).out()).get(1);
    assertEquals(24, shown.length());
    ok(mint("rekey", "done", "plain.example"));
    assertEquals(shown, ok(derive(NEW, PLAIN)).out().strip());

    // moved: its settings wait for the end of the rotation
    byte[] before = Files.readAllBytes(file());
    for (String[] change :
        List.of(
            new String[] {"site", "set", "plain.example", "--length", "30"},
            new String[] {"site", "bump", "plain.example"})) {
      CliRun refused = mint(change);
      assertEquals(3, refused.exitCode(), refused.err());
      assertTrue(refused.err().contains("after 'mint rekey finish'"), refused.err());
      assertArrayEquals(before, Files.readAllBytes(file()));
    }
    assertEquals(shown, ok(derive(NEW, PLAIN)).out().strip());

    // an entry made the same as another site follows that site's phrase, and the file stays
    // readable
    ok(show(OLD, NEW, WSJ));
    ok(mint("site", "set", "wsj.com", "--same-as", "apple.com"));
    ok(mint("rekey", "status"));
    assertFalse(entry(file(), WSJ).has("rekeyVersion"), entry(file(), WSJ).toString());
  }

  @Test
  void aSiteSavedWithTheNewPhraseMidRotationKeepsThePasswordItWasMadeWith() throws IOException {
    ok(mint("site", "set", "plain.example"));
    ok(mint(file(), OLD + "\n", NEW, "rekey", "start", "--phrase-stdin", "--new-phrase-fd", "3"));
    Site fresh = new Site("fresh.example", null, null);
    Site viaSession = new Site("session.example", null, null);
    Site onOld = new Site("old-phrase.example", null, null);
    String made =
        ok(mint(file(), NEW + "\n", null, "--phrase-stdin", "--save", "fresh.example")).out();
    String inSession =
        ok(mint(file(), NEW + "\nsession.example --save\n", null, "session", "--phrase-stdin"))
            .out();
    String madeOld =
        ok(mint(file(), OLD + "\n", null, "--phrase-stdin", "--save", "old-phrase.example")).out();
    for (Site s : List.of(fresh, viaSession)) {
      String password = s == fresh ? made : inSession;
      assertEquals(password, ok(derive(NEW, s)).out(), s.toString());
      CliRun old = derive(OLD, s);
      assertEquals(3, old.exitCode(), old.err());
      assertTrue(old.err().contains("(made with it on " + today() + ")"), old.err());
    }
    assertEquals(madeOld, ok(derive(OLD, onOld)).out());
    CliRun nothing = show(OLD, NEW, fresh);
    assertEquals(3, nothing.exitCode(), nothing.err());
    assertTrue(nothing.err().contains("was made with the new phrase"), nothing.err());
    String status = ok(mint("rekey", "status")).out();
    assertTrue(status.contains("moved 0 of 2 sites\n"), status);
    assertFalse(status.contains("fresh.example") || status.contains("older phrase"), status);

    ok(mint("rekey", "finish"));
    assertEquals(made, ok(derive(NEW, fresh)).out());
    assertEquals(inSession, ok(derive(NEW, viaSession)).out());
    assertFalse(entry(file(), fresh).has("phraseCheck"), entry(file(), fresh).toString());
    assertEquals(madeOld, ok(derive(OLD, onOld)).out(), "left on the old phrase, as it was made");
  }
}
