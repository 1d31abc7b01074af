package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Per-issuer roles and isolation: an account sees and changes only the issuers it has a role on, an issuer it
 * may not see is indistinguishable from one that does not exist, and a revoked role stops working at once.
 */
class TenantIsolationTest extends EndToEndTest {

    private static final String PASSWORD = "a long and unusual passphrase";

    private String issuerA;
    private String holderA;
    private String classA;
    private Api ownerA;
    private Api ownerB;
    private String issuerB;

    @BeforeEach
    void twoIssuers() {
        String alice = account("alice");
        String bob = account("bob");
        Api.Response a = api.command("/api/issuers", """
                {"legalName": "Alpha Inc.", "formationDate": "2020-01-01", "countryOfFormation": "US",
                 "ownerAccountId": "%s"}""".formatted(alice));
        Api.Response b = api.command("/api/issuers", """
                {"legalName": "Beta Inc.", "formationDate": "2020-01-01", "countryOfFormation": "US",
                 "ownerAccountId": "%s"}""".formatted(bob));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        issuerA = a.json().get("issuerId").asString();
        issuerB = b.json().get("issuerId").asString();
        ownerA = anonymous.login(email("alice"), PASSWORD);
        ownerB = anonymous.login(email("bob"), PASSWORD);
        holderA = ownerA.command("/api/issuers/" + issuerA + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Hal Holder"},
                 "relationship": "INVESTOR"}""").id();
        Api.Response created = ownerA.command("/api/issuers/" + issuerA + "/stock-classes", """
                {"date": "2020-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000"}""");
        classA = created.id();
        assertThat(ownerA.read("/api/issuers/" + issuerA + "/stock-classes", created).status()).isEqualTo(200);
    }

    @Test
    void anotherIssuersResourcesAnswerExactlyLikeUnknownOnes() {
        for (String path : new String[]{"", "/stakeholders", "/stock-classes", "/securities", "/cap-table",
                "/cap-table?asOf=2021-01-01", "/audit-trail", "/members", "/stakeholders/" + holderA}) {
            Api.Response foreign = ownerB.get("/api/issuers/" + issuerA + path);
            Api.Response unknown = ownerB.get("/api/issuers/" + "no-such-issuer" + path);
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(withoutInstance(foreign.text())).as(path).isEqualTo(withoutInstance(unknown.text()));
        }
        assertThat(Api.texts(ownerB.get("/api/issuers").json().get("items"), "legalName")).containsExactly("Beta Inc.");
    }

    @Test
    void commandsOnAnotherIssuerAnswerLikeUnknownAndChangeNothing() {
        Map<String, Long> before = counts();
        Api.Response foreign = ownerB.command("/api/issuers/" + issuerA + "/stock-issuances",
                issueBody(holderA, classA, "10", "2020-02-01"));
        Api.Response unknown = ownerB.command("/api/issuers/no-such-issuer/stock-issuances",
                issueBody(holderA, classA, "10", "2020-02-01"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(withoutInstance(foreign.text())).isEqualTo(withoutInstance(unknown.text()));
        assertThat(counts()).isEqualTo(before);
    }

    /** A version in If-Match, stale or not yet reached, must not make another issuer answer 412 instead of 404. */
    @Test
    void ifMatchTellsACallerWithoutARoleNothing() {
        String body = """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Mallory"}, "relationship": "OTHER"}""";
        Map<String, Long> before = counts();
        for (String version : new String[]{"\"0\"", "\"999\""}) {
            Api.Response foreign = ownerB.post("/api/issuers/" + issuerA + "/stakeholders", body, "If-Match", version);
            Api.Response unknown = ownerB.post("/api/issuers/no-such-issuer/stakeholders", body, "If-Match", version);
            assertThat(foreign.status()).as(version).isEqualTo(404);
            assertThat(withoutInstance(foreign.text())).as(version).isEqualTo(withoutInstance(unknown.text()));
        }
        Api.Response member = ownerA.post("/api/issuers/" + issuerA + "/stakeholders", body, "If-Match", "\"999\"");
        assertThat(member.status()).isEqualTo(412);
        assertThat(member.json().get("code").asString()).isEqualTo("VERSION_MISMATCH");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void idsOfAnotherIssuerInABodyAreNeverActedOn() {
        Api.Response bobsHolder = ownerB.command("/api/issuers/" + issuerB + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Bea"}, "relationship": "FOUNDER"}""");
        assertThat(bobsHolder.status()).isEqualTo(201);
        Map<String, Long> before = counts();
        Api.Response refused = ownerB.command("/api/issuers/" + issuerB + "/stock-issuances",
                issueBody(holderA, classA, "10", "2020-02-01"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("UNKNOWN_STAKEHOLDER");
        assertThat(counts()).isEqualTo(before);
    }

    /**
     * A role, an administrator flag or another issuer's id slipped into a body is never read: the body is refused
     * as a whole (400 UNKNOWN_FIELD naming the field), nothing changes, and the same request without it still works.
     */
    @Test
    void roleAndIssuerFieldsSlippedIntoBodiesAre400AndChangeNothing() {
        String invitee = email("invitee");
        Api.Response invited = ownerA.post("/api/issuers/" + issuerA + "/invitations", """
                {"email": "%s", "role": "VIEWER"}""".formatted(invitee));
        assertThat(invited.status()).as(invited.text()).isEqualTo(201);
        String token = invited.json().get("token").asString();

        unknownField(() -> api.post("/api/accounts", """
                {"email": "%s", "password": "%s", "role": "OWNER"}""".formatted(email("eve"), PASSWORD)), "role");
        unknownField(() -> api.post("/api/accounts", """
                {"email": "%s", "password": "%s", "platformAdmin": true}""".formatted(email("eve"), PASSWORD)),
                "platformAdmin");
        unknownField(() -> anonymous.post("/api/auth/signup", """
                {"email": "%s", "password": "%s", "role": "OWNER"}""".formatted(email("eve"), PASSWORD)), "role");
        unknownField(() -> anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s", "role": "OWNER"}""".formatted(email("alice"), PASSWORD)), "role");
        unknownField(() -> anonymous.post("/api/invitations/accept", """
                {"token": "%s", "password": "%s", "role": "OWNER"}""".formatted(token, PASSWORD)), "role");
        unknownField(() -> ownerA.command("/api/issuers/" + issuerA + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Mallory"},
                 "relationship": "OTHER", "role": "OWNER"}"""), "role");
        String issuance = issueBody(holderA, classA, "10", "2020-02-01");
        unknownField(() -> ownerA.command("/api/issuers/" + issuerA + "/stock-issuances",
                issuance.replaceFirst("\\{", "{\"issuerId\": \"" + issuerB + "\", ")), "issuerId");

        Api.Response accepted = anonymous.post("/api/invitations/accept", """
                {"token": "%s", "password": "%s"}""".formatted(token, PASSWORD));
        assertThat(accepted.status()).as("the invitation is still open").isEqualTo(201);
        JsonNode members = ownerA.read("/api/issuers/" + issuerA + "/members", accepted).json();
        assertThat(members.valueStream().filter(m -> m.get("accountId").asString()
                .equals(accepted.json().get("accountId").asString())).map(m -> m.get("role").asString()))
                .containsExactly("VIEWER");
    }

    @Test
    void viewersReadEverythingAndChangeNothing() {
        Api viewer = member("victor", "VIEWER", null);
        assertThat(viewer.get("/api/issuers/" + issuerA + "/cap-table").status()).isEqualTo(200);
        assertThat(viewer.get("/api/issuers/" + issuerA + "/audit-trail").status()).isEqualTo(200);
        refusedWithoutChange(() -> viewer.command("/api/issuers/" + issuerA + "/stock-issuances",
                issueBody(holderA, classA, "10", "2020-02-01")), 403, "FORBIDDEN");
        String mallory = account("mallory");
        refusedWithoutChange(() -> viewer.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/issuers/" + issuerA + "/members/" + mallory))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"role\": \"OWNER\"}"))), 403, "FORBIDDEN");
    }

    @Test
    void shareholdersSeeTheirOwnHoldingsAndTotalsButNoOtherHolder() {
        String other = ownerA.command("/api/issuers/" + issuerA + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Olga Other"},
                 "relationship": "INVESTOR"}""").id();
        ownerA.command("/api/issuers/" + issuerA + "/stock-issuances", issueBody(holderA, classA, "100", "2020-02-01"));
        Api.Response last = ownerA.command("/api/issuers/" + issuerA + "/stock-issuances",
                issueBody(other, classA, "300", "2020-02-01"));
        Api shareholder = member("sam", "SHAREHOLDER", holderA);
        String base = "/api/issuers/" + issuerA;

        assertThat(shareholder.read(base, last).status()).isEqualTo(200);
        JsonNode table = shareholder.get(base + "/cap-table").json();
        assertThat(Api.texts(table.get("holders"), "name")).containsExactly("Hal Holder");
        assertThat(table.get("totals").get("sharesOutstanding").asString()).isEqualTo("400");
        assertThat(Api.texts(shareholder.get(base + "/cap-table?asOf=2021-01-01").json().get("holders"), "name"))
                .containsExactly("Hal Holder");
        assertThat(Api.texts(shareholder.get(base + "/stakeholders").json().get("items"), "stakeholderId"))
                .containsExactly(holderA);
        assertThat(Api.texts(shareholder.get(base + "/securities").json().get("items"), "stakeholderId"))
                .containsExactly(holderA);
        assertThat(shareholder.get(base + "/securities?stakeholderId=" + other).json().get("items")).isEmpty();
        assertThat(shareholder.get(base + "/stakeholders/" + other).status()).isEqualTo(404);
        assertThat(shareholder.get(base + "/stakeholders/" + holderA).status()).isEqualTo(200);
        assertThat(shareholder.get(base + "/stock-classes").status()).isEqualTo(200);
        assertThat(shareholder.get(base + "/audit-trail").status()).isEqualTo(404);
        assertThat(shareholder.get(base + "/members").status()).isEqualTo(404);
        assertThat(shareholder.get(base + "/cap-table").text()).doesNotContain("Olga Other", other);
        refusedWithoutChange(() -> shareholder.command(base + "/stock-issuances",
                issueBody(holderA, classA, "10", "2020-02-01")), 403, "FORBIDDEN");
    }

    @Test
    void revokedRoleStopsWorkingWithAStillValidToken() {
        String victor = account("victor2");
        Api viewer = grant(victor, "VIEWER", null);
        assertThat(viewer.get("/api/issuers/" + issuerA + "/cap-table").status()).isEqualTo(200);

        Api.Response revoked = ownerA.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/issuers/" + issuerA + "/members/" + victor)).DELETE());
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);

        Api.Response after = viewer.read("/api/issuers/" + issuerA + "/cap-table", revoked);
        assertThat(after.status()).isEqualTo(404);
        JsonNode trail = ownerA.read("/api/issuers/" + issuerA + "/audit-trail?eventType=RoleRevoked", revoked).json();
        assertThat(trail.get("items").get(0).get("summary").asString()).contains("Revoked VIEWER", victor);
    }

    @Test
    void theLastOwnerCannotBeRemovedAndOnlyAdministratorsCreateIssuers() {
        String alice = ownerA.get("/api/auth/me").json().get("accountId").asString();
        Api.Response removeSelf = ownerA.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + "/api/issuers/" + issuerA + "/members/" + alice)).DELETE());
        assertThat(removeSelf.status()).isEqualTo(422);
        assertThat(removeSelf.json().get("code").asString()).isEqualTo("LAST_OWNER");
        refusedWithoutChange(() -> ownerA.command("/api/issuers", """
                {"legalName": "Gamma Inc.", "formationDate": "2020-01-01", "countryOfFormation": "US"}"""),
                403, "FORBIDDEN");
    }

    // ---------------------------------------------------------------- helpers

    private Api member(String name, String role, String stakeholderId) {
        return grant(account(name), role, stakeholderId);
    }

    private Api grant(String accountId, String role, String stakeholderId) {
        Api.Response granted = ownerA.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/issuers/" + issuerA + "/members/" + accountId))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(stakeholderId == null
                        ? "{\"role\": \"" + role + "\"}"
                        : "{\"role\": \"" + role + "\", \"stakeholderId\": \"" + stakeholderId + "\"}")));
        assertThat(granted.status()).as(granted.text()).isEqualTo(200);
        Api member = anonymous.login(emails.get(accountId), PASSWORD);
        assertThat(member.read("/api/issuers/" + issuerA, granted).status()).isEqualTo(200);
        return member;
    }

    private final Map<String, String> emails = new java.util.HashMap<>();

    private String account(String name) {
        String email = email(name);
        Api.Response created = api.post("/api/accounts", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("accountId").asString();
        emails.put(id, email);
        return id;
    }

    private String email(String name) {
        return emails.computeIfAbsent("name:" + name, k -> name + "-" + UUID.randomUUID() + "@capledger.test");
    }

    private void refusedWithoutChange(Supplier<Api.Response> request, int status, String code) {
        Map<String, Long> before = counts();
        Api.Response response = request.get();
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).isEqualTo(code);
        assertThat(counts()).isEqualTo(before);
    }

    private void unknownField(Supplier<Api.Response> request, String field) {
        Map<String, Long> before = counts();
        Api.Response response = request.get();
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("UNKNOWN_FIELD");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(counts()).isEqualTo(before);
    }

    private static String withoutInstance(String body) {
        return body.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }
}
