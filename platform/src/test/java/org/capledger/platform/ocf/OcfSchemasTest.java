package org.capledger.platform.ocf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import org.junit.jupiter.api.Test;

/** The bundled OCF 1.2 schemas: complete, unmodified, loaded from the classpath and nowhere else. */
class OcfSchemasTest {

    private static final String OCF_MAIN = "https://raw.githubusercontent.com/Open-Cap-Table-Coalition/"
            + "Open-Cap-Format-OCF/main/schema/";

    private final OcfSchemas schemas = OcfSchemas.of(OcfVersion.V1_2);

    @Test
    void theIndexListsExactlyTheBundledSchemaTree() throws IOException {
        Path root = OcfFixtures.resource("ocf/schema/1.2");
        List<String> tree;
        try (Stream<Path> files = Files.walk(root)) {
            tree = files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertThat(tree).hasSize(175);
        assertThat(schemas.paths()).containsExactlyInAnyOrderElementsOf(tree);
    }

    @Test
    void everySchemaCarriesTheCopyrightCommentOcfsLicenceRequires() {
        for (String path : schemas.paths()) {
            String comment = OcfFixtures.read(OcfFixtures.resource("ocf/schema/1.2/" + path)).path("$comment")
                    .asString();
            assertThat(comment).as(path)
                    .startsWith("Copyright © 2026 Open Cap Table Coalition (https://opencaptablecoalition.com)")
                    .endsWith("/schema/" + path);
        }
    }

    @Test
    void everyIdMapsToItsClasspathCopy() {
        for (String path : schemas.paths()) {
            assertThat(schemas.pathOf(OCF_MAIN + path)).as(path).contains(path);
        }
    }

    @Test
    void everySchemaCompilesWithEveryReferenceResolvedFromTheBundle() {
        for (String path : schemas.paths()) {
            Schema schema = schemas.schema(path);
            assertThat(schema.getSchemaLocation().getAbsoluteIri().toString()).isEqualTo(OCF_MAIN + path);
        }
    }

    @Test
    void refusesToLoadAnythingOutsideTheBundle() {
        assertThatThrownBy(() -> schemas.registry()
                .getSchema(SchemaLocation.of("https://schema.opencaptablecoalition.com/v/1.2.0/files/File.schema.json"))
                .initializeValidators())
                .hasMessageContaining("not allowed to be loaded");

        Schema pointingAway = schemas.registry().getSchema(SchemaLocation.of(OCF_MAIN + "test/Away.schema.json"),
                OcfFixtures.JSON.readTree("{\"$ref\": \"https://example.com/elsewhere.schema.json\"}"));
        assertThatThrownBy(pointingAway::initializeValidators).hasMessageContaining("not allowed to be loaded");
    }

    @Test
    void transactionTypesAreToldApartByObjectTypeIncludingOcf10Names() {
        OcfSchemas.ItemSchemas transactions = schemas.itemSchemas(OcfFileType.TRANSACTIONS);

        assertThat(transactions.only()).isNull();
        assertThat(transactions.byObjectType()).hasSize(43);
        assertThat(transactions.byObjectType().get("TX_PLAN_SECURITY_ISSUANCE").path())
                .isEqualTo("objects/transactions/issuance/EquityCompensationIssuance.schema.json");
        assertThat(transactions.byObjectType()).doesNotContainKey("TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT");
        assertThat(schemas.transactionSchema("TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT").orElseThrow().path())
                .isEqualTo("objects/transactions/adjustment/IssuerAuthorizedSharesAdjustment.schema.json");
        assertThat(schemas.itemSchemas(OcfFileType.STAKEHOLDERS).only().path())
                .isEqualTo("objects/Stakeholder.schema.json");
    }

    @Test
    void requiredPropertiesIncludeThoseOfTheSchemasAnObjectExtends() {
        OcfSchemas.ObjectSchema issuance = schemas.itemSchemas(OcfFileType.TRANSACTIONS).byObjectType()
                .get("TX_STOCK_ISSUANCE");

        assertThat(issuance.requiredProperties())
                .contains("id", "object_type", "date", "security_id", "stakeholder_id", "stock_class_id", "quantity",
                        "custom_id")
                .doesNotContain("comments", "board_approval_date", "cost_basis");
    }

    @Test
    void theManifestSchemaListsOneVersion() {
        assertThat(schemas.listedVersions()).containsExactly("1.2.1-alpha+main");
    }

    @Test
    void aManifestVersionBelongsToTheBundledVersionOfTheSameMinor() {
        assertThat(OcfVersion.of("1.2.0")).contains(OcfVersion.V1_2);
        assertThat(OcfVersion.of("1.2.1-alpha+main")).contains(OcfVersion.V1_2);
        assertThat(OcfVersion.of("1.2")).contains(OcfVersion.V1_2);
        assertThat(OcfVersion.of("1.20.0")).isEmpty();
        assertThat(OcfVersion.of("1.1.1-alpha+main")).isEmpty();
        assertThat(OcfVersion.of("~~~ SAMPLE ~~~")).isEmpty();
        assertThat(OcfVersion.latest()).isEqualTo(OcfVersion.V1_2);
    }
}
