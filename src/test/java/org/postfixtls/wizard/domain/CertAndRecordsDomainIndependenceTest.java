package org.postfixtls.wizard.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The certificate and DNS record engine must run without UI, SSH or CLI, and never open java.io.File. */
class CertAndRecordsDomainIndependenceTest {

    @Test
    void certAndRecordsDependOnNoUiSshCliOrAdapter() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.postfixtls.wizard.domain.cert", "org.postfixtls.wizard.domain.records");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.jcraft..", "picocli..",
                        "org.postfixtls.wizard.ui..", "org.postfixtls.wizard.cli..", "org.postfixtls.wizard.adapter..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .check(classes);
    }
}
