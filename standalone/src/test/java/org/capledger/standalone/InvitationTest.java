package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Invitations: single-use tokens that create the account and grant the invited role; who may invite whom. */
class InvitationTest extends EndToEndTest {

    private String issuerId;

    @BeforeEach
    void issuer() {
        issuerId = createIssuer("Invite Co", "2020-01-01").json().get("issuerId").asString();
    }

    @Test
    void anInviteeSetsAPasswordOnceAndGetsTheRole() {
        String email = "invitee-" + UUID.randomUUID() + "@capledger.test";
        Api.Response invited = invite(api, email, "VIEWER");
        assertThat(invited.status()).as(invited.text()).isEqualTo(201);
        String token = invited.json().get("token").asString();
        assertThat(token).hasSizeGreaterThan(40);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE convert_from(payload, 'UTF8') "
                + "LIKE ?", Long.class, "%" + email + "%")).as("no email in the event store").isZero();

        Api.Response accepted = anonymous.post("/api/invitations/accept", """
                {"token": "%s", "password": "a perfectly fine passphrase"}""".formatted(token));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        assertThat(accepted.json().get("email").asString()).isEqualTo(email);

        Api viewer = anonymous.login(email, "a perfectly fine passphrase");
        counts(); // waits until the read models hold the acceptance (it answers no position of its own)
        JsonNode members = viewer.get("/api/issuers/" + issuerId + "/members").json();
        assertThat(Api.texts(members, "role")).contains("VIEWER");
        assertThat(viewer.post("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "X"}, "relationship": "OTHER"}""")
                .status()).isEqualTo(403);

        Map<String, Long> before = counts();
        Api.Response again = anonymous.post("/api/invitations/accept", """
                {"token": "%s", "password": "another fine passphrase"}""".formatted(token));
        Api.Response unknown = anonymous.post("/api/invitations/accept", """
                {"token": "%s", "password": "another fine passphrase"}""".formatted("x".repeat(43)));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text()).isEqualTo(unknown.text());
        assertThat(counts()).isEqualTo(before);
        JsonNode trail = api.get("/api/issuers/" + issuerId + "/audit-trail?eventType=MemberInvited").json();
        assertThat(trail.get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void aWeakPasswordLeavesTheInvitationOpen() {
        String email = "weakinvitee-" + UUID.randomUUID() + "@capledger.test";
        String token = invite(api, email, "VIEWER").json().get("token").asString();
        Map<String, Long> before = counts();

        Api.Response weak = anonymous.post("/api/invitations/accept", """
                {"token": "%s", "password": "qwerty123456"}""".formatted(token));

        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("code").asString()).isEqualTo("WEAK_PASSWORD");
        assertThat(counts()).isEqualTo(before);
        assertThat(anonymous.post("/api/invitations/accept", """
                {"token": "%s", "password": "a perfectly fine passphrase"}""".formatted(token)).status()).isEqualTo(201);
    }

    @Test
    void onlyOwnersInviteOwnersAndViewersInviteNobody() {
        String adminEmail = "issueradmin-" + UUID.randomUUID() + "@capledger.test";
        String adminToken = invite(api, adminEmail, "ADMIN").json().get("token").asString();
        anonymous.post("/api/invitations/accept", """
                {"token": "%s", "password": "a perfectly fine passphrase"}""".formatted(adminToken));
        Api issuerAdmin = anonymous.login(adminEmail, "a perfectly fine passphrase");

        Map<String, Long> before = counts();
        Api.Response ownerByAdmin = invite(issuerAdmin, "x-" + UUID.randomUUID() + "@capledger.test", "OWNER");
        assertThat(ownerByAdmin.status()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
        assertThat(invite(issuerAdmin, "y-" + UUID.randomUUID() + "@capledger.test", "VIEWER").status())
                .isEqualTo(201);
        assertThat(invite(anonymous, "z-" + UUID.randomUUID() + "@capledger.test", "VIEWER").status())
                .isEqualTo(401);
    }

    private Api.Response invite(Api as, String email, String role) {
        return as.post("/api/issuers/" + issuerId + "/invitations", """
                {"email": "%s", "role": "%s"}""".formatted(email, role));
    }
}
