package org.capledger.platform.ocf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.capledger.platform.ocf.OcfReport.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OCF's one-example-per-type files (copies in {@code src/test/resources/ocf/examples-per-type/}): each is a valid file
 * of its type, and each of its items is a valid instance of the object schema its {@code object_type} names. They are
 * not a coherent company, so they are checked file by file.
 */
class OcfExamplesTest {

    private static final Map<String, OcfFileType> TYPES = Map.ofEntries(
            Map.entry("Documents.ocf.json", OcfFileType.DOCUMENTS),
            Map.entry("Financings.ocf.json", OcfFileType.FINANCINGS),
            Map.entry("Manifest.ocf.json", OcfFileType.MANIFEST),
            Map.entry("Stakeholders.ocf.json", OcfFileType.STAKEHOLDERS),
            Map.entry("StockClasses.ocf.json", OcfFileType.STOCK_CLASSES),
            Map.entry("StockLegends.ocf.json", OcfFileType.STOCK_LEGEND_TEMPLATES),
            Map.entry("StockPlans.ocf.json", OcfFileType.STOCK_PLANS),
            Map.entry("Transactions.ocf.json", OcfFileType.TRANSACTIONS),
            Map.entry("Valuations.ocf.json", OcfFileType.VALUATIONS),
            Map.entry("VestingTerms.example1.ocf.json", OcfFileType.VESTING_TERMS),
            Map.entry("VestingTerms.example2.ocf.json", OcfFileType.VESTING_TERMS),
            Map.entry("VestingTerms.ocf.json", OcfFileType.VESTING_TERMS),
            Map.entry("VestingTransactions.examples.ocf.json", OcfFileType.TRANSACTIONS));

    private final OcfValidator validator = new OcfValidator();

    @ParameterizedTest
    @ValueSource(strings = {"Documents.ocf.json", "Financings.ocf.json", "Manifest.ocf.json",
            "Stakeholders.ocf.json", "StockClasses.ocf.json", "StockLegends.ocf.json", "StockPlans.ocf.json",
            "Transactions.ocf.json", "Valuations.ocf.json", "VestingTerms.example1.ocf.json",
            "VestingTerms.example2.ocf.json", "VestingTerms.ocf.json", "VestingTransactions.examples.ocf.json"})
    void isAValidFileOfItsTypeWhoseItemsAreValidInstancesOfTheirObjectTypes(String name) throws IOException {
        List<OcfValidator.OcfItem> items = new ArrayList<>();
        OcfReport report = check(name, items::add);

        assertThat(report.errors()).isEmpty();
        assertThat(OcfFixtures.read(example(name)).path("file_type").asString()).isEqualTo(TYPES.get(name).code());
        OcfSchemas schemas = OcfSchemas.of(OcfVersion.V1_2);
        for (OcfValidator.OcfItem item : items) {
            assertThat(item.fileType()).isEqualTo(TYPES.get(name));
            assertThat(item.valid()).as(item.id()).isTrue();
            assertThat(item.objectType()).as(item.id()).isNotNull();
            assertThat(item.schema()).as(item.id()).startsWith("objects/");
            assertThat(OcfFixtures.read(OcfFixtures.resource("ocf/schema/1.2/" + item.schema()))
                    .path("properties").path("object_type").toString()).as(item.id()).contains(item.objectType());
        }
        if (TYPES.get(name) != OcfFileType.MANIFEST) {
            assertThat(items).hasSize(OcfFixtures.read(example(name)).path("items").size());
        }
    }

    @Test
    void theTransactionsExampleOnlyWarnsOfTheTypesItsFileSchemaForgets() throws IOException {
        OcfReport report = check("Transactions.ocf.json", OcfValidator.ItemListener.NONE);

        assertThat(report.items()).hasSize(7).allMatch(i -> i.rule() == Rule.OBJECT_TYPE_NOT_IN_FILE_SCHEMA);
        assertThat(report.items()).extracting(OcfReport.Item::itemId).containsExactly(
                "test-issuer-level-share-adjustment-minimal", "test-issuer-level-share-adjustment-all-fields",
                "reprice_event_id", "change-event-stakeholder-relationship-started-sample",
                "change-event-stakeholder-relationship-ended-sample",
                "change-event-stakeholder-relationship-both-started-and-ended-sample",
                "change-event-stakeholder-status-sample");
    }

    @Test
    void togetherTheyCoverEveryObjectTypeButOcf10sPlanSecurityNames() throws IOException {
        Set<String> seen = new TreeSet<>();
        try (var files = Files.list(OcfFixtures.resource("ocf/examples-per-type"))) {
            for (Path file : files.toList()) {
                check(file.getFileName().toString(), item -> seen.add(item.objectType()));
            }
        }
        seen.add(OcfFixtures.read(example("Manifest.ocf.json")).path("issuer").path("object_type").asString());

        Set<String> all = new TreeSet<>();
        OcfFixtures.read(OcfFixtures.resource("ocf/schema/1.2/enums/ObjectType.schema.json")).path("enum")
                .forEach(t -> all.add(t.asString()));
        all.removeIf(t -> t.startsWith("TX_PLAN_SECURITY_"));
        assertThat(seen).isEqualTo(all);
    }

    private OcfReport check(String name, OcfValidator.ItemListener listener) throws IOException {
        try (InputStream in = Files.newInputStream(example(name))) {
            return validator.validateFile(name, in, OcfValidator.Options.defaults(), listener);
        }
    }

    private static Path example(String name) {
        return OcfFixtures.resource("ocf/examples-per-type/" + name);
    }
}
