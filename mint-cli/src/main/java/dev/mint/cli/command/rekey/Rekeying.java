package dev.mint.cli.command.rekey;

import dev.mint.MintRequest;
import dev.mint.Password;
import dev.mint.PhraseCheck;
import dev.mint.cli.io.CliException;
import dev.mint.cli.io.Io;
import dev.mint.cli.io.Text;
import dev.mint.cli.io.Wipe;
import dev.mint.cli.phrase.HeldPhrase;
import dev.mint.cli.rules.RulesSearch;
import dev.mint.cli.sites.SitesException;
import dev.mint.cli.sites.model.Rotation;
import dev.mint.cli.sites.model.SiteBook;
import dev.mint.cli.sites.model.SiteEntry;
import dev.mint.cli.sites.policy.RecordedCheck;
import dev.mint.cli.sites.policy.Rotations;
import dev.mint.cli.sites.policy.Sites;
import dev.mint.cli.sites.store.SitesFile;
import dev.mint.internal.SecretSeam;
import dev.mint.rules.KnownSites;
import dev.mint.rules.SiteRules;
import dev.mint.rules.Suggestion;
import dev.mint.rules.VersionSearch;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The steps of a rotation under way that need the phrases, for {@code mint rekey show}, {@code
 * done} and the interactive walk: the sites to move, the pair of passwords of one site (the current
 * one and the new one), and one site marked moved. The phrases are held by the caller as {@link
 * HeldPhrase}s (hardened bytes, wiped on close and at exit); every password made here is a {@link
 * Password} the caller closes. The sites file is read anew at each step and changed under its lock,
 * so a walk and another mint running beside it lose nothing.
 */
public final class Rekeying {
  private final Io io;
  private final SitesFile file;

  private Rekeying(Io io, SitesFile file) {
    this.io = io;
    this.file = file;
  }

  /**
   * The rotation of the sites file of {@code io}'s environment.
   *
   * @throws SitesException (exit 3) when no rotation is under way; (exit 4) when the file cannot be
   *     used
   */
  public static Rekeying open(Io io) {
    Rekeying r = new Rekeying(io, SitesFile.of(io));
    r.rotation();
    return r;
  }

  /** The sites file. */
  public SitesFile file() {
    return file;
  }

  private SiteBook read() {
    if (!file.exists()) {
      throw SitesException.invalid(
          "rekey", "no rotation is under way: start one with 'mint rekey start'");
    }
    return file.read();
  }

  /** The rotation under way, read now. */
  public Rotation rotation() {
    return Rotations.underWay(read());
  }

  /** The check the sites not moved yet need: the file's recorded one. */
  public PhraseCheck recordedCheck() {
    return RecordedCheck.in(read(), file.name());
  }

  /** The sites not moved yet, in file order, read now. */
  public List<SiteEntry> toMove() {
    SiteBook book = read();
    Rotations.underWay(book);
    return Rotations.toMove(Sites.of(book));
  }

  /** The sites moved, in file order, read now. */
  public List<SiteEntry> moved() {
    SiteBook book = read();
    Rotations.underWay(book);
    return Rotations.moved(Sites.of(book));
  }

  /**
   * The entry that {@code typedSite} and {@code account} (null: none given) name.
   *
   * @throws SitesException (exit 3) when there is none, or it does not move ({@link
   *     Rotations#entryToMove})
   */
  public SiteEntry find(String typedSite, String account) {
    SiteBook book = read();
    Rotations.underWay(book);
    return Rotations.entryToMove(Sites.of(book), typedSite, account, file.name());
  }

  /**
   * Refuses a current phrase whose check is not the recorded one, and a new phrase whose check is
   * not the rotation's (exit 3; one line naming the two checks, never the phrase). {@code next} is
   * null with {@code --keep-phrase}.
   */
  public void requireChecks(PhraseCheck current, PhraseCheck next) {
    PhraseCheck recorded = recordedCheck();
    if (recorded != null && !recorded.equals(current)) {
      throw CliException.invalidInput(
          "phrase check mismatch: typed "
              + current
              + " for the current phrase, recorded "
              + recorded);
    }
    Rotation rotation = rotation();
    if (rotation.movesPhrase() && next != null && !rotation.phraseCheck().equals(next)) {
      throw CliException.invalidInput(
          "phrase check mismatch: typed "
              + next
              + " for the new phrase, 'mint rekey start' recorded "
              + rotation.phraseCheck());
    }
  }

  /**
   * The two passwords of one site.
   *
   * @param entry the entry, as read
   * @param currentRequest what gives its password now
   * @param newRequest what gives its new password: the new settings, with the version chosen
   * @param current its password now
   * @param next its new password
   */
  public record Pair(
      SiteEntry entry,
      MintRequest currentRequest,
      MintRequest newRequest,
      Password current,
      Password next)
      implements AutoCloseable {
    /** Wipes both passwords. */
    @Override
    public void close() {
      current.close();
      next.close();
    }
  }

