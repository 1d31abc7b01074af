package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OCF quickstart company (../shared/ocf/packages/quickstart) recorded and read back over HTTP. */
class QuickstartTest extends EndToEndTest {

    @Test
    void recordsTheQuickstartCompanyAndShowsItsCapTable() {
        Api.Response issuer = api.command("/api/issuers", """
                {"legalName": "Aperture Science, Inc.", "formationDate": "1940-09-25",
                 "countryOfFormation": "US", "subdivisionOfFormation": "MI"}""");
        assertThat(issuer.status()).isEqualTo(201);
        String issuerId = issuer.json().get("issuerId").asString();
        assertThat(issuer.header("Location")).isEqualTo("/api/issuers/" + issuerId);
        // version 0 is the issuer, 1 the grant of OWNER to its creator
        assertThat(issuer.header("ETag")).isEqualTo("\"1\"");

        Api.Response jim = api.command("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2022-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Jim Jangles"},
                 "relationship": "FOUNDER"}""");
        assertThat(jim.status()).isEqualTo(201);
        Api.Response preferred = api.command("/api/issuers/" + issuerId + "/stock-classes", """
                {"date": "2022-01-01", "name": "Preferred Shares", "classType": "PREFERRED",
                 "certificatePrefix": "PS-", "votesPerShare": "1", "seniority": 1,
                 "initialSharesAuthorized": "100000.00"}""");
        assertThat(preferred.status()).isEqualTo(201);
        Api.Response issuance = api.command("/api/issuers/" + issuerId + "/stock-issuances", """
                {"date": "2022-01-01", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "5000",
                 "pricePerShare": {"amount": "1.00", "currency": "USD"}}""".formatted(jim.id(), preferred.id()));
        assertThat(issuance.status()).isEqualTo(201);
        assertThat(issuance.header("ETag")).isEqualTo("\"4\"");
        assertThat(issuance.header("Location")).isEqualTo("/api/issuers/" + issuerId + "/securities/" + issuance.id());

        JsonNode security = api.read(issuance.header("Location"), issuance).json();
        assertThat(security.get("label").asString()).isEqualTo("PS-1");
        assertThat(security.get("quantity").asString()).isEqualTo("5000");
        assertThat(security.get("pricePerShare").get("amount").asString()).isEqualTo("1");
        assertThat(security.get("issueDate").asString()).isEqualTo("2022-01-01");
        assertThat(security.get("status").asString()).isEqualTo("OUTSTANDING");

        JsonNode capTable = api.read("/api/issuers/" + issuerId + "/cap-table", issuance).json();
        JsonNode stockClass = capTable.get("stockClasses").get(0);
        assertThat(stockClass.get("name").asString()).isEqualTo("Preferred Shares");
        assertThat(stockClass.get("sharesAuthorized").asString()).isEqualTo("100000");
        assertThat(stockClass.get("sharesOutstanding").asString()).isEqualTo("5000");
        JsonNode holder = capTable.get("holders").get(0);
        assertThat(holder.get("name").asString()).isEqualTo("Jim Jangles");
        assertThat(holder.get("sharesOutstanding").asString()).isEqualTo("5000");
        assertThat(holder.get("percentOfOutstanding").asString()).isEqualTo("100.0000");
        assertThat(capTable.get("totals").get("sharesOutstanding").asString()).isEqualTo("5000");

        JsonNode before = api.get("/api/issuers/" + issuerId + "/cap-table?asOf=2021-12-31").json();
        assertThat(before.get("holders")).isEmpty();
        assertThat(before.get("totals").get("sharesOutstanding").asString()).isEqualTo("0");
        JsonNode onTheDay = api.get("/api/issuers/" + issuerId + "/cap-table?asOf=2022-01-01").json();
        assertThat(onTheDay.get("holders")).isEqualTo(capTable.get("holders"));

        Api.Response issuerResponse = api.read("/api/issuers/" + issuerId, issuance);
        JsonNode issuerView = issuerResponse.json();
        assertThat(issuerView.get("legalName").asString()).isEqualTo("Aperture Science, Inc.");
        assertThat(issuerView.get("version").asLong()).isEqualTo(4);
        assertThat(issuerResponse.header("ETag")).isEqualTo("\"4\"");

        JsonNode audit = api.read("/api/issuers/" + issuerId + "/audit-trail", issuance).json();
        assertThat(audit.get("totalItems").asLong()).isEqualTo(5);
        assertThat(Api.texts(audit.get("items"), "eventType"))
                .containsExactly("IssuerCreated", "RoleGranted", "StakeholderRegistered", "StockClassCreated",
                        "StockIssued");
        JsonNode issued = audit.get("items").get(4);
        assertThat(issued.get("effectiveDate").asString()).isEqualTo("2022-01-01");
        assertThat(issued.get("actor").asString()).isEqualTo(accountId());
        assertThat(issued.get("recordedAt").asString()).isNotBlank();
        assertThat(issued.get("summary").asString())
                .isEqualTo("Issued 5,000 shares of Preferred Shares (PS-1) to Jim Jangles at 1 USD per share");
        assertThat(issued.get("correlationId").asString()).isEqualTo(issuance.header("X-Correlation-Id"));

        String trail = "/api/issuers/" + issuerId + "/audit-trail";
        assertThat(Api.texts(api.get(trail + "?eventType=StockIssued").json().get("items"), "eventType"))
                .containsExactly("StockIssued");
        JsonNode onFirstJanuary = api.get(trail + "?from=2022-01-01&to=2022-01-01").json();
        assertThat(onFirstJanuary.get("totalItems").asLong()).isEqualTo(3);
        assertThat(Api.texts(api.get(trail + "?to=1940-09-25").json().get("items"), "eventType"))
                .containsExactly("IssuerCreated");
        JsonNode secondPage = api.get(trail + "?size=3&page=1").json();
        assertThat(Api.texts(secondPage.get("items"), "eventType")).containsExactly("StockClassCreated", "StockIssued");
        assertThat(secondPage.get("totalPages").asInt()).isEqualTo(2);
    }

    private String accountId() {
        return api.get("/api/auth/me").json().get("accountId").asString();
    }

    @Test
    void eventsCarryEffectiveDateRecordedTimeActorAndIdempotencyKey() {
        Api.Response issuer = api.post("/api/issuers", """
                {"legalName": "Metadata Corp", "formationDate": "2020-02-02", "countryOfFormation": "US"}""",
                "Idempotency-Key", "metadata-test-key", "X-Correlation-Id", "corr-123");
        String issuerId = issuer.json().get("issuerId").asString();

        String metaData = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, issuerId);
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, issuerId);
        String revision = jdbc.queryForObject("SELECT payloadrevision FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, issuerId);

        assertThat(metaData).contains("\"actor\":\"" + accountId() + "\"", "\"idempotencyKey\":\"metadata-test-key\"",
                "\"correlationId\":\"corr-123\"");
        assertThat(payload).contains("\"formationDate\":\"2020-02-02\"", "\"legalName\":\"Metadata Corp\"");
        assertThat(revision).isEqualTo("1");
    }
}
