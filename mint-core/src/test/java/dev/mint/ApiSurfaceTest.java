package dev.mint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * mint-core's public API, written down and guarded: every public or protected class, constructor,
 * method and field of the packages that {@code module-info.java} exports, as one sorted line each,
 * must be exactly what {@value #API_FILE} holds. A change to the API is then a change to that file
 * too, which a reviewer sees in the diff; a change that reaches the API by accident (a method made
 * public, a parameter type changed, a constant's value, a new exported package) fails here.
 *
 * <p>To accept a reviewed change, rewrite the file and commit it with the change:
 *
 * <pre>
 * mvn -B -ntp -pl mint-core -am test -Dtest=ApiSurfaceTest -Dmint.api.accept=true
 * </pre>
 */
class ApiSurfaceTest {
  static final String API_FILE = "api/dev.mint.api.txt";

  static final String ACCEPT =
      "mvn -B -ntp -pl mint-core -am test -Dtest=ApiSurfaceTest -Dmint.api.accept=true";

  @Test
  void theExportedApiIsTheReviewedOne() throws Exception {
    Path file = Path.of(System.getProperty("mint.core.dir", ".")).resolve(API_FILE);
    List<String> actual = surface();
    if (Boolean.getBoolean("mint.api.accept")) {
      Files.createDirectories(file.getParent());
      Files.write(file, actual, StandardCharsets.UTF_8);
      System.out.printf("api: wrote %d lines to %s%n", actual.size(), file);
      return;
    }
    assertTrue(Files.isRegularFile(file), () -> file + " is missing; write it with: " + ACCEPT);
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    System.out.printf("api: %d signatures, compared with %s%n", actual.size(), file);
    if (!expected.equals(actual)) {
      fail(difference(expected, actual));
    }
  }

  /** The exported packages are read from the module descriptor, not listed here a second time. */
  @Test
  void theExportedPackagesAreTheApiAndTheConformanceFacade() throws IOException {
    assertEquals(Set.of("dev.mint", "dev.mint.conformance"), exportedPackages());
  }

  /** The lines {@code -} (only in the file) and {@code +} (only in the code), and what to do. */
  static String difference(List<String> expected, List<String> actual) {
    Set<String> was = new TreeSet<>(expected);
    Set<String> now = new TreeSet<>(actual);
    StringBuilder out =
        new StringBuilder("mint-core's public API differs from ")
            .append(API_FILE)
            .append(" (- in the file only, + in the code only):\n");
    for (String line : was) {
      if (!now.contains(line)) {
        out.append("- ").append(line).append('\n');
      }
    }
    for (String line : now) {
      if (!was.contains(line)) {
        out.append("+ ").append(line).append('\n');
      }
    }
    if (was.equals(now)) {
      out.append("(the same lines, in another order or repeated)\n");
    }
    return out.append(
            "If the change is meant (CONTRIBUTING.md, \"Public API\"), accept it and commit the"
                + " file with it: ")
        .append(ACCEPT)
        .toString();
  }

  /** One sorted line a type and a member: {@code <class> <what javadoc would show>}. */
  static List<String> surface() throws IOException, ClassNotFoundException {
    Set<String> lines = new TreeSet<>();
    for (Class<?> type : exportedTypes()) {
      String name = type.getName();
      lines.add(name + " " + typeLine(type));
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c)) {
          lines.add(name + " " + c.toGenericString());
        }
      }
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
          lines.add(name + " " + m.toGenericString());
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f) && !f.isSynthetic()) {
          lines.add(name + " " + fieldLine(f));
        }
      }
    }
    return new ArrayList<>(lines);
  }

  private static boolean visible(Member member) {
    return (member.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) != 0;
  }

  /** The type with what it extends and implements, which a client may rely on too. */
  private static String typeLine(Class<?> type) {
    StringBuilder line = new StringBuilder(type.toGenericString());
    Type superclass = type.getGenericSuperclass();
    if (superclass != null && superclass != Object.class && !type.isEnum()) {
      line.append(" extends ").append(superclass.getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ")
          .append(
              Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
    }
    return line.toString();
  }

  /** A constant's value is part of the API: the compiler copies it into its callers. */
  private static String fieldLine(Field f) {
    String line = f.toGenericString();
    int constant = Modifier.STATIC | Modifier.FINAL;
    boolean inlined = f.getType().isPrimitive() || f.getType() == String.class;
    if ((f.getModifiers() & constant) == constant && inlined) {
      try {
        Object value = f.get(null);
        line += " = " + (value instanceof String ? '"' + (String) value + '"' : value);
      } catch (IllegalAccessException e) {
        throw new AssertionError(f + " is public and yet not readable", e);
      }
    }
    return line;
  }

  /** The public and protected types, nested ones too, of every exported package. */
  private static List<Class<?>> exportedTypes() throws IOException, ClassNotFoundException {
    Path classes = classesDirectory();
    List<Class<?>> types = new ArrayList<>();
    for (String pkg : exportedPackages()) {
      Path dir = classes.resolve(pkg.replace('.', '/'));
      List<String> names;
      try (Stream<Path> files = Files.list(dir)) {
        names =
            files
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".class") && !n.equals("package-info.class"))
                .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length()))
                .sorted()
                .collect(Collectors.toList());
      }
      for (String name : names) {
        Class<?> type = Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
        if (reachable(type)) {
          types.add(type);
        }
      }
    }
    return types;
  }

  /** Public or protected itself and in every enclosing type; anonymous and local ones are not. */
  private static boolean reachable(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (t.isAnonymousClass()
          || t.isLocalClass()
          || t.isSynthetic()
          || (t.getModifiers() & (Modifier.PUBLIC | Modifier.PROTECTED)) == 0) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> exportedPackages() throws IOException {
    try (InputStream in = Files.newInputStream(classesDirectory().resolve("module-info.class"))) {
      // a qualified export ("exports ... to") would be API for the modules it names: counted too
      return ModuleDescriptor.read(in).exports().stream()
          .map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Path classesDirectory() {
    try {
      return Path.of(Mint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
