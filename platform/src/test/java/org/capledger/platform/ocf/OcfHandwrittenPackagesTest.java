package org.capledger.platform.ocf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.capledger.platform.ocf.OcfReport.Item;
import org.capledger.platform.ocf.OcfReport.Rule;
import org.capledger.platform.ocf.OcfReport.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Packages written for these tests ({@code src/test/resources/ocf/handwritten/}, see the README there), and changed
 * copies of the valid one: each kind of broken package gives the errors it should, all of them, and each quirk only
 * a warning.
 */
class OcfHandwrittenPackagesTest {

    private final OcfValidator validator = new OcfValidator();

    @TempDir
    Path temp;

    @Test
    void aValidPackageHasNothingToReport() {
        assertThat(validator.validate(handwritten("valid")).items()).isEmpty();
    }

    @Test
    void anOcf10PackageMaySplitItsTransactionsOverSeveralFiles() throws IOException {
        List<String> seen = new ArrayList<>();
        OcfReport report;
        try (OcfPackage split = OcfPackage.open(handwritten("split-1.0"))) {
            report = validator.validate(split, OcfValidator.Options.defaults(),
                    item -> seen.add(item.file() + " " + item.objectType() + " " + item.valid()));
        }

        assertThat(report.items()).extracting(Item::severity, Item::rule)
                .containsExactly(tuple(Severity.WARNING, Rule.OCF_VERSION_NOT_LISTED));
        assertThat(seen).containsExactly(
                "Stakeholders.ocf.json STAKEHOLDER true",
                "Stakeholders.ocf.json STAKEHOLDER true",
                "StockClasses.ocf.json STOCK_CLASS true",
                "StockPlans.ocf.json STOCK_PLAN true",
                "StockTransactions.ocf.json TX_STOCK_ISSUANCE true",
                "PlanSecurityTransactions.ocf.json TX_PLAN_SECURITY_ISSUANCE true",
                "PlanSecurityTransactions.ocf.json TX_PLAN_SECURITY_EXERCISE true",
                "ExerciseStockTransactions.ocf.json TX_STOCK_ISSUANCE true");
    }

    @Test
    void brokenJsonIsAnErrorNamingTheFileAndWhere() {
        OcfReport report = validator.validate(handwritten("broken-json"));

        assertThat(report.items()).singleElement().satisfies(item -> {
            assertThat(item.severity()).isEqualTo(Severity.ERROR);
            assertThat(item.rule()).isEqualTo(Rule.INVALID_JSON);
            assertThat(item.file()).isEqualTo("Transactions.ocf.json");
            assertThat(item.message()).startsWith("Not well-formed JSON: Unexpected end-of-input")
                    .endsWith("(line 23, column 23)");
        });
    }

    @Test
    void everySchemaViolationIsReportedWithFileItemPathAndRule() {
        OcfReport report = validator.validate(handwritten("schema-violation"));

        assertThat(report.warnings()).isEmpty();
        assertThat(report.errors())
                .extracting(Item::rule, Item::file, Item::itemId, Item::path, Item::schema)
                .containsExactly(
                        tuple(Rule.SCHEMA, "Stakeholders.ocf.json", "bob", "$.items[1].favourite_colour",
                                "objects/Stakeholder.schema.json#/additionalProperties"),
                        tuple(Rule.SCHEMA, "StockClasses.ocf.json", "common", "$.items[0].class_type",
                                "enums/StockClassType.schema.json#/enum"),
                        tuple(Rule.SCHEMA, "Transactions.ocf.json", "si-1", "$.items[0]",
                                "objects/transactions/issuance/StockIssuance.schema.json#/required"),
                        tuple(Rule.SCHEMA, "Transactions.ocf.json", "st-1", "$.items[1].date",
                                "types/Date.schema.json#/format"),
                        tuple(Rule.SCHEMA, "Transactions.ocf.json", "si-3", "$.items[3].quantity",
                                "types/Numeric.schema.json#/pattern"));
        assertThat(report.errors()).extracting(Item::message).containsExactly(
                "property 'favourite_colour' is not defined in the schema and the schema does not allow additional"
                        + " properties",
                "does not have a value in the enumeration [\"COMMON\", \"PREFERRED\"]",
                "required property 'quantity' not found",
                "does not match the date pattern must be a valid RFC 3339 full-date",
                "does not match the regex pattern ^[+-]?[0-9]+(\\.[0-9]{1,10})?$");
    }

