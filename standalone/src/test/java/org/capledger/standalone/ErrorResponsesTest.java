package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every error class answers an RFC 9457 problem with a stable code, leaks nothing, and changes nothing. */
class ErrorResponsesTest extends EndToEndTest {

    private String issuerId;
    private String stakeholderId;
    private String classId;

    @BeforeEach
    void issuer() {
        issuerId = createIssuer("Errors Inc.", "2020-01-01").json().get("issuerId").asString();
        stakeholderId = registerStakeholder(issuerId, "Ann", "2020-01-01").id();
        classId = createStockClass(issuerId, "Common", "CS-", "1000", "2020-01-01").id();
    }

    @Test
    void malformedJsonIs400() {
        assertRefused(() -> api.post("/api/issuers/" + issuerId + "/stakeholders", "{\"date\": "), 400, "MALFORMED_REQUEST");
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        Api.Response response = assertRefused(() -> api.post("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Eve"}, "relationship": "FOUNDER",
                 "issuerId": "someone-else"}"""), 400, "UNKNOWN_FIELD");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("issuerId");
    }

    @Test
    void missingAndInvalidFieldsAre400ListingEachField() {
        Api.Response response = assertRefused(() -> api.post("/api/issuers/" + issuerId + "/stock-classes", """
                {"name": "", "classType": "COMMON", "certificatePrefix": "bad prefix!", "votesPerShare": "1",
                 "seniority": 0, "initialSharesAuthorized": "100"}"""), 400, "VALIDATION_FAILED");
        assertThat(Api.texts(response.json().get("errors"), "field"))
                .containsExactlyInAnyOrder("date", "name", "certificatePrefix", "seniority");
    }

    @Test
    void inexactQuantityIs400() {
        assertRefused(() -> issue(issuerId, stakeholderId, classId, "1.12345678901", "2020-02-01"), 400, "VALIDATION_FAILED");
        assertRefused(() -> issue(issuerId, stakeholderId, classId, "1e3", "2020-02-01"), 400, "VALIDATION_FAILED");
        assertRefused(() -> issue(issuerId, stakeholderId, classId, "-5", "2020-02-01"), 400, "VALIDATION_FAILED");
    }

    @Test
    void wrongContentTypeIs415() {
        assertRefused(() -> api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/issuers/"
                        + issuerId + "/stakeholders")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Ann"))), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownIssuerIs404ForCommandsAndQueries() {
        assertRefused(() -> registerStakeholder("no-such-issuer", "Ann", "2020-01-01"), 404, "ISSUER_NOT_FOUND");
        assertRefused(() -> api.get("/api/issuers/no-such-issuer/cap-table"), 404, "ISSUER_NOT_FOUND");
        assertRefused(() -> api.get("/api/issuers/no-such-issuer/cap-table?asOf=2020-01-01"), 404, "ISSUER_NOT_FOUND");
        assertRefused(() -> api.get("/api/issuers/no-such-issuer/securities"), 404, "ISSUER_NOT_FOUND");
        assertRefused(() -> api.get("/api/issuers/" + issuerId + "/securities/nope"), 404, "NOT_FOUND");
        assertRefused(() -> api.get("/api/nothing-here"), 404, "NOT_FOUND");
    }

    @Test
    void ruleViolationsAre422WithTheirCode() {
        assertRefused(() -> issue(issuerId, "unknown-holder", classId, "10", "2020-02-01"), 422, "UNKNOWN_STAKEHOLDER");
        assertRefused(() -> issue(issuerId, stakeholderId, "unknown-class", "10", "2020-02-01"), 422, "UNKNOWN_STOCK_CLASS");
        assertRefused(() -> issue(issuerId, stakeholderId, classId, "1001", "2020-02-01"), 422, "AUTHORIZED_SHARES_EXCEEDED");
        assertRefused(() -> issue(issuerId, stakeholderId, classId, "0", "2020-02-01"), 422, "INVALID_QUANTITY");
        assertRefused(() -> issue(issuerId, stakeholderId, classId, "1.5", "2020-02-01"), 422,
                "FRACTIONAL_SHARES_NOT_ALLOWED");
        assertRefused(() -> createStockClass(issuerId, "common", "XX-", "10", "2020-01-01"), 422,
                "DUPLICATE_STOCK_CLASS_NAME");
        assertRefused(() -> createStockClass(issuerId, "Other", "CS-", "10", "2020-01-01"), 422,
                "DUPLICATE_CERTIFICATE_PREFIX");
    }

    @Test
    void duplicateStakeholderEmailIs422() {
        api.command("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Bo"}, "email": "bo@example.com",
                 "relationship": "EMPLOYEE"}""");
        assertRefused(() -> api.post("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Bo Two"}, "email": "BO@example.com",
                 "relationship": "EMPLOYEE"}"""), 422, "DUPLICATE_STAKEHOLDER_EMAIL");
    }

    @Test
    void badQueryParametersAre400() {
        assertRefused(() -> api.get("/api/issuers/" + issuerId + "/cap-table?asOf=yesterday"), 400, "INVALID_PARAMETER");
        assertRefused(() -> api.get("/api/issuers/" + issuerId + "/stakeholders?size=1000"), 400, "INVALID_PARAMETER");
        assertRefused(() -> api.get("/api/issuers/" + issuerId + "/stakeholders?sort=password"), 400, "INVALID_PARAMETER");
        assertRefused(() -> api.get("/api/issuers/" + issuerId + "/cap-table", "Capledger-Position", "soon"), 400,
                "INVALID_PARAMETER");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "x".repeat(1_100_000);
        assertRefused(() -> api.post("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "%s"}, "relationship": "OTHER"}"""
                .formatted(huge)), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void unsupportedMethodIs405() {
        assertRefused(() -> api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/issuers/" + issuerId)).DELETE()), 405, "METHOD_NOT_ALLOWED");
    }

    private Api.Response assertRefused(Supplier<Api.Response> request, int status, String code) {
        Map<String, Long> before = counts();
        Api.Response response = request.get();
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("type").asString()).startsWith("https://capledger.org/problems/");
        assertThat(response.text()).doesNotContain("Exception", "at org.", "SQL", "select ", "insert ");
        assertThat(counts()).as("nothing changed").isEqualTo(before);
        return response;
    }
}
