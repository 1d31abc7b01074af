package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rebuilding every read model from the event store gives exactly the rows that were there before. */
class ProjectionRebuildTest extends EndToEndTest {

    private static final List<String> READ_MODELS = List.of(
            "issuer_view ORDER BY issuer_id", "stakeholder_view ORDER BY stakeholder_id",
            "stock_class_view ORDER BY stock_class_id", "security_view ORDER BY security_id",
            "audit_entry ORDER BY global_position", "issuer_member ORDER BY issuer_id, account_id",
            "certificate ORDER BY issuer_id, security_id", "certificate_setting ORDER BY issuer_id, subject");

    @Test
    void readModelsAreIdenticalAfterARebuild() {
        String issuerId = createIssuer("Rebuild Corp", "2019-01-01").json().get("issuerId").asString();
        String ann = registerStakeholder(issuerId, "Ann", "2019-01-01").id();
        String bob = registerStakeholder(issuerId, "Bob", "2019-06-01").id();
        String common = createStockClass(issuerId, "Common", "CS-", "100000", "2019-01-01").id();
        issue(issuerId, ann, common, "5000", "2020-01-01");
        issue(issuerId, bob, common, "2500", "2019-07-01");
        api.command("/api/issuers/" + issuerId + "/stock-classes/" + common + "/authorized-shares-adjustments", """
                {"date": "2021-01-01", "newSharesAuthorized": "200000"}""");
        api.patch("/api/issuers/" + issuerId + "/stakeholders/" + bob, """
                {"date": "2021-02-01", "email": "bob@example.com"}""");
        Map<String, List<Map<String, Object>>> before = readModels();

        Api.Response rebuild = api.post("/api/admin/projections/rebuild", "{}");
        assertThat(rebuild.status()).isEqualTo(202);
        assertThat(rebuild.json().get("processors").get(0).asString()).isEqualTo("read-models");
        Api.Response capTable = api.read("/api/issuers/" + issuerId + "/cap-table", rebuild);

        assertThat(capTable.status()).isEqualTo(200);
        assertThat(readModels()).isEqualTo(before);
    }

    private Map<String, List<Map<String, Object>>> readModels() {
        counts();
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (String table : READ_MODELS) {
            rows.put(table, jdbc.queryForList("SELECT * FROM " + table));
        }
        return rows;
    }
}