    @Test
    void aChecksumMismatchIsAnErrorUnlessToleratedAsAWarning() {
        Path mismatch = handwritten("checksum-mismatch");

        assertThat(validator.validate(mismatch).items()).singleElement().satisfies(item -> {
            assertThat(item.severity()).isEqualTo(Severity.ERROR);
            assertThat(item.rule()).isEqualTo(Rule.CHECKSUM_MISMATCH);
            assertThat(item.file()).isEqualTo("StockClasses.ocf.json");
            assertThat(item.message()).isEqualTo("The file's MD5 is " + OcfFixtures.md5(
                    mismatch.resolve("StockClasses.ocf.json")) + "; the manifest says a2aec37e6f5e4befd4b3baf38a586289");
        });
        assertThat(validator.validate(mismatch,
                OcfValidator.Options.defaults().withChecksumMismatch(Severity.WARNING)).items())
                .extracting(Item::severity, Item::rule)
                .containsExactly(tuple(Severity.WARNING, Rule.CHECKSUM_MISMATCH));
    }

    @Test
    void eachQuirkIsOnlyAWarning() {
        OcfReport report = validator.validate(handwritten("quirks"));

        assertThat(report.hasErrors()).isFalse();
        assertThat(report.items()).extracting(Item::rule, Item::file, Item::itemId, Item::path).containsExactly(
                tuple(Rule.FILE_NAME_MISMATCH, "Manifest.ocf.json", null, "$.stakeholders_files[0]"),
                tuple(Rule.OCF_VERSION_NOT_LISTED, "Manifest.ocf.json", null, "$.ocf_version"),
                tuple(Rule.DROPPED_FIELD, "Manifest.ocf.json", "handwritten-issuer",
                        "$.issuer.jurisdiction_of_formation"),
                tuple(Rule.EMPTY_OPTIONAL_ID, "Transactions.ocf.json", "st-1", "$.items[1].balance_security_id"),
                tuple(Rule.DROPPED_FIELD, "Transactions.ocf.json", "si-2", "$.items[2].split_transaction_id"),
                tuple(Rule.OBJECT_TYPE_NOT_IN_FILE_SCHEMA, "Transactions.ocf.json", "isa-1",
                        "$.items[3].object_type"));
    }

    @Test
    void aKnownDroppedFieldIsAnErrorOnAnyOtherObjectAndAnUnknownFieldAlways() {
        Path copy = copyOfValid();
        ObjectNode transactions = OcfFixtures.read(copy.resolve("Transactions.ocf.json"));
        ((ObjectNode) transactions.path("items").get(0)).put("valuation_id", "valuation_01");
        ((ObjectNode) transactions.path("items").get(2)).put("cliff_condition", true);
        OcfFixtures.write(copy.resolve("Transactions.ocf.json"), transactions);
        OcfFixtures.reseal(copy);

        assertThat(validator.validate(copy).items()).extracting(Item::severity, Item::rule, Item::path)
                .containsExactly(
                        tuple(Severity.ERROR, Rule.SCHEMA, "$.items[0].valuation_id"),
                        tuple(Severity.ERROR, Rule.SCHEMA, "$.items[2].cliff_condition"));
    }

