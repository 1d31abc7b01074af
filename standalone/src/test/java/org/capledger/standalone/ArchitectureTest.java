package org.capledger.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of docs/architecture.md, enforced on the compiled classes. */
@AnalyzeClasses(packages = "org.capledger",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** shared-api's test-jar (its OCF readers, which AcmeHoldingsTest reuses) holds tests too. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule querySideNeverTouchesTheCommandSide = noClasses()
            .that().resideInAPackage("org.capledger.query..")
            .should().dependOnClassesThat().resideInAPackage("org.capledger.command..");

    @ArchTest
    static final ArchRule commandSideNeverReadsTheQuerySide = noClasses()
            .that().resideInAPackage("org.capledger.command..")
            .should().dependOnClassesThat().resideInAPackage("org.capledger.query..");

    @ArchTest
    static final ArchRule sharedApiIsFreeOfSpringAndOfBothSides = noClasses()
            .that().resideInAnyPackage("org.capledger.api..", "org.capledger.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.capledger.command..",
                    "org.capledger.query..", "org.capledger.platform..", "org.capledger.standalone..");

    @ArchTest
    static final ArchRule theLedgerIsPure = noClasses()
            .that().resideInAPackage("org.capledger.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "java.sql..", "java.net..",
                    "java.io..");

    /** The compliance calculators are pure: only ComplianceReports and CompliancePdf reach the ledger and Spring. */
    @ArchTest
    static final ArchRule theComplianceCalculatorsArePure = noClasses()
            .that().resideInAPackage("org.capledger.query.compliance")
            .and().doNotHaveSimpleName("ComplianceReports").and().doNotHaveSimpleName("CompliancePdf")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                    "jakarta..", "java.sql..", "org.capledger.query.captable..", "org.capledger.query.pdf..");

    /** The integrity report is a second computation of the ledger's figures, not the Ledger checking itself. */
    @ArchTest
    static final ArchRule theIntegrityReportFoldsWithoutTheLedger = noClasses()
            .that().resideInAPackage("org.capledger.query.reports").and().haveSimpleNameStartingWith("Integrity")
            .should().dependOnClassesThat().resideInAPackage("org.capledger.ledger..");

    @ArchTest
    static final ArchRule platformKnowsNeitherSide = noClasses()
            .that().resideInAPackage("org.capledger.platform..")
            .should().dependOnClassesThat().resideInAnyPackage("org.capledger.command..", "org.capledger.query..");

    @ArchTest
    static final ArchRule ocfReadingIsPlainJava = noClasses()
            .that().resideInAPackage("org.capledger.platform.ocf..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                    "org.axonframework..");
}
