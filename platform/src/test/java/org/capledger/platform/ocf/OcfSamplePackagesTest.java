package org.capledger.platform.ocf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.capledger.platform.ocf.OcfReport.Rule;
import org.capledger.platform.ocf.OcfReport.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OCF's three sample packages (copies in {@code src/test/resources/ocf/packages/}, see the README there) validate with
 * no errors but their checksums, which OCF's samples do not keep up to date, and with exactly the warnings their
 * exporters' quirks call for.
 */
class OcfSamplePackagesTest {

    private static final OcfValidator.Options STALE_CHECKSUMS_TOLERATED = OcfValidator.Options.defaults()
            .withChecksumMismatch(Severity.WARNING);

    private final OcfValidator validator = new OcfValidator();

    @ParameterizedTest
    @ValueSource(strings = {"acme_holdings_limited", "options", "quickstart"})
    void validatesWithNoErrorOnceStaleChecksumsAreTolerated(String name) {
        OcfReport report = validator.validate(sample(name), STALE_CHECKSUMS_TOLERATED);

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void byDefaultAStaleChecksumIsAnErrorAndTheOnlyOne() {
        assertThat(validator.validate(sample("acme_holdings_limited")).errors())
                .extracting(OcfReport.Item::rule, OcfReport.Item::file)
                .containsExactly(
                        tuple(Rule.CHECKSUM_MISMATCH, "Stakeholders.ocf.json"),
                        tuple(Rule.CHECKSUM_MISMATCH, "StockClasses.ocf.json"),
                        tuple(Rule.CHECKSUM_MISMATCH, "VestingTerms.ocf.json"),
                        tuple(Rule.CHECKSUM_MISMATCH, "Valuations.ocf.json"),
                        tuple(Rule.CHECKSUM_MISMATCH, "Transactions.ocf.json"));
        assertThat(validator.validate(sample("options")).errors())
                .extracting(OcfReport.Item::rule, OcfReport.Item::file)
                .containsExactly(tuple(Rule.CHECKSUM_MISMATCH, "StockPlans.ocf.json"));
        assertThat(validator.validate(sample("quickstart")).errors())
                .extracting(OcfReport.Item::rule, OcfReport.Item::file)
                .containsExactly(
                        tuple(Rule.CHECKSUM_MISMATCH, "Stakeholders.ocf.json"),
                        tuple(Rule.CHECKSUM_MISMATCH, "StockClasses.ocf.json"),
                        tuple(Rule.CHECKSUM_MISMATCH, "StockLegends.ocf.json"),
                        tuple(Rule.CHECKSUM_MISMATCH, "Transactions.ocf.json"));
    }

    @Test
    void acmeHoldingsWarnsOfItsOlderVersionDroppedFieldsAndEmptyBalanceIds() {
        OcfReport report = validator.validate(sample("acme_holdings_limited"), STALE_CHECKSUMS_TOLERATED);

        assertThat(report.items()).filteredOn(i -> i.rule() != Rule.CHECKSUM_MISMATCH)
                .extracting(OcfReport.Item::severity, OcfReport.Item::rule, OcfReport.Item::file,
                        OcfReport.Item::itemId, OcfReport.Item::path)
                .containsExactly(
                        tuple(Severity.WARNING, Rule.OCF_VERSION_NOT_LISTED, "Manifest.ocf.json", null,
                                "$.ocf_version"),
                        tuple(Severity.WARNING, Rule.DROPPED_FIELD, "VestingTerms.ocf.json",
                                "four_year_monthly_one_year_cliff_cumulative_round_down",
                                "$.items[0].vesting_conditions[1].cliff_condition"),
                        tuple(Severity.WARNING, Rule.EMPTY_OPTIONAL_ID, "Transactions.ocf.json", "sc_01",
                                "$.items[6].balance_security_id"),
                        tuple(Severity.WARNING, Rule.EMPTY_OPTIONAL_ID, "Transactions.ocf.json",
                                "stock_repurchase_02", "$.items[10].balance_security_id"),
                        tuple(Severity.WARNING, Rule.DROPPED_FIELD, "Transactions.ocf.json", "sib_4",
                                "$.items[25].split_transaction_id"),
                        tuple(Severity.WARNING, Rule.DROPPED_FIELD, "Transactions.ocf.json", "eci_01",
                                "$.items[29].valuation_id"),
                        tuple(Severity.WARNING, Rule.DROPPED_FIELD, "Transactions.ocf.json", "eci_02",
                                "$.items[30].valuation_id"),
                        tuple(Severity.WARNING, Rule.DROPPED_FIELD, "Transactions.ocf.json", "eci_03",
                                "$.items[31].valuation_id"));
        assertThat(report.items().get(0).message()).contains("\"1.1.1-alpha+main\"", "OCF 1.2");
    }

    @Test
    void quickstartReadsTheStakeholdersFileItsManifestMisnames() {
        OcfReport report = validator.validate(sample("quickstart"), STALE_CHECKSUMS_TOLERATED);

        assertThat(report.warnings())
                .filteredOn(i -> i.rule() != Rule.CHECKSUM_MISMATCH)
                .extracting(OcfReport.Item::rule, OcfReport.Item::file, OcfReport.Item::path)
                .containsExactly(
                        tuple(Rule.FILE_NAME_MISMATCH, "Manifest.ocf.json", "$.stakeholders_files[0]"),
                        tuple(Rule.OCF_VERSION_NOT_LISTED, "Manifest.ocf.json", "$.ocf_version"),
                        tuple(Rule.DROPPED_FIELD, "Manifest.ocf.json", "$.issuer.jurisdiction_of_formation"));
        assertThat(report.warnings().get(0).message())
                .isEqualTo("The manifest names ./Stakeholders.json; read Stakeholders.ocf.json, the one file of the"
                        + " package that matches it");
        assertThat(report.items()).filteredOn(i -> i.rule() == Rule.CHECKSUM_MISMATCH)
                .extracting(OcfReport.Item::file).contains("Stakeholders.ocf.json");
    }

    @Test
    void optionsWarnsOfItsSampleVersionAndRenamedIssuerField() {
        OcfReport report = validator.validate(sample("options"), STALE_CHECKSUMS_TOLERATED);

        assertThat(report.warnings()).filteredOn(i -> i.rule() != Rule.CHECKSUM_MISMATCH)
                .extracting(OcfReport.Item::rule, OcfReport.Item::itemId, OcfReport.Item::path)
                .containsExactly(
                        tuple(Rule.OCF_VERSION_NOT_LISTED, null, "$.ocf_version"),
                        tuple(Rule.DROPPED_FIELD, "07450528-10c4-4f38-855b-defe92563546",
                                "$.issuer.jurisdiction_of_formation"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"packages/acme_holdings_limited", "packages/options", "packages/quickstart",
            "handwritten/valid", "handwritten/split-1.0", "handwritten/quirks", "handwritten/broken-json",
            "handwritten/schema-violation", "handwritten/checksum-mismatch"})
    void aZipAndAFolderGiveTheSameReport(String name, @TempDir Path temp) {
        Path folder = OcfFixtures.resource("ocf/" + name);
        Path flat = OcfFixtures.zip(folder, temp.resolve("flat.ocf.zip"), "");
        Path nested = OcfFixtures.zip(folder, temp.resolve("nested.ocf.zip"), "export-2024/");

        OcfReport fromFolder = validator.validate(folder);

        assertThat(fromFolder.items()).as("no item is about reading the package")
                .noneMatch(i -> i.rule() == Rule.UNREADABLE_PACKAGE);
        assertThat(validator.validate(flat)).isEqualTo(fromFolder);
        assertThat(validator.validate(nested)).isEqualTo(fromFolder);
    }

    @Test
    void everyItemOfEveryListedFileIsHandedOnInManifestOrder() throws IOException {
        List<String> seen = new ArrayList<>();
        try (OcfPackage acme = OcfPackage.open(sample("acme_holdings_limited"))) {
            validator.validate(acme, STALE_CHECKSUMS_TOLERATED,
                    item -> seen.add(item.file() + " " + item.index() + " " + item.id() + " " + item.valid()));
        }

        assertThat(seen).hasSize(4 + 3 + 1 + 3 + 39)
                .startsWith("Stakeholders.ocf.json 0 fionaFounder true")
                .contains("StockClasses.ocf.json 2 preferred true", "Transactions.ocf.json 25 sib_4 true")
                .endsWith("Transactions.ocf.json 38 EXERCISE_04 true");
    }

    private static Path sample(String name) {
        return OcfFixtures.resource("ocf/packages/" + name);
    }
}