    @Test
    void anEmptyIdThatIsNotOptionalIsAnError() {
        Path copy = copyOfValid();
        ObjectNode transactions = OcfFixtures.read(copy.resolve("Transactions.ocf.json"));
        ((ObjectNode) transactions.path("items").get(0)).put("stakeholder_id", "");
        ((ArrayNode) transactions.path("items").get(1).path("resulting_security_ids")).add("");
        ((ObjectNode) transactions.path("items").get(3)).put("id", "");
        OcfFixtures.write(copy.resolve("Transactions.ocf.json"), transactions);
        OcfFixtures.reseal(copy);

        assertThat(validator.validate(copy).items()).extracting(Item::severity, Item::rule, Item::itemId, Item::path)
                .containsExactly(
                        tuple(Severity.ERROR, Rule.EMPTY_ID, "si-1", "$.items[0].stakeholder_id"),
                        tuple(Severity.ERROR, Rule.EMPTY_ID, "st-1", "$.items[1].resulting_security_ids[1]"),
                        tuple(Severity.ERROR, Rule.EMPTY_ID, "", "$.items[3].id"));
    }

    @Test
    void anObjectTypeNoSchemaDefinesIsAnError() {
        Path copy = copyOfValid();
        ObjectNode transactions = OcfFixtures.read(copy.resolve("Transactions.ocf.json"));
        ((ObjectNode) transactions.path("items").get(1)).put("object_type", "TX_STOCK_TELEPORT");
        ((ObjectNode) transactions.path("items").get(2)).remove("object_type");
        OcfFixtures.write(copy.resolve("Transactions.ocf.json"), transactions);
        OcfFixtures.reseal(copy);

        assertThat(validator.validate(copy).items()).extracting(Item::rule, Item::itemId, Item::path, Item::message)
                .containsExactly(
                        tuple(Rule.UNKNOWN_OBJECT_TYPE, "st-1", "$.items[1].object_type",
                                "TX_STOCK_TELEPORT is not an object type of OCF_TRANSACTIONS_FILE in OCF 1.2"),
                        tuple(Rule.UNKNOWN_OBJECT_TYPE, "si-2", "$.items[2].object_type",
                                "The item has no object_type, which says what it is"));
    }

    @Test
    void aFileListedUnderAnotherTypeIsAnErrorOnce() {
        Path copy = copyOfValid();
        ObjectNode manifest = OcfFixtures.read(copy.resolve(OcfPackage.MANIFEST));
        ArrayNode stakeholders = (ArrayNode) manifest.path("stakeholders_files");
        ArrayNode classes = (ArrayNode) manifest.path("stock_classes_files");
        manifest.set("stakeholders_files", classes);
        manifest.set("stock_classes_files", stakeholders);
        OcfFixtures.write(copy.resolve(OcfPackage.MANIFEST), manifest);

        OcfReport report = validator.validate(copy);

        assertThat(report.items()).filteredOn(i -> i.rule() != Rule.SCHEMA)
                .extracting(Item::rule, Item::file, Item::path)
                .containsExactly(
                        tuple(Rule.FILE_TYPE_MISMATCH, "StockClasses.ocf.json", "$.file_type"),
                        tuple(Rule.FILE_TYPE_MISMATCH, "Stakeholders.ocf.json", "$.file_type"));
        assertThat(report.items()).filteredOn(i -> i.rule() == Rule.SCHEMA)
                .as("the items are checked against the listed type's schema")
                .isNotEmpty().noneMatch(i -> i.path().equals("$.file_type"));
    }

