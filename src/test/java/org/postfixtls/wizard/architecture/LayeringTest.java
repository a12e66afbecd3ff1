package org.postfixtls.wizard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, enforced: domain code knows nothing of JavaFX, JSch, picocli or
 * the faces and adapters; JSch stays inside the SSH adapter; the CLI never loads the JavaFX toolkit.
 */
class LayeringTest {

    private static final String BASE = "org.postfixtls.wizard";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    static final ArchRule DOMAIN_IS_FREE_OF_UI_SSH_AND_FACES = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "com.jcraft..", "picocli..", "org.controlsfx..", "atlantafx..", "org.kordamp.ikonli..",
                    BASE + ".ui..", BASE + ".cli..", BASE + ".adapter..")
            .because("domain code (config documents, planning, certificates, verification logic) must run "
                    + "without a window or an SSH library, behind the project's own interfaces");

    static final ArchRule DOMAIN_NEVER_READS_FILES_ITSELF = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.nio.file.Files")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .because("bytes may come from a local file or from the server over SSH: the domain takes content "
                    + "plus metadata and the adapters do the reading");

    static final ArchRule JSCH_ONLY_IN_THE_SSH_ADAPTER = noClasses()
            .that().resideOutsideOfPackage(BASE + ".adapter.ssh..")
            .should().dependOnClassesThat().resideInAPackage("com.jcraft..")
            .because("JSch types and exceptions are translated into the project's own at the adapter's edge");

    static final ArchRule CLI_NEVER_LOADS_JAVAFX = noClasses()
            .that().resideInAPackage(BASE + ".cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", BASE + ".ui..")
            .because("the CLI must run on servers without a display");

    static final ArchRule ENGINE_DOES_NOT_KNOW_ITS_FACES = noClasses()
            .that().resideInAnyPackage("..domain..", BASE + ".app..", BASE + ".adapter..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".ui..", BASE + ".cli..")
            .because("the UI and the CLI are two thin faces over the same engine");

    static final ArchRule STEP_DECISIONS_ARE_FREE_OF_JAVAFX = noClasses()
            .that().haveNameMatching("org\\.postfixtls\\.wizard\\.ui\\.pages\\.(\\w+Choices|PreviewSummary)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..")
            .because("what a step's choices write into the profile, and what is enabled and why, is tested in plain"
                    + " JUnit without a toolkit");

    static final ArchRule DOMAIN_DOES_NOT_KNOW_THE_USE_CASES = noClasses()
            .that().resideInAPackage(BASE + ".domain..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".app..")
            .because("the domain is pure rules over values; the use cases combine it with ports, never the reverse");

    static final ArchRule USE_CASES_WORK_THROUGH_PORTS = noClasses()
            .that().resideInAPackage(BASE + ".app..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".adapter..")
            .because("a use case talks to SSH, the network, DNS and files through the project's own interfaces;"
                    + " the composition roots (WizardApp, the CLI commands) choose the adapters");

    static final ArchRule THE_WIZARD_SHELL_DOES_NOT_KNOW_ITS_PAGES = noClasses()
            .that().resideInAPackage(BASE + ".ui.wizard..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".ui.pages..")
            .because("the model, the navigator and the step records are the pages' vocabulary; the step table that"
                    + " names the pages belongs to the pages");

    static final ArchRule PAGES_NEVER_BUILD_ADAPTERS = noClasses()
            .that().resideInAPackage(BASE + ".ui.pages..")
            .should().dependOnClassesThat().resideInAPackage(BASE + ".adapter..")
            .because("pages get engines, SSH jobs, the trust store, recent hosts and files from WizardServices,"
                    + " built once in WizardApp.start, so a test can hand them fakes");

    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching(BASE + ".(**)")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one, whatever their names say");

    @Test
    void domainDoesNotKnowTheUseCases() {
        DOMAIN_DOES_NOT_KNOW_THE_USE_CASES.check(PRODUCTION);
    }

    @Test
    void useCasesWorkThroughPorts() {
        USE_CASES_WORK_THROUGH_PORTS.check(PRODUCTION);
    }

    @Test
    void theWizardShellDoesNotKnowItsPages() {
        THE_WIZARD_SHELL_DOES_NOT_KNOW_ITS_PAGES.check(PRODUCTION);
    }

    @Test
    void pagesNeverBuildAdapters() {
        PAGES_NEVER_BUILD_ADAPTERS.check(PRODUCTION);
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(PRODUCTION);
    }

    @Test
    void domainIsFreeOfUiSshAndFaces() {
        DOMAIN_IS_FREE_OF_UI_SSH_AND_FACES.check(PRODUCTION);
    }

    @Test
    void stepDecisionsAreFreeOfJavaFx() {
        STEP_DECISIONS_ARE_FREE_OF_JAVAFX.check(PRODUCTION);
    }

    @Test
    void domainNeverReadsFilesItself() {
        DOMAIN_NEVER_READS_FILES_ITSELF.check(PRODUCTION);
    }

    @Test
    void jschOnlyInTheSshAdapter() {
        JSCH_ONLY_IN_THE_SSH_ADAPTER.check(PRODUCTION);
    }

    @Test
    void cliNeverLoadsJavaFx() {
        CLI_NEVER_LOADS_JAVAFX.check(PRODUCTION);
    }

    @Test
    void engineDoesNotKnowItsFaces() {
        ENGINE_DOES_NOT_KNOW_ITS_FACES.check(PRODUCTION);
    }

    /** The rules are only worth something if they catch a violation: the fixture breaks three of them. */
    @Test
    void theRulesCatchAViolatingDomainClass() {
        JavaClasses fixture = new ClassFileImporter().importPackages(BASE + ".architecture.violation");
        assertThrows(AssertionError.class, () -> DOMAIN_IS_FREE_OF_UI_SSH_AND_FACES.check(fixture));
        assertThrows(AssertionError.class, () -> JSCH_ONLY_IN_THE_SSH_ADAPTER.check(fixture));
        assertThrows(AssertionError.class, () -> DOMAIN_NEVER_READS_FILES_ITSELF.check(fixture));
    }

    /** Two fixture packages that use each other: the slices rule must see the cycle. */
    @Test
    void theCycleRuleCatchesTwoPackagesUsingEachOther() {
        JavaClasses fixture = new ClassFileImporter().importPackages(BASE + ".architecture.violation.cycle");
        assertThrows(AssertionError.class, () -> NO_PACKAGE_CYCLES.check(fixture));
    }
}
