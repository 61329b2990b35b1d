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
import dev.mint.internal.SecretSeam;

/**
 * The packages of mint-cli and what each may use, so that each keeps one responsibility, checked on
 * the compiled classes (tests excluded) with ArchUnit, which reads the bytecode, so a fully
 * qualified name or a lambda counts too. In the style of mint-core's {@code CoreArchitectureTest}.
 *
 * <ul>
 *   <li>{@code dev.mint.cli}: {@code Main} and {@code MintCli}, which wire the commands, with what
 *       runs them ({@code ArgumentGuard}, {@code Failures}) and the base command; nothing outside
 *       points back at it but to the base command;
 *   <li>{@code usage}: a usage error's message and the suggestions for a mistyped name, on picocli
 *       alone, for the wiring and the commands alike;
 *   <li>{@code command} (and {@code command.site}): the commands, which nothing else uses;
 *   <li>{@code options}: the picocli mixins;
 *   <li>{@code sites}: the sites file, in four rooms whose arrows point one way: {@code
 *       sites.model} (the entries and the file's content, immutable), {@code sites.format} (their
 *       JSON) and {@code sites.store} (the file on disk: path, owners, lock, atomic write), and
 *       {@code sites.policy} (finding, changing, same-as, import) over the model; the package
 *       itself holds the vocabulary all of them share (the settings table, the typed settings, the
 *       failure);
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

  private static final DescribedPredicate<JavaClass> JACKSON =
      resideInAPackage("com.fasterxml.jackson..").as("Jackson");

  /**
   * mint-core's {@code dev.mint.internal} is not its API: the CLI uses {@code dev.mint} and {@code
   * dev.mint.conformance}, and of the internal package only the test seam, so that the secret
   * buffers the CLI allocates are seen by the same tests as mint-core's (control C3).
   */
  @ArchTest
  static final ArchRule ofMintCoreInternalsOnlyTheTestSeam =
      noClasses()
          .should()
          .dependOnClassesThat(
              resideInAPackage("dev.mint.internal..")
                  .and(not(JavaClass.Predicates.belongToAnyOf(SecretSeam.class))))
          .because("dev.mint.internal may change in any release; the CLI is built on the API");

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
              resideInAPackage("dev.mint.cli.sites..").or(MINT_CORE).or(IO).or(JDK).or(JACKSON))
          .because(
              "the sites file and its model know no command line (no picocli, no commands): their"
                  + " failures are SitesExceptions that MintCli maps to exit codes");

  /** The vocabulary the rooms of the sites file share: the settings table, the failure. */
  private static final DescribedPredicate<JavaClass> SITES_VOCABULARY =
      resideInAPackage("dev.mint.cli.sites").as("dev.mint.cli.sites");

  private static DescribedPredicate<JavaClass> sites(String room) {
    return resideInAPackage("dev.mint.cli.sites." + room).as("dev.mint.cli.sites." + room);
  }

  @ArchTest
  static final ArchRule theSitesVocabularyIsALeaf =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.sites")
          .should()
          .onlyDependOnClassesThat(SITES_VOCABULARY.or(MINT_CORE).or(IO).or(JDK))
          .because("every room of the sites file builds on the settings table and SitesException");

  @ArchTest
  static final ArchRule theSitesModelIsPlainData =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.sites.model")
          .should()
          .onlyDependOnClassesThat(sites("model").or(SITES_VOCABULARY).or(MINT_CORE).or(IO).or(JDK))
          .because("an entry and the file's content know neither JSON nor the disk nor the rules");

  @ArchTest
  static final ArchRule theSitesFormatKnowsOnlyTheModel =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.sites.format")
          .should()
          .onlyDependOnClassesThat(
              sites("format")
                  .or(sites("model"))
                  .or(SITES_VOCABULARY)
                  .or(MINT_CORE)
                  .or(IO)
                  .or(JDK)
                  .or(JACKSON))
          .because("the JSON reader and writer turn bytes into the model and back, nothing more");

  @ArchTest
  static final ArchRule theSitesStoreKnowsOnlyTheFormatAndTheModel =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.sites.store")
          .should()
          .onlyDependOnClassesThat(
              sites("store")
                  .or(sites("format"))
                  .or(sites("model"))
                  .or(SITES_VOCABULARY)
                  .or(IO)
                  .or(JDK))
          .because(
              "the file on disk (owners, lock, atomic write) reads and writes the model; what a"
                  + " change does is the policy's");

  @ArchTest
  static final ArchRule theSitesPolicyWorksOnTheModel =
      classes()
          .that()
          .resideInAPackage("dev.mint.cli.sites.policy")
          .should()
          .onlyDependOnClassesThat(
              sites("policy")
                  .or(sites("model"))
                  .or(sites("store"))
                  .or(SITES_VOCABULARY)
                  .or(MINT_CORE)
                  .or(IO)
                  .or(JDK))
          .because(
              "finding, changing, same-as and import are rules over the model, whatever the JSON;"
                  + " a change is written through the store");

  @ArchTest
  static final ArchRule oneNounForTheSites =
      noClasses()
          .should()
          .haveSimpleNameContaining("Profile")
          .because("users meet a site ('mint site', sites.json): the code calls it the same");

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
