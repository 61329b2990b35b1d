import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The test-names check: fails when a test class under a module's src/test/java would be run by
 * neither Surefire nor Failsafe, so that no test is silently left out of the build.
 *
 * <p>Run by the parent pom in validate, in every module, with the JDK's source launcher:
 *
 * <pre>java .ci/TestNames.java MODULE_DIR UNIT_INCLUDE INTEGRATION_INCLUDE</pre>
 *
 * where the includes are Surefire's and Failsafe's include patterns of the parent pom (the
 * properties mint.tests.unit and mint.tests.integration: every class named *Test, every class
 * named *IT). Failsafe's counts only where Failsafe runs: where the module's pom, or the parent
 * pom in the directory above it, binds its integration-test goal in build/plugins. The sources
 * of MODULE_DIR/src/test/java are parsed (not compiled) with javac's own parser. A class holds tests when one of
 * its methods carries {@code @Test}, {@code @Property}, {@code @Example}, {@code
 * @ParameterizedTest}, {@code @TestFactory}, {@code @RepeatedTest} or {@code @TestTemplate}, or
 * when it extends such a class of the same source tree. Then:
 *
 * <ul>
 *   <li>a top-level class that is not abstract is run only if its name (package path and class
 *       name, as Surefire matches class files) matches an include;
 *   <li>an abstract class or an interface is never run itself, its tests run in the classes that
 *       extend it, which are checked as above;
 *   <li>a member class is run only as part of its enclosing class, and only when it is an inner
 *       (non-static) class marked {@code @Nested} (JUnit Jupiter) or {@code @Group} (jqwik):
 *       Surefire and Failsafe leave out nested class files (names holding '$'), and neither
 *       engine finds a static nested class through the enclosing one. Such a member's tests
 *       count as its enclosing class's.
 * </ul>
 *
 * Prints one line for each class that would not run and exits 1; exits 0 when every test class
 * runs (also when the directory does not exist: a module without tests).
 */
public class TestNames {
  private static final Set<String> TEST_ANNOTATIONS =
      Set.of(
          "Test",
          "Property",
          "Example",
          "ParameterizedTest",
          "TestFactory",
          "RepeatedTest",
          "TestTemplate");
  private static final Set<String> RUN_AS_PART_OF_ENCLOSING = Set.of("Nested", "Group");

  /** Marks an interface: its member classes are static. Never a class name of the tree. */
  private static final String INTERFACE = "<interface>";

  /** One class declaration of the tree, top-level or member. */
  private static final class Type {
    final String name;
    final Path file;
    final long line;
    final boolean topLevel;
    final boolean isAbstract;
    final boolean runWithEnclosing;
    final String superclass;
    final Type enclosing;
    final List<Type> members = new ArrayList<>();
    boolean ownTests;

    Type(
        String name,
        Path file,
        long line,
        boolean topLevel,
        boolean isAbstract,
        boolean runWithEnclosing,
        String superclass,
        Type enclosing) {
      this.name = name;
      this.file = file;
      this.line = line;
      this.topLevel = topLevel;
      this.isAbstract = isAbstract;
      this.runWithEnclosing = runWithEnclosing;
      this.superclass = superclass;
      this.enclosing = enclosing;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println(
          "usage: java TestNames.java MODULE_DIR UNIT_INCLUDE INTEGRATION_INCLUDE");
      System.exit(2);
    }
    Path module = Path.of(args[0]).toAbsolutePath().normalize();
    List<String> includes = new ArrayList<>(List.of(args[1]));
    if (failsafeRuns(module.resolve("pom.xml"))
        || failsafeRuns(module.resolveSibling("pom.xml"))) {
      includes.add(args[2]);
    }
    List<String> problems = check(module.resolve("src/test/java"), includes);
    for (String problem : problems) {
      System.out.println(problem);
    }
    if (!problems.isEmpty()) {
      System.out.println(
          problems.size()
              + " test class(es) would not be run by Surefire or Failsafe: name a test class"
              + " *Test (jqwik properties *PropertyTest), or *IT in a module that runs failsafe,"
              + " mark an inner class of tests"
              + " @Nested (jqwik: @Group), or make a base class of tests abstract");
      System.exit(1);
    }
  }

  /** Whether the pom binds failsafe's integration-test goal in its build (not in a profile). */
  private static boolean failsafeRuns(Path pom) throws Exception {
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    Document document = factory.newDocumentBuilder().parse(pom.toFile());
    String goal =
        "/project/build/plugins/plugin[artifactId='maven-failsafe-plugin']"
            + "/executions/execution/goals/goal[normalize-space()='integration-test']";
    NodeList goals =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(goal, document, XPathConstants.NODESET);
    return goals.getLength() > 0;
  }

