package dev.mint.cli.sites.store;

import dev.mint.cli.io.IoErrors;
import dev.mint.cli.sites.SitesException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;

/**
 * The checks ssh's StrictModes makes of its files, made of the sites file and every directory above
 * it (docs/THREAT_MODEL.md, C11 and C24): each must be owned by the user mint runs as or by root,
 * and writable by nobody else. Both the path as given and the path with its links resolved are
 * checked, from the file's directory up to {@code /}, or to the home directory when the path is in
 * it (ssh stops there too). One difference from ssh, for directories above the file's own only: a
 * root-owned sticky directory such as {@code /tmp} is accepted, because there the kernel lets
 * nobody but the owner rename or remove what another user made; the file's own directory must never
 * be shared.
 */
final class Ownership {
  private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};
  private static final int STICKY = 01000;
  private static final List<String> SYSTEM_DIRECTORIES =
      List.of("/etc", "/usr", "/var", "/dev", "/run", "/proc", "/sys", "/boot", "/opt", "/srv");

  private final UserPrincipal me;
  private final UserPrincipal root;
  private final Path home;

  private Ownership(UserPrincipal me, UserPrincipal root, Path home) {
    this.me = me;
    this.root = root;
    this.home = home;
  }

  /** Whether the platform has owners and modes to check (not Windows). */
  static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** The user this process runs as (the effective uid on Linux), root, and the home directory. */
  static Ownership current() {
    var lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    try {
      String uid = effectiveUid();
      UserPrincipal me =
          lookup.lookupPrincipalByName(uid != null ? uid : System.getProperty("user.name"));
      Path home = null;
      String userHome = System.getProperty("user.home");
      if (userHome != null && !userHome.isEmpty() && !userHome.equals("?")) {
        try {
          home = Path.of(userHome).toRealPath();
        } catch (IOException e) {
          home = null; // no home directory: the checks go up to '/'
        }
      }
      return new Ownership(me, lookup.lookupPrincipalByName("0"), home);
    } catch (IOException e) {
      throw SitesException.file(
          "cannot tell which user mint runs as (" + IoErrors.describe(e) + ")");
    }
  }

  /** From /proc/self/status ("Uid: real effective saved fs"), or null off Linux. */
  private static String effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.substring(4).trim().split("\\s+")[1];
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  boolean trusted(UserPrincipal owner) {
    return owner.equals(me) || owner.equals(root);
  }

  /**
   * Checks {@code dir}, the sites file's directory, and the directories above it, as given and with
   * links resolved; directories not made yet are skipped (mint makes them, 0700). The path is never
   * normalized as text: {@code link/..} is where the kernel takes it, the parent of the link's
   * target, not the directory holding the link. Returns the directory's real path (the part not
   * made yet appended), for {@link SitesDirectory#open} to compare with the directory it opens.
   */
  Path checkDirectories(Path dir) {
    Path given = dir.toAbsolutePath();
    if (posix()) {
      walk(given);
    }
    Path real = realPathOfExisting(given);
    if (posix() && !real.equals(given)) {
      walk(real);
    }
    return real;
  }

  /**
   * Checks the directory mint opened, from attributes read through the open handle, not through a
   * path: whatever a path led to, the directory written in is the user's or root's and writable by
   * nobody else. {@code shown} names it in messages.
   */
  void checkOpenedDirectory(Path shown, PosixFileAttributes attributes) {
    checkDirectory(shown, attributes, true);
  }

  private void walk(Path own) {
    for (Path p = own; p != null; p = p.getParent()) {
      PosixFileAttributes attributes = attributes(p);
      if (attributes != null && !attributes.isSymbolicLink()) {
        // a link is checked through the directory that holds it and, resolved, by the real walk;
        // a name '..' or '.' here is read where the kernel resolves it
        checkDirectory(p, attributes, p.equals(own));
      }
      if (p.equals(home)) {
        break;
      }
    }
  }

  /**
   * The real path of the longest existing beginning of {@code path}, resolved by the kernel
   * (realpath(3), so {@code ..} after a link goes where the kernel goes), then the rest as it is; a
   * {@code ..} or {@code .} in that rest, after a directory that does not exist, is refused.
   */
  private static Path realPathOfExisting(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing, NO_FOLLOW)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    int from = existing.getNameCount();
    if (from == path.getNameCount()) {
      return resolved(existing);
    }
    Path rest = path.subpath(from, path.getNameCount());
    for (Path name : rest) {
      if (name.toString().equals("..") || name.toString().equals(".")) {
        throw SitesException.file(path + ": no such directory (" + existing.resolve(name) + ")");
      }
    }
    return resolved(existing).resolve(rest);
  }

  private static Path resolved(Path existing) {
    try {
      return existing.toRealPath();
    } catch (IOException e) {
      throw SitesException.file(existing + ": cannot be resolved (" + IoErrors.describe(e) + ")");
    }
  }

  /**
   * The regular file that a write to {@code path} replaces, one rule for the sites file and for the
   * file {@code site export} writes (docs/THREAT_MODEL.md, C38): {@code path} itself when it is a
   * regular file or nothing yet (it is then created); when it is a symbolic link owned by the user
   * or root, the regular file it leads to, which is replaced while the link is kept. Refused: a
   * device, a pipe, a socket or a directory, a link another user owns, a link that leads nowhere or
   * to anything but a regular file, and a file another user owns ({@code ownerRefusal} ends that
   * message). {@code shown} names {@code path} in messages.
   */
  Path regularFile(Path path, String shown, String ownerRefusal) {
    BasicFileAttributes attributes = readOrNull(path);
    if (attributes == null) {
      return path;
    }
    Path file = path;
    String named = shown;
    if (attributes.isSymbolicLink()) {
      if (attributes instanceof PosixFileAttributes) {
        PosixFileAttributes link = (PosixFileAttributes) attributes;
        if (!trusted(link.owner())) {
          throw SitesException.file(
              shown
                  + ": a symbolic link owned by "
                  + link.owner().getName()
                  + ", not by you or root: not followed");
        }
      }
      try {
        file = path.toRealPath();
      } catch (IOException e) {
        throw SitesException.file(shown + ": a symbolic link to a file that cannot be reached");
      }
      attributes = readOrNull(file);
      named = shown + " -> " + file;
      if (attributes == null) {
        throw SitesException.file(shown + ": a symbolic link to a file that cannot be reached");
      }
    }
    if (!attributes.isRegularFile()) {
      throw SitesException.file(
          named
              + ": not a regular file ("
              + kind(attributes)
              + "): mint reads and writes only regular files");
    }
    if (attributes instanceof PosixFileAttributes
        && !trusted(((PosixFileAttributes) attributes).owner())) {
      throw SitesException.file(
          named
              + " is owned by "
              + ((PosixFileAttributes) attributes).owner().getName()
              + ", not by you or root"
              + ownerRefusal);
    }
    return file;
  }

  private static BasicFileAttributes readOrNull(Path p) {
    try {
      return posix()
          ? Files.readAttributes(p, PosixFileAttributes.class, NO_FOLLOW)
          : Files.readAttributes(p, BasicFileAttributes.class, NO_FOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw SitesException.file(p + ": cannot read what it is (" + IoErrors.describe(e) + ")");
    }
  }

  private static PosixFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, PosixFileAttributes.class, NO_FOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw SitesException.file(
          p + ": cannot read its owner and mode (" + IoErrors.describe(e) + ")");
    }
  }

  private static boolean sticky(Path p) {
    try {
      return (((Integer) Files.getAttribute(p, "unix:mode", NO_FOLLOW)) & STICKY) != 0;
    } catch (IOException | RuntimeException e) {
      return false; // no unix view: treated as not sticky, the stricter reading
    }
  }

  /** {@code own}: the sites file's own directory, which may never be shared (no sticky rule). */
  private void checkDirectory(Path p, PosixFileAttributes attributes, boolean own) {
    UserPrincipal owner = attributes.owner();
    if (!trusted(owner)) {
      throw SitesException.file(
          "directory "
              + p
              + " is owned by "
              + owner.getName()
              + ", not by you or root, who could replace the sites file under it: keep the sites"
              + " file in a directory of your own");
    }
    Set<PosixFilePermission> mode = attributes.permissions();
    if (!writableByOthers(mode)) {
      return;
    }
    boolean sticky = sticky(p);
    if (!own && sticky && owner.equals(root)) {
      return; // /tmp and the like above the file's own directory: see the class comment
    }
    throw SitesException.file(
        "directory "
            + p
            + " is writable by "
            + who(mode)
            + (sticky ? " (a shared directory)" : "")
            + ", who could replace the sites file in it: "
            + (owner.equals(me) && !sticky && !system(p)
                ? "run 'chmod 700 " + p + "'"
                : "keep the sites file in a private directory (set "
                    + SitesFile.ENV_FILE
                    + " to a path in a directory only you can write)"));
  }

  /**
   * Checks the sites file itself, from attributes read without following a link: a regular file,
   * owned by the user or root, writable by nobody else. {@code shown} names it in messages.
   */
  void checkFile(String shown, Path target, BasicFileAttributes attributes) {
    if (!attributes.isRegularFile()) {
      throw SitesException.file(
          shown + ": not a regular file (" + kind(attributes) + "), so not a sites file");
    }
    if (!(attributes instanceof PosixFileAttributes)) {
      return;
    }
    PosixFileAttributes posix = (PosixFileAttributes) attributes;
    if (!trusted(posix.owner())) {
      throw SitesException.file(
          target
              + " is owned by "
              + posix.owner().getName()
              + ", not by you or root, who could weaken its entries: keep your own sites file");
    }
    Set<PosixFilePermission> mode = posix.permissions();
    if (writableByOthers(mode)) {
      throw SitesException.file(
          target
              + " is writable by "
              + who(mode)
              + ", who could weaken its entries: "
              + (posix.owner().equals(me) && !system(target)
                  ? "run 'chmod 600 " + target + "'"
                  : "keep the sites file in a private directory"));
    }
  }

  /** A file the user made read-only (to keep it as it is) is not rewritten, as editors refuse. */
  static void checkWritable(Path target, BasicFileAttributes attributes) {
    if (attributes instanceof PosixFileAttributes
        && !((PosixFileAttributes) attributes)
            .permissions()
            .contains(PosixFilePermission.OWNER_WRITE)) {
      throw SitesException.file(
          target
              + " is read-only: mint does not change a file made read-only (run 'chmod 600 "
              + target
              + "' to let it)");
    }
  }

  static String kind(BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "a directory";
    }
    if (attributes.isSymbolicLink()) {
      return "a symbolic link";
    }
    return "a device, pipe or socket";
  }

  private boolean system(Path p) {
    Path absolute = p.toAbsolutePath();
    if (home != null && absolute.startsWith(home)) {
      return false;
    }
    if (absolute.getNameCount() <= 1) {
      return true; // /tmp, /srv, /x
    }
    return SYSTEM_DIRECTORIES.stream().anyMatch(s -> absolute.startsWith(Path.of(s)));
  }

  private static boolean writableByOthers(Set<PosixFilePermission> mode) {
    return mode.contains(PosixFilePermission.GROUP_WRITE)
        || mode.contains(PosixFilePermission.OTHERS_WRITE);
  }

  private static String who(Set<PosixFilePermission> mode) {
    boolean group = mode.contains(PosixFilePermission.GROUP_WRITE);
    boolean others = mode.contains(PosixFilePermission.OTHERS_WRITE);
    if (group && others) {
      return "group and others";
    }
    return group ? "its group" : "others";
  }
}
