package dev.mint.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
}