  static List<String> check(Path root, List<String> includes) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> sources;
    try (Stream<Path> walk = Files.walk(root)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    if (sources.isEmpty()) {
      return List.of();
    }
    List<Type> types = parse(root, sources);

    // the classes that hold tests, directly, through a @Nested/@Group member, or inherited
    Map<String, List<Type>> bySimpleName = new HashMap<>();
    for (Type type : types) {
      bySimpleName.computeIfAbsent(type.name, n -> new ArrayList<>()).add(type);
    }
    Set<Type> holding = new HashSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Type type : types) {
        if (!holding.contains(type) && holdsTests(type, holding, bySimpleName)) {
          holding.add(type);
          grew = true;
        }
      }
    }

    List<String> problems = new ArrayList<>();
    for (Type type : types) {
      if (!holding.contains(type) || type.isAbstract) {
        continue;
      }
      String where = root.relativize(type.file) + ":" + type.line + ": ";
      if (type.topLevel) {
        Path classPath = root.relativize(type.file).resolveSibling(type.name + ".java");
        if (!matchesAny(classPath, includes)) {
          problems.add(where + "class " + type.name + " holds tests but its name matches none of " + includes);
        }
      } else if (!type.runWithEnclosing) {
        problems.add(
            where
                + "nested class "
                + type.enclosing.name
                + "."
                + type.name
                + " holds tests but is not an inner class marked @Nested or @Group");
      }
    }
    return problems;
  }

  private static boolean holdsTests(
      Type type, Set<Type> holding, Map<String, List<Type>> bySimpleName) {
    if (type.ownTests) {
      return true;
    }
    for (Type member : type.members) {
      if (member.runWithEnclosing && holding.contains(member)) {
        return true;
      }
    }
    if (type.superclass != null) {
      for (Type parent : bySimpleName.getOrDefault(type.superclass, List.of())) {
        if (holding.contains(parent)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesAny(Path classPath, List<String> includes) {
    for (String include : includes) {
      // Surefire's "**/" also matches no directory at all (a class of the unnamed package)
      if (glob(include).matches(classPath)
          || (include.startsWith("**/")
              && classPath.getNameCount() == 1
              && glob(include.substring(3)).matches(classPath))) {
        return true;
      }
    }
    return false;
  }

  private static PathMatcher glob(String pattern) {
    return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
  }

  private static List<Type> parse(Path root, List<Path> sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<Type> types = new ArrayList<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("-proc:none"),
                  null,
                  files.getJavaFileObjectsFromPaths(sources));
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      for (CompilationUnitTree unit : task.parse()) {
        Path file = Path.of(unit.getSourceFile().toUri()).normalize();
        for (Tree declaration : unit.getTypeDecls()) {
          if (declaration instanceof ClassTree type) {
            collect(type, null, unit, file, positions, types);
          }
        }
      }
    }
    if (diagnostics.getDiagnostics().stream()
        .anyMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)) {
      diagnostics.getDiagnostics().forEach(d -> System.out.println(d));
      throw new IOException("the test sources under " + root + " do not parse");
    }
    return types;
  }

  private static void collect(
      ClassTree tree,
      Type enclosing,
      CompilationUnitTree unit,
      Path file,
      SourcePositions positions,
      List<Type> types) {
    ModifiersTree modifiers = tree.getModifiers();
    Set<Modifier> flags = modifiers.getFlags();
    boolean isInterface =
        tree.getKind() == Tree.Kind.INTERFACE || tree.getKind() == Tree.Kind.ANNOTATION_TYPE;
    // members of an interface are static whether or not they say so
    boolean isStatic =
        flags.contains(Modifier.STATIC)
            || tree.getKind() != Tree.Kind.CLASS
            || (enclosing != null && enclosing.isAbstract && enclosing.superclass == INTERFACE);
    boolean inner = enclosing != null && !isStatic;
    long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
    Type type =
        new Type(
            tree.getSimpleName().toString(),
            file,
            line,
            enclosing == null,
            isInterface || flags.contains(Modifier.ABSTRACT),
            inner && annotated(modifiers, RUN_AS_PART_OF_ENCLOSING),
            isInterface ? INTERFACE : simpleName(tree.getExtendsClause()),
            enclosing);
    types.add(type);
    if (enclosing != null) {
      enclosing.members.add(type);
    }
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method
          && annotated(method.getModifiers(), TEST_ANNOTATIONS)) {
        type.ownTests = true;
      } else if (member instanceof ClassTree nested) {
        collect(nested, type, unit, file, positions, types);
      }
    }
  }

  private static boolean annotated(ModifiersTree modifiers, Set<String> names) {
    for (AnnotationTree annotation : modifiers.getAnnotations()) {
      if (names.contains(simpleName(annotation.getAnnotationType()))) {
        return true;
      }
    }
    return false;
  }

  private static String simpleName(Tree type) {
    if (type == null) {
      return null;
    }
    if (type instanceof ParameterizedTypeTree parameterized) {
      return simpleName(parameterized.getType());
    }
    if (type instanceof MemberSelectTree select) {
      return select.getIdentifier().toString();
    }
    if (type instanceof IdentifierTree identifier) {
      return identifier.getName().toString();
    }
    return type.toString();
  }
}
