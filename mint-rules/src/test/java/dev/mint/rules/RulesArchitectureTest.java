package dev.mint.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.mint.internal.SecretSeam;

/**
 * mint-rules reads its data from the jar only: no network (nothing is fetched at run time), no
 * files, no console, no command-line library (the CLI wires it), checked on the bytecode.
 */
@AnalyzeClasses(packages = "dev.mint.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class RulesArchitectureTest {
  @ArchTest
  static final ArchRule noNetworkFilesOrCli =
      noClasses()
          .that()
          .resideInAPackage("dev.mint.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.net..", "javax.net..", "java.nio.file..", "java.nio.channels..", "picocli..")
          .orShould()
          .dependOnClassesThat()
          .haveNameMatching("java\\.io\\.(File|RandomAccessFile|Console).*")
          .because("the rules are data in the jar; nothing is fetched or read from disk");

  @ArchTest
  static final ArchRule noPrinting =
      noClasses()
          .that()
          .resideInAPackage("dev.mint.rules..")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because("the caller decides what to show");

  /**
   * mint-rules is a client of mint-core's API: it encodes sampled bytes with {@code Mint.encode}
   * and normalizes with {@code Revision.normalizeSite}, not through the conformance stages (for
   * tools that check the page) nor mint-core's internals, which may change in any release. The test
   * seam is the exception: the version search's password copies are secret buffers (control C3).
   */
  @ArchTest
  static final ArchRule onlyMintCoresApi =
      noClasses()
          .that()
          .resideInAPackage("dev.mint.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.mint.conformance..")
          .orShould()
          .dependOnClassesThat(
              resideInAPackage("dev.mint.internal..").and(not(belongToAnyOf(SecretSeam.class))))
          .because("mint-rules uses the same API as any other client of mint-core");
}
