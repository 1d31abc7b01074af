package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Invitations: single-use tokens that create the account (or prove an existing one) and grant the invited role; who
 * may invite, list and revoke; a revoked token is as good as unknown.
 */
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
        JsonNode members = viewer.read("/api/issuers/" + issuerId + "/members", accepted).json();
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

    @Test
    void someoneWithAnAccountJoinsWithItsPasswordOrItsSessionAndKeepsThePassword() {
        String email = "member-" + UUID.randomUUID() + "@capledger.test";
        String accountId = account(email);
        String token = invite(api, email, "VIEWER").json().get("token").asString();
        String failedSignIn = withoutInstance(anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "not the password at all"}""".formatted(email)).text());

        Map<String, Long> before = counts();
        Api.Response wrongPassword = accept(anonymous, token, "not the password at all");
        Api.Response noProof = accept(anonymous, token, null);
        Api.Response otherAccount = accept(api, token, null);
        for (Api.Response refused : List.of(wrongPassword, noProof, otherAccount)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(401);
            assertThat(withoutInstance(refused.text())).isEqualTo(failedSignIn);
        }
        assertThat(counts()).isEqualTo(before);

        Api.Response joined = accept(anonymous, token, PASSWORD);
        assertThat(joined.status()).as(joined.text()).isEqualTo(200);
        assertThat(joined.json().get("accountId").asString()).isEqualTo(accountId);
        assertThat(joined.json().get("accountCreated").asBoolean()).isFalse();
        assertThat(count("account")).isEqualTo(before.get("accounts"));
        assertThat(accept(anonymous, token, PASSWORD).status()).as("used once").isEqualTo(404);

        // signed in to the invited account, no password needed; the new role replaces the old one
        Api member = anonymous.login(email, PASSWORD);
        String adminToken = invite(api, email, "ADMIN").json().get("token").asString();
        Api.Response bySession = accept(member, adminToken, null);
        assertThat(bySession.status()).as(bySession.text()).isEqualTo(200);
        JsonNode members = member.read("/api/issuers/" + issuerId + "/members", bySession).json();
        assertThat(members.valueStream().filter(m -> m.get("accountId").asString().equals(accountId))
                .map(m -> m.get("role").asString())).containsExactly("ADMIN");
        assertThat(anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD)).status())
                .as("password unchanged").isEqualTo(200);
    }

    @Test
    void wrongPasswordsSentWithAnInvitationCountAsFailedSignIns() {
        String email = "guessed-" + UUID.randomUUID() + "@capledger.test";
        account(email);
        String token = invite(api, email, "VIEWER").json().get("token").asString();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(accept(anonymous, token, "wrong password " + attempt).status()).isEqualTo(401);
        }
        Api.Response locked = accept(anonymous, token, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).matches("\\d+");
        assertThat(anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD)).status())
                .as("the same limit as signing in").isEqualTo(429);
    }

    @Test
    void ownersAndAdminsListOpenInvitationsWithoutTheirTokens() {
        String email = "listed-" + UUID.randomUUID() + "@capledger.test";
        Api.Response invited = invite(api, email, "VIEWER");
        String invitationId = invited.json().get("invitationId").asString();
        String token = invited.json().get("token").asString();
        String expired = invite(api, "expired-" + UUID.randomUUID() + "@capledger.test", "VIEWER").json()
                .get("invitationId").asString();
        jdbc.update("UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE invitation_id = ?", expired);
        String accepted = invite(api, "accepted-" + UUID.randomUUID() + "@capledger.test", "VIEWER").json()
                .get("token").asString();
        assertThat(accept(anonymous, accepted, PASSWORD).status()).isEqualTo(201);

        Api.Response list = api.get("/api/issuers/" + issuerId + "/invitations");

        assertThat(list.status()).as(list.text()).isEqualTo(200);
        assertThat(Api.texts(list.json(), "invitationId")).containsExactly(invitationId);
        JsonNode open = list.json().get(0);
        assertThat(open.get("email").asString()).isEqualTo(email);
        assertThat(open.get("role").asString()).isEqualTo("VIEWER");
        assertThat(open.get("expiresAt").asString()).isNotBlank();
        assertThat(open.get("createdAt").asString()).isNotBlank();
        assertThat(list.text()).doesNotContain(token).doesNotContainIgnoringCase("token")
                .doesNotContain(jdbc.queryForObject("SELECT token_hash FROM invitation WHERE invitation_id = ?",
                        String.class, invitationId));
    }

    @Test
    void aRevokedInvitationAnswersLikeAnUnknownTokenAndIsInTheAuditTrail() {
        Api.Response invited = invite(api, "revoked-" + UUID.randomUUID() + "@capledger.test", "VIEWER");
        String invitationId = invited.json().get("invitationId").asString();
        String token = invited.json().get("token").asString();

        Api.Response revoked = delete(api, invitationId);

        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        Map<String, Long> before = counts();
        Api.Response refused = accept(anonymous, token, PASSWORD);
        Api.Response unknown = accept(anonymous, "u".repeat(43), PASSWORD);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(withoutInstance(refused.text())).isEqualTo(withoutInstance(unknown.text()));
        Api.Response again = delete(api, invitationId);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(counts()).isEqualTo(before);
        assertThat(Api.texts(api.get("/api/issuers/" + issuerId + "/invitations").json(), "invitationId"))
                .doesNotContain(invitationId);

        JsonNode trail = api.read("/api/issuers/" + issuerId + "/audit-trail?eventType=InvitationRevoked", revoked)
                .json().get("items");
        assertThat(Api.texts(trail, "summary"))
                .containsExactly("Revoked the invitation as VIEWER (invitation " + invitationId + ")");
        assertThat(trail.get(0).get("actor").asString())
                .isEqualTo(api.get("/api/auth/me").json().get("accountId").asString());
    }

    @Test
    void anExpiredInvitationAnswersLikeAnUnknownToken() {
        String email = "late-" + UUID.randomUUID() + "@capledger.test";
        Api.Response invited = invite(api, email, "VIEWER");
        String token = invited.json().get("token").asString();
        jdbc.update("UPDATE invitation SET expires_at = now() - interval '1 second' WHERE invitation_id = ?",
                invited.json().get("invitationId").asString());
        Map<String, Long> before = counts();

        Api.Response expired = accept(anonymous, token, PASSWORD);
        Api.Response unknown = accept(anonymous, "e".repeat(43), PASSWORD);

        assertThat(expired.status()).isEqualTo(404);
        assertThat(withoutInstance(expired.text())).isEqualTo(withoutInstance(unknown.text()));
        assertThat(withoutDate(expired.headers())).isEqualTo(withoutDate(unknown.headers()));
        assertThat(counts()).isEqualTo(before);
        assertThat(anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD)).status()).as("no account").isEqualTo(401);
    }

    @Test
    void adminsRevokeInvitationsBelowOwnerAndViewersNeitherListNorRevoke() {
        Api issuerAdmin = joined("ADMIN");
        Api viewer = joined("VIEWER");
        String toOwner = invite(api, "owner-" + UUID.randomUUID() + "@capledger.test", "OWNER").json()
                .get("invitationId").asString();
        String toViewer = invite(api, "viewer-" + UUID.randomUUID() + "@capledger.test", "VIEWER").json()
                .get("invitationId").asString();

        Map<String, Long> before = counts();
        assertThat(delete(issuerAdmin, toOwner).status()).isEqualTo(403);
        assertThat(delete(viewer, toViewer).status()).isEqualTo(403);
        assertThat(viewer.get("/api/issuers/" + issuerId + "/invitations").status()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);

        assertThat(Api.texts(issuerAdmin.get("/api/issuers/" + issuerId + "/invitations").json(), "invitationId"))
                .contains(toOwner, toViewer);
        assertThat(delete(issuerAdmin, toViewer).status()).isEqualTo(200);
        assertThat(delete(api, toOwner).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- helpers

    private static final String PASSWORD = "a perfectly fine passphrase";

    /** A new account holding {@code role} on the issuer through an accepted invitation, signed in. */
    private Api joined(String role) {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@capledger.test";
        String token = invite(api, email, role).json().get("token").asString();
        assertThat(accept(anonymous, token, PASSWORD).status()).isEqualTo(201);
        return anonymous.login(email, PASSWORD);
    }

    private String account(String email) {
        Api.Response created = api.post("/api/accounts", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("accountId").asString();
    }

    private static Api.Response accept(Api as, String token, String password) {
        return as.post("/api/invitations/accept", password == null ? """
                {"token": "%s"}""".formatted(token) : """
                {"token": "%s", "password": "%s"}""".formatted(token, password));
    }

    private Api.Response delete(Api as, String invitationId) {
        return as.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/issuers/" + issuerId
                + "/invitations/" + invitationId)).DELETE());
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new java.util.TreeMap<>(headers);
        copy.remove("date");
        copy.remove("content-length");
        return copy;
    }

    private static String withoutInstance(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
    }

    private Api.Response invite(Api as, String email, String role) {
        return as.post("/api/issuers/" + issuerId + "/invitations", """
                {"email": "%s", "role": "%s"}""".formatted(email, role));
    }
}