  /**
   * The pair of passwords of {@code entry}: the current one from its stored settings and {@code
   * current}, the new one from its new settings and {@code next} ({@code current} again with {@code
   * --keep-phrase}). The new settings' version is the one recorded by an earlier {@code show}, or
   * else chosen now and recorded (under the file's lock): from 1, the first whose password the
   * site's known password rules accept (the search derive runs for a new entry, its lines on
   * standard error), and with the phrase kept, never one whose password is the current one. {@code
   * done} then stores exactly these settings.
   *
   * @param where what starts each line of the search after {@code mint: }
   */
  public Pair pair(SiteEntry entry, HeldPhrase current, HeldPhrase next, String where) {
    Rotation rotation = rotation();
    MintRequest currentRequest = entry.settings();
    Password now = current.mint(currentRequest);
    boolean samePhrase = next == current || !rotation.movesPhrase();
    Password later = null;
    try {
      String version = entry.rekey().version();
      MintRequest newRequest;
      if (version != null) {
        newRequest = Rotations.newSettings(entry, rotation, version);
        later = next.mint(newRequest);
      } else {
        Password[] found = {null};
        newRequest = choose(entry, rotation, now, next, samePhrase, where, found);
        later = found[0];
        String chosen = newRequest.version();
        Sites.update(
            file,
            sites -> {
              SiteEntry stored =
                  Rotations.entryToMove(sites, entry.site(), accountOf(entry), file.name());
              if (!stored.settings().equals(entry.settings())) {
                // another mint changed them meanwhile: the version was chosen for the old ones
                throw SitesException.invalid(
                    "site",
                    Text.printable(entry.label())
                        + "'s settings changed while its passwords were made: show it again;"
                        + " nothing stored");
              }
              return Rotations.chose(sites, stored, chosen);
            });
      }
      Pair pair = new Pair(entry, currentRequest, newRequest, now, later);
      now = null;
      later = null;
      return pair;
    } finally {
      if (now != null) {
        now.close();
      }
      if (later != null) {
        later.close();
      }
    }
  }

  /**
   * The new settings of {@code entry}, chosen and recorded as {@link #pair} does, without holding
   * either password: for the interactive walk, which derives each password only to show it, as a
   * collection during a derivation copies every secret array alive where no wipe reaches (R27). The
   * current password is derived only with the phrase kept, to be told from the candidates.
   */
  public MintRequest newSettings(
      SiteEntry entry, HeldPhrase current, HeldPhrase next, String where) {
    Rotation rotation = rotation();
    String version = entry.rekey().version();
    if (version != null) {
      return Rotations.newSettings(entry, rotation, version);
    }
    boolean samePhrase = next == current || !rotation.movesPhrase();
    Password[] found = {null};
    try (Password now = samePhrase ? current.mint(entry.settings()) : null) {
      MintRequest chosen = choose(entry, rotation, now, next, samePhrase, where, found);
      Sites.update(
          file,
          sites ->
              Rotations.chose(
                  sites,
                  Rotations.entryToMove(sites, entry.site(), accountOf(entry), file.name()),
                  chosen.version()));
      return chosen;
    } finally {
      if (found[0] != null) {
        found[0].close();
      }
    }
  }

  /** The account to find {@code entry} again by: {@code -} for the entry without one. */
  static String accountOf(SiteEntry entry) {
    return entry.account() == null ? Sites.NO_ACCOUNT : entry.account();
  }

  /** The new settings with their version chosen; the password of it into {@code found[0]}. */
  private MintRequest choose(
      SiteEntry entry,
      Rotation rotation,
      Password now,
      HeldPhrase next,
      boolean samePhrase,
      String where,
      Password[] found) {
    MintRequest request = Rotations.newSettings(entry, rotation, "1");
    Optional<SiteRules> rules =
        KnownSites.mayKnow(request.site()) ? RulesSearch.of(request.site()) : Optional.empty();
    if (rules.isPresent()
        && Suggestion.versionCannotFix(rules.get().rules(), rules.get().domain(), request)
            .isEmpty()) {
      int from = 1;
      while (from <= 9999) {
        VersionSearch.Result result =
            RulesSearch.search(
                io, where, request.toBuilder().version(from).build(), rules.get(), next::mint);
        if (!result.found()) {
          result.close();
          io.err()
              .println(
                  "mint: "
                      + where
                      + "no version found makes a password "
                      + Text.printable(rules.get().domain())
                      + " accepts with the new settings: the first version is chosen");
          break;
        }
        if (samePhrase && same(result.password(), now)) {
          from = result.version().getAsInt() + 1;
          result.close();
          continue;
        }
        found[0] = result.password(); // the caller's now
        return result.request();
      }
    }
    for (int v = 1; v <= 9999; v++) {
      MintRequest candidate = request.toBuilder().version(v).build();
      Password password = next.mint(candidate);
      if (samePhrase && same(password, now)) {
        password.close();
        continue;
      }
      found[0] = password;
      return candidate;
    }
    throw new IllegalStateException("no version gives a new password"); // not reached
  }

  /** Whether two passwords are the same, through arrays that are wiped. */
  private static boolean same(Password a, Password b) {
    char[] x = SecretSeam.allocated(a.toCharArray());
    char[] y = SecretSeam.allocated(b.toCharArray());
    try {
      return Arrays.equals(x, y);
    } finally {
      Wipe.chars(x);
      Wipe.chars(y);
    }
  }

  /**
   * Marks {@code entry} moved today (under the file's lock): from now on it gives the password of
   * the new settings {@link #pair} chose, with the new phrase.
   *
   * @throws SitesException (exit 3) when no version was chosen for it yet
   */
  public SiteEntry done(SiteEntry entry) {
    return done(entry.site(), accountOf(entry));
  }

  /** As {@link #done(SiteEntry)}, for the entry {@code typedSite} and {@code account} name. */
  public SiteEntry done(String typedSite, String account) {
    return Sites.update(
        file,
        sites -> {
          Rotations.underWay(sites.book());
          SiteEntry e = Rotations.entryToMove(sites, typedSite, account, file.name());
          return Rotations.done(sites, e, SitesFile.today());
        });
  }
}
