package dev.mint.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of mint-cli and what each may use (issue 16), checked on the compiled classes (tests
 * excluded) with ArchUnit, which reads the bytecode, so a fully qualified name or a lambda counts
 * too. In the style of mint-core's {@code CoreArchitectureTest}.
 *
 * <ul>
 *   <li>{@code dev.mint.cli}: {@code Main} and {@code MintCli}, which wire the commands, with what
 *       runs them ({@code ArgumentGuard}, {@code Failures}) and the base command; nothing outside
 *       points back at it but to the base command;
 *   <li>{@code usage}: a usage error's message and the suggestions for a mistyped name, on picocli
 *       alone, for the wiring and the commands alike;
 *   <li>{@code command} (and {@code command.site}): the commands, which nothing else uses;
 *   <li>{@code options}: the picocli mixins;
 *   <li>{@code sites}: the sites file and its model, on mint-core, {@code io} and Jackson;
 *   <li>{@code phrase}: where the phrase comes from and how it is held, on mint-core and {@code
 *       io};
 *   <li>{@code output}: where a password goes, on mint-core, {@code io} and the QR code library;
 *   <li>{@code rules}: the sites' known password rules (mint-only), on mint-rules, mint-core and
 *       {@code io};
 *   <li>{@code io}: the streams, terminals and exit codes.
 * </ul>
 */
@AnalyzeClasses(packages = "dev.mint.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
  /**
   * mint-core's packages: {@code dev.mint} and below, except the CLI, mint-vectors and mint-rules.
   */
  private static final DescribedPredicate<JavaClass> MINT_CORE =
      resideInAPackage("dev.mint..")
          .and(not(resideInAnyPackage("dev.mint.cli..", "dev.mint.vectors..", "dev.mint.rules..")))
          .as("mint-core");

  private static final DescribedPredicate<JavaClass> JDK = resideInAPackage("java..").as("the JDK");

  private static final DescribedPredicate<JavaClass> IO =
      resideInAPackage("dev.mint.cli.io..").as("dev.mint.cli.io");

  /**
   * {@code dev.mint.cli} itself: {@code Main}, {@code MintCli} and what they run a command line
   * with. The base of every command ({@code StandardCommand}, with {@code MintCommand}'s version
   * provider) is the one part of it a command builds on.
   */
  private static final DescribedPredicate<JavaClass> WIRING =
      resideInAPackage("dev.mint.cli")
          .and(not(belongToAnyOf(StandardCommand.class, MintCommand.class)))
          .as("the wiring (dev.mint.cli, its base command aside)");

  @ArchTest
  static final ArchRule nothingPointsBackAtTheWiring =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.mint.cli")
          .should()
          .dependOnClassesThat(WIRING)
          .because(
              "the wiring builds the command line from the commands, never the other way round:"
                  + " what a command and the wiring both need (a usage error's message, the"
                  + " suggestions) is in dev.mint.cli.usage");

  @ArchTest
  static final ArchRule nothingDependsOnTheCommands =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.mint.cli.command..", "dev.mint.cli")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.mint.cli.command..")
          .because("a command is a leaf: only MintCli, which wires them, knows the commands");

  @ArchTest
  static final ArchRule theSitesModelStandsAlone =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.sites..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("dev.mint.cli.sites..")
                  .or(MINT_CORE)
                  .or(IO)
                  .or(JDK)
                  .or(resideInAPackage("com.fasterxml.jackson..").as("Jackson")))
          .because(
              "the sites file and its model know no command line (no picocli, no commands): their"
                  + " failures are SitesExceptions that MintCli maps to exit codes");

  @ArchTest
  static final ArchRule thePhraseSideStandsAlone =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.phrase..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("dev.mint.cli.phrase..").or(MINT_CORE).or(IO).or(JDK))
          .because("reading and holding the phrase needs nothing but mint-core and the streams");

  @ArchTest
  static final ArchRule theOutputsStandAlone =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.output..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("dev.mint.cli.output..")
                  .or(MINT_CORE)
                  .or(IO)
                  .or(JDK)
                  .or(resideInAPackage("io.nayuki.qrcodegen..").as("qrcodegen")))
          .because("a password sink needs nothing but mint-core, the streams and its device");

  @ArchTest
  static final ArchRule theRulesStandAlone =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.rules..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("dev.mint.cli.rules..")
                  .or(resideInAPackage("dev.mint.rules..").as("mint-rules"))
                  .or(MINT_CORE)
                  .or(IO)
                  .or(JDK))
          .because(
              "what mint says about a site's password rules needs the rules, mint-core and the"
                  + " streams; the options bridge it to the command line");

  @ArchTest
  static final ArchRule theUsageMessagesStandAlone =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.usage..")
          .should()
          .onlyDependOnClassesThat(
              resideInAPackage("dev.mint.cli.usage..")
                  .or(JDK)
                  .or(resideInAPackage("picocli..").as("picocli")))
          .because(
              "a usage error's message is made from picocli's model alone, so a command and the"
                  + " wiring can both ask for it");

  @ArchTest
  static final ArchRule ioUsesNothingOfTheCli =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.io..")
          .should()
          .onlyDependOnClassesThat(IO.or(MINT_CORE).or(JDK))
          .because("the streams, terminals and exit codes are what every other package builds on");
}
