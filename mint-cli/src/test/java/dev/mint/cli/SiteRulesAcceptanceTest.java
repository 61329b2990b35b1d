package dev.mint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.rules.KnownSites;
import dev.mint.testing.DataText;
import dev.mint.testing.NodeJs;
import dev.mint.testing.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance of the sites' password rules through the public command line (mint-only): for every
 * site of the bundled password rules, in a sites file of its own, {@code mint site set SITE}, then
 * {@code mint --phrase-stdin SITE}; when standard error says a version makes a password the site
 * accepts, the command it prints is run exactly as printed (as a user would copy it) and the site
 * derived again. The last password printed must be accepted by an independent check: the JavaScript
 * check of mint-rules' tests on the parse result of Apple's own PasswordRulesParser.js, run by node
 * (mint-rules' {@link Oracle}, one node process for all the checks). Both directions: a first
 * password mint calls non-compliant must be rejected by it too, one mint calls compliant accepted.
 * A site no page setting can serve: {@code site set} exits 3 and stores nothing.
 *
 * <p>The whole CLI runs in this JVM ({@link CliRun}: its own {@code Io}, a sites file of the
 * trial's own, never the user's), with real PBKDF2 at the page's default level: nothing inside the
 * derivation is replaced. Phrases are random (printable ASCII, a space, some letters beyond ASCII
 * and one character outside the BMP), reproducible from {@link #SEED}, a different phrase for every
 * site and trial.
 *
 * <p>Default build: every satisfiable site with one phrase. {@code -Dmint.rules.cli.phrases=20}: 20
 * phrases a site (the figure of mint-rules' RulesAcceptanceTest), the sites on a pool of 2 threads
 * (each run has its own {@code Io} and sites file): 34,146 derivations (the derive, each version
 * the search tried, the derive after the command), 62 minutes on 2 cores at a load of 3 to 14. The
 * default run: 413 trials, 1,892 derivations, 390 s at a load of 9 to 10 on 2 cores
 * (docs/PERFORMANCE.md). The figures (trials, comply first time, after the search, versions
 * searched, derivations, time) are printed. Without node the test is skipped, with {@code CI=true}
 * it fails ({@link NodeJs#require}).
 */
class SiteRulesAcceptanceTest {
  static final long SEED = 0x5eed_17_a11L;
  static final Pattern FOLLOW = Pattern.compile("to use it: (mint site set [^\\n]*)\\n");
  static final Pattern TRIED =
      Pattern.compile("mint: version (\\d+) makes a password .* \\((\\d+) tried\\)");
  static final String EXTRA = "éüßñçøåжΩλ中文";

  @TempDir Path dir;

  /** What one trial (a site, a phrase) found; passwords are test data from test phrases. */
  static final class Trial {
    String site;
    int index;
    char[] first;
    boolean firstCompliant;
    char[] last;
    int versionsSearched; // 1 when the first password complies, else the search's "N tried"
    int derivations; // one a derive run, plus each version the search tried
  }

  /** A random phrase: test data, not a secret; never blank at either end. */
  static char[] phrase(SplittableRandom random) {
    int length = 6 + random.nextInt(35);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(20);
      boolean edge = i == 0 || i == length - 1;
      if (kind == 0 && !edge) {
        out.append(' ');
      } else if (kind == 1) {
        out.append(EXTRA.charAt(random.nextInt(EXTRA.length())));
      } else if (kind == 2 && i == 1) {
        out.appendCodePoint(0x1F511); // a key, two UTF-16 units
      } else {
        out.append((char) ('!' + random.nextInt('~' - '!' + 1)));
      }
    }
    char[] chars = new char[out.length()];
    out.getChars(0, out.length(), chars, 0);
    out.setLength(0);
    return chars;
  }

  static byte[] line(char[] phrase) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(phrase));
    byte[] bytes = new byte[encoded.remaining() + 1];
    encoded.get(bytes, 0, bytes.length - 1);
    bytes[bytes.length - 1] = '\n';
    Arrays.fill(encoded.array(), (byte) 0);
    return bytes;
  }

  static CliRun run(Path sites, byte[] stdin, String... args) {
    return CliRun.run(stdin, Map.of("MINT_SITES", sites.toString()), args);
  }

  static char[] password(CliRun derive, String what) {
    assertEquals(0, derive.exitCode(), what + ": " + derive.err());
    String out = derive.out();
    assertTrue(out.endsWith("\n") && out.indexOf('\n') == out.length() - 1, what + ": " + out);
    char[] password = new char[out.length() - 1];
    out.getChars(0, password.length, password, 0);
    return password;
  }

  /** One trial through the CLI, in a sites file of its own. */
  static Trial trial(Path home, String site, int index, char[] phrase) {
    Trial t = new Trial();
    t.site = site;
    t.index = index;
    Path sites = home.resolve("sites.json");
    String what = site + " phrase " + index;
    CliRun set = run(sites, new byte[0], "site", "set", site);
    assertEquals(0, set.exitCode(), what + ": " + set.err());
    assertTrue(set.err().startsWith("rules of "), what + ": " + set.err());
    byte[] stdin = line(phrase);
    try {
      CliRun derive = run(sites, stdin, "--phrase-stdin", site);
      t.first = password(derive, what);
      t.derivations = 1;
      String err = derive.err();
      t.firstCompliant = !err.contains("mint: this password breaks the known rules of ");
      if (t.firstCompliant) {
        t.last = t.first;
        t.versionsSearched = 1;
        assertFalse(err.contains("makes a password"), what + ": " + err);
        return t;
      }
      Matcher tried = TRIED.matcher(err);
      Matcher follow = FOLLOW.matcher(err);
      if (!tried.find() || !follow.find()) {
        fail(what + ": a password that breaks the rules and no version to follow:\n" + err);
      }
      t.versionsSearched = Integer.parseInt(tried.group(2));
      t.derivations += t.versionsSearched;
      // the printed command, exactly as a user would copy it
      String[] command = follow.group(1).split(" ");
      assertEquals("mint", command[0]);
      CliRun store = run(sites, new byte[0], Arrays.copyOfRange(command, 1, command.length));
      assertEquals(0, store.exitCode(), what + ": " + follow.group(1) + ": " + store.err());
      CliRun again = run(sites, stdin, "--phrase-stdin", site);
      t.last = password(again, what + " after '" + follow.group(1) + "'");
      t.derivations++;
      assertFalse(again.err().contains("breaks"), what + ": " + again.err());
      assertFalse(Arrays.equals(t.first, t.last), what + ": the stored version changed nothing");
      return t;
    } finally {
      Arrays.fill(stdin, (byte) 0);
      Arrays.fill(phrase, '\0');
    }
  }

  @Test
  void everySatisfiableSiteFollowingThePrintedSuggestionOncePrintsAPasswordTheOracleAccepts()
      throws Exception {
    NodeJs.require(); // skip (or fail on CI) before the work, not after it
    int phrases = Integer.getInteger("mint.rules.cli.phrases", 1);
    assertTrue(phrases >= 1, "mint.rules.cli.phrases");
    List<String> domains = new ArrayList<>(KnownSites.bundled().allRules().keySet());
    long started = System.nanoTime();

    // impossible sites: exit 3, nothing stored; the rest are the satisfiable ones
    List<String> satisfiable = new ArrayList<>();
    List<String> impossible = new ArrayList<>();
    for (String domain : domains) {
      Path home = Files.createTempDirectory(dir, "set");
      Path sites = home.resolve("sites.json");
      CliRun set = run(sites, new byte[0], "site", "set", domain);
      if (set.exitCode() == 3) {
        assertTrue(
            set.err().startsWith("mint: no page setting makes a password "), domain + set.err());
        assertTrue(set.err().contains("nothing stored"), set.err());
        assertFalse(Files.exists(sites), domain + ": stored although refused");
        impossible.add(domain);
      } else {
        assertEquals(0, set.exitCode(), domain + ": " + set.err());
        satisfiable.add(domain);
      }
    }
    // the independent side of the split: every site whose maxlength, by Apple's parser, is below
    // the page's shortest password (12) is one mint refuses
    List<String> texts = new ArrayList<>();
    domains.forEach(d -> texts.add(DataText.of(d)));
    List<JsonNode> parsed = Oracle.parse(texts);
    int tooShort = 0;
    for (int i = 0; i < domains.size(); i++) {
      for (JsonNode rule : parsed.get(i)) {
        if (rule.path("name").asText().equals("maxlength") && rule.path("value").asInt() < 12) {
          tooShort++;
          assertTrue(impossible.contains(domains.get(i)), domains.get(i) + ": " + texts.get(i));
        }
      }
    }
    assertTrue(tooShort >= 20, "sites the page's lengths cannot serve: " + tooShort);

    // the trials: a phrase of its own for every site and trial, drawn in a fixed order
    SplittableRandom random = new SplittableRandom(SEED);
    List<char[][]> phrasesOf = new ArrayList<>();
    for (int s = 0; s < satisfiable.size(); s++) {
      char[][] p = new char[phrases][];
      for (int i = 0; i < phrases; i++) {
        p[i] = phrase(random);
      }
      phrasesOf.add(p);
    }
    ExecutorService pool = Executors.newFixedThreadPool(phrases > 1 ? 2 : 1);
    List<Future<List<Trial>>> futures = new ArrayList<>();
    for (int s = 0; s < satisfiable.size(); s++) {
      String domain = satisfiable.get(s);
      char[][] p = phrasesOf.get(s);
      futures.add(
          pool.submit(
              () -> {
                List<Trial> done = new ArrayList<>();
                for (int i = 0; i < p.length; i++) {
                  done.add(trial(home(), domain, i, p[i]));
                }
                return done;
              }));
    }
    List<Trial> trials = new ArrayList<>();
    try {
      for (Future<List<Trial>> f : futures) {
        trials.addAll(f.get());
      }
    } catch (ExecutionException e) {
      pool.shutdownNow();
      if (e.getCause() instanceof AssertionError) {
        throw (AssertionError) e.getCause();
      }
      throw e;
    } finally {
      pool.shutdown();
    }
    double cliSeconds = (System.nanoTime() - started) / 1e9;

    // the independent check, every password in one node process
    List<String> rules = new ArrayList<>();
    List<char[]> passwords = new ArrayList<>();
    List<Boolean> expected = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Trial t : trials) {
      rules.add(DataText.of(t.site));
      passwords.add(t.last);
      expected.add(true);
      labels.add(t.site + " phrase " + t.index + (t.firstCompliant ? " (first)" : " (followed)"));
      if (!t.firstCompliant) {
        rules.add(DataText.of(t.site));
        passwords.add(t.first);
        expected.add(false);
        labels.add(t.site + " phrase " + t.index + " (first, mint: breaks the rules)");
      }
    }
    List<JsonNode> verdicts = Oracle.check(rules, passwords);
    assertEquals(rules.size(), verdicts.size());
    int disagreements = 0;
    int accepted = 0; // last passwords the JavaScript check accepts
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < verdicts.size(); i++) {
      boolean ok = verdicts.get(i).path("ok").asBoolean();
      accepted += ok && expected.get(i) ? 1 : 0;
      if (ok != expected.get(i)) {
        if (disagreements++ < 10) {
          shown.append(
              String.format(
                  "%n%s: %s; the JavaScript check says %s",
                  labels.get(i), rules.get(i), verdicts.get(i)));
        }
      }
    }
    passwords.forEach(p -> Arrays.fill(p, '\0'));
    double seconds = (System.nanoTime() - started) / 1e9;

    int firstTime = 0;
    int searched = 0;
    long versions = 0;
    int maxVersions = 0;
    String maxSite = "";
    long derivations = 0;
    for (Trial t : trials) {
      firstTime += t.firstCompliant ? 1 : 0;
      searched += t.firstCompliant ? 0 : 1;
      versions += t.versionsSearched;
      if (t.versionsSearched > maxVersions) {
        maxVersions = t.versionsSearched;
        maxSite = t.site;
      }
      derivations += t.derivations;
    }
    System.out.printf(
        "rules acceptance through the CLI: %d sites in the data, %d impossible (site set exit 3,"
            + " nothing stored), %d satisfiable x %d phrases = %d trials; comply first time %d"
            + " (%.1f%%); comply after following the printed command once %d (%.1f%%, %d"
            + " followed); versions searched mean %.2f, max %d (%s); %d derivations (real PBKDF2, %d"
            + " thread%s); %d passwords checked by the JavaScript check, %d disagreements;"
            + " %.1f s through the CLI, %.1f s in all%n",
        domains.size(),
        impossible.size(),
        satisfiable.size(),
        phrases,
        trials.size(),
        firstTime,
        100.0 * firstTime / trials.size(),
        accepted,
        100.0 * accepted / trials.size(),
        searched,
        versions / (double) trials.size(),
        maxVersions,
        maxSite,
        derivations,
        phrases > 1 ? 2 : 1,
        phrases > 1 ? "s" : "",
        verdicts.size(),
        disagreements,
        cliSeconds,
        seconds);
    assertEquals(0, disagreements, shown.toString());
    assertEquals(satisfiable.size() * phrases, trials.size());
    assertEquals(trials.size(), accepted);
    assertEquals(413, satisfiable.size());
    assertEquals(21, impossible.size());
  }

  private Path home() {
    try {
      return Files.createTempDirectory(dir, "trial");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
