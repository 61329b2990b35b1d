package dev.mint;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.elements.GivenClassesConjunction;
import dev.mint.conformance.Stages;
import dev.mint.internal.Encoding;
import dev.mint.internal.FiveStages;
import dev.mint.internal.Hardening;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Control C6 (docs/THREAT_MODEL.md): mint-core touches no network, no files, no logging and no
 * reflective (de)serialization, so that nothing it does with a phrase can leave the process except
 * through its return values. Checked on mint-core's compiled classes (tests excluded) with
 * ArchUnit, which reads the bytecode: a use through a fully qualified name or a lambda counts too.
 */
@AnalyzeClasses(
    packages = "dev.mint",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      CoreArchitectureTest.NotTestSupport.class
    })
class CoreArchitectureTest {

  /**
   * The test-support module (dev.mint.testing) is on the test class path as main classes, a jar or
   * its build directory; it is no part of mint-core and may touch files and print.
   */
  static final class NotTestSupport implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/dev/mint/testing/");
    }
  }

  @ArchTest
  static final ArchRule noNetwork =
      noClassOfMint()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.net..", "javax.net..")
          .because("mint-core has no business on the network");

  @ArchTest
  static final ArchRule noFileAccess =
      noClassOfMint()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.nio.file..", "java.nio.channels..")
          .orShould()
          .dependOnClassesThat()
          .haveNameMatching("java\\.io\\.(File|RandomAccessFile).*")
          .because("mint-core reads and writes no files: the caller decides where secrets go");

  @ArchTest
  static final ArchRule noLogging =
      noClassOfMint()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.util.logging..",
              "org.slf4j..",
              "org.apache.logging..",
              "org.apache.commons.logging..",
              "ch.qos.logback..")
          .orShould()
          .dependOnClassesThat()
          .haveNameMatching("java\\.lang\\.System\\$Logger.*")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.lang.System$LoggerFinder")
          .because("a log line is an output mint does not control");

  @ArchTest
  static final ArchRule noConsoleOrStackTraces =
      noClassOfMint()
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .orShould()
          .callMethod(Throwable.class, "printStackTrace")
          .because("the library writes nothing anywhere; output is the caller's business");

  @ArchTest
  static final ArchRule noReflectiveDeserialization =
      noClassOfMint()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.lang.reflect..",
              "java.beans..",
              "com.fasterxml..",
              "com.google.gson..",
              "org.yaml..",
              "javax.xml..",
              "org.w3c..",
              "org.xml..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.ObjectInputStream")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("java.io.ObjectOutputStream")
          .because("nothing in mint-core turns untrusted bytes into objects");

  /**
   * The positive form of the rules above: what mint-core may use at all. A new package here is a
   * decision to review against docs/THREAT_MODEL.md, not a side effect of an import.
   */
  @ArchTest
  static final ArchRule onlyTheJdkBasics =
      classes()
          .that()
          .resideInAPackage("dev.mint..")
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage(
                      "dev.mint..",
                      "java.lang",
                      "java.lang.invoke",
                      "java.util..",
                      "java.nio",
                      "java.nio.charset..",
                      "java.security..",
                      "javax.crypto..",
                      "java.math..",
                      "")
                  // to read its own PGP word list resource (PgpWords), no more of java.io
                  .or(
                      belongToAnyOf(
                          InputStream.class, IOException.class, UncheckedIOException.class)))
          .because("mint-core has no runtime dependency: the JDK's basics only");

  /**
   * Control C3 and C20: the page's stage order is written once, in {@link MintKey} ({@link
   * Mint#derive} goes through it; the facade {@code dev.mint.conformance.Stages} runs one stage per
   * call, and {@link Mint#encode} the last stage alone, on bytes its caller gives). A second copy
   * of the order elsewhere would be a second place to keep in step with the page and to wipe by
   * hand.
   */
  @ArchTest
  static final ArchRule theStageOrderIsWrittenOnce =
      noClassOfMintBut(MintKey.class, FiveStages.class, Stages.class)
          .should()
          .callMethod(
              FiveStages.class,
              "derive",
              byte[].class,
              String.class,
              Level.class,
              Pbkdf2Engine.class)
          .because("MintKey is the one place that derives from the hardened bytes");

  @ArchTest
  static final ArchRule theEncodingStageHasTwoCallersAndTheFacade =
      noClassOfMintBut(MintKey.class, Mint.class, FiveStages.class, Stages.class)
          .should()
          .callMethod(FiveStages.class, "encode", byte[].class, MintRequest.class)
          .because("MintKey encodes what it derives; Mint.encode is the last stage alone");

  @ArchTest
  static final ArchRule theStagesRunOnlyThroughTheirOwnClass =
      noClassOfMintBut(FiveStages.class)
          .should()
          .callMethod(Hardening.class, "harden", char[].class)
          .orShould()
          .callMethod(Encoding.class, "encode", byte[].class, MintRequest.class)
          .because("each stage has one entry point, FiveStages, which MintKey and the facades use");

  /**
   * {@code dev.mint.conformance} is a facade: each of its methods hands its arguments to {@link
   * FiveStages} and adds nothing, so the stages a conformance tool checks are the ones {@link
   * MintKey} runs.
   */
  @ArchTest
  static final ArchRule theConformancePackageIsAFacadeOverTheStages =
      classes()
          .that()
          .resideInAPackage("dev.mint.conformance..")
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage("dev.mint", "dev.mint.conformance..", "java.lang")
                  .or(belongToAnyOf(FiveStages.class)))
          .because("a second implementation of a stage would be checked instead of the real one");

  /**
   * The internal package serves the API; it never calls back into {@link Mint}, {@link MintKey} or
   * the conformance facade, so the API is the one entry and the stages have no cycle through it.
   */
  @ArchTest
  static final ArchRule theInternalPackageDoesNotCallTheApiBack =
      noClasses()
          .that()
          .resideInAPackage("dev.mint.internal..")
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(Mint.class, MintKey.class, PhraseCheck.class, Stages.class)
          .because("dev.mint.internal is beneath the API, not beside it");

  /** The everyday API needs nothing of the conformance package: it can be left out of reading. */
  @ArchTest
  static final ArchRule theEverydayApiDoesNotUseTheConformancePackage =
      noClasses()
          .that()
          .resideInAPackage("dev.mint")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.mint.conformance..")
          .because("dev.mint.conformance sits on top of dev.mint, for conformance tools only");

  /** A secret array is held by its own class only, which wipes it (MintKey, Password, ...). */
  @ArchTest
  static final ArchRule secretArraysArePrivateFinalFields =
      fields()
          .that()
          .areDeclaredInClassesThat()
          .resideInAPackage("dev.mint..")
          .and()
          .haveRawType(byte[].class)
          .or()
          .areDeclaredInClassesThat()
          .resideInAPackage("dev.mint..")
          .and()
          .haveRawType(char[].class)
          .should()
          .bePrivate()
          .andShould()
          .beFinal()
          .because("only the class that holds a secret array can wipe it, and it never swaps it");

  /** No class of mint-core: the start of a rule that no class of it breaks. */
  private static GivenClassesConjunction noClassOfMint() {
    return noClasses().that().resideInAPackage("dev.mint..");
  }

  /** No class of mint-core but {@code allowed}: the start of a rule that keeps a call to them. */
  private static GivenClassesConjunction noClassOfMintBut(Class<?>... allowed) {
    return noClassOfMint().and().doNotBelongToAnyOf(allowed);
  }
}