    @Test
    void filesTheManifestListsButThePackageLacksOrHasTwiceOverAreErrors() throws IOException {
        Path copy = copyOfValid();
        Files.delete(copy.resolve("StockClasses.ocf.json"));
        Files.copy(copy.resolve("Transactions.ocf.json"), copy.resolve("TRANSACTIONS.json"));
        Files.move(copy.resolve("Transactions.ocf.json"), copy.resolve("transactions.ocf.JSON"));
        ObjectNode manifest = OcfFixtures.read(copy.resolve(OcfPackage.MANIFEST));
        ((ArrayNode) manifest.path("transactions_files")).addObject()
                .put("filepath", "./Stakeholders.ocf.json").put("md5", OcfFixtures.md5(
                        copy.resolve("Stakeholders.ocf.json")));
        OcfFixtures.write(copy.resolve(OcfPackage.MANIFEST), manifest);
        Files.writeString(copy.resolve("Notes.json"), "{}");

        assertThat(validator.validate(copy).items()).extracting(Item::severity, Item::rule, Item::file, Item::path)
                .containsExactly(
                        tuple(Severity.ERROR, Rule.FILE_NOT_FOUND, "Manifest.ocf.json", "$.stock_classes_files[0]"),
                        tuple(Severity.ERROR, Rule.FILE_AMBIGUOUS, "Manifest.ocf.json", "$.transactions_files[0]"),
                        tuple(Severity.ERROR, Rule.FILE_LISTED_TWICE, "Manifest.ocf.json", "$.transactions_files[1]"),
                        tuple(Severity.WARNING, Rule.FILE_NOT_LISTED, "Notes.json", null),
                        tuple(Severity.WARNING, Rule.FILE_NOT_LISTED, "TRANSACTIONS.json", null),
                        tuple(Severity.WARNING, Rule.FILE_NOT_LISTED, "transactions.ocf.JSON", null));
    }

    @Test
    void anEmptyFileOrOneThatIsNotAnObjectIsAnError() throws IOException {
        Path copy = copyOfValid();
        Files.writeString(copy.resolve("Stakeholders.ocf.json"), "");
        Files.writeString(copy.resolve("StockClasses.ocf.json"), "[]");
        OcfFixtures.reseal(copy);

        assertThat(validator.validate(copy).items()).extracting(Item::rule, Item::file, Item::path, Item::message)
                .containsExactly(
                        tuple(Rule.INVALID_JSON, "Stakeholders.ocf.json", null, "The file is empty"),
                        tuple(Rule.SCHEMA, "StockClasses.ocf.json", "$", "array found, object expected"));
    }

    @Test
    void aPackageWithoutAReadableManifestIsAnError() throws IOException {
        Path noManifest = copyOfValid();
        Files.delete(noManifest.resolve(OcfPackage.MANIFEST));
        assertThat(validator.validate(noManifest).items()).extracting(Item::rule)
                .containsExactly(Rule.MANIFEST_NOT_FOUND);

        Path brokenManifest = OcfFixtures.copy("ocf/handwritten/valid", temp.resolve("broken-manifest"));
        Files.writeString(brokenManifest.resolve(OcfPackage.MANIFEST), "{\"ocf_version\": ");
        assertThat(validator.validate(brokenManifest).items()).extracting(Item::rule, Item::file)
                .containsExactly(tuple(Rule.INVALID_JSON, "Manifest.ocf.json"));

        Path notAZip = Files.writeString(temp.resolve("package.ocf.zip"), "not a zip");
        assertThat(validator.validate(notAZip).items()).extracting(Item::rule)
                .containsExactly(Rule.UNREADABLE_PACKAGE);
        assertThat(validator.validate(temp.resolve("missing.ocf.zip")).items()).extracting(Item::rule)
                .containsExactly(Rule.UNREADABLE_PACKAGE);
    }

    @Test
    void theManifestIsCheckedAgainstItsSchema() {
        Path copy = copyOfValid();
        ObjectNode manifest = OcfFixtures.read(copy.resolve(OcfPackage.MANIFEST));
        manifest.remove("as_of");
        manifest.put("ocf_version", 1.2);
        ((ObjectNode) manifest.path("issuer")).put("country_of_formation", "Delaware");
        OcfFixtures.write(copy.resolve(OcfPackage.MANIFEST), manifest);

        assertThat(validator.validate(copy).items()).extracting(Item::severity, Item::itemId, Item::path)
                .containsOnly(
                        tuple(Severity.ERROR, null, "$"),
                        tuple(Severity.ERROR, null, "$.ocf_version"),
                        tuple(Severity.ERROR, "handwritten-issuer", "$.issuer.country_of_formation"));
    }

    private Path copyOfValid() {
        return OcfFixtures.copy("ocf/handwritten/valid", temp.resolve("valid"));
    }

    private static Path handwritten(String name) {
        return OcfFixtures.resource("ocf/handwritten/" + name);
    }
}
