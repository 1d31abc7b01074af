package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

import org.capledger.command.accounts.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Listing and ending one's sessions; changing the password ends every other session. */
class SessionsTest extends EndToEndTest {

    private static final String PASSWORD = "a perfectly fine passphrase";

    @Test
    void sessionsAreListedAndOneCanBeEnded() {
        String email = account();
        Api laptop = anonymous.login(email, PASSWORD);
        Api phone = anonymous.login(email, PASSWORD);

        JsonNode sessions = laptop.get("/api/auth/sessions").json();
        assertThat(sessions).hasSize(2);
        assertThat(sessions.valueStream().filter(s -> s.get("current").asBoolean()).count()).isEqualTo(1);
        String phoneSession = sessions.valueStream().filter(s -> !s.get("current").asBoolean()).findFirst()
                .orElseThrow().get("sessionId").asString();

        Api.Response ended = laptop.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/auth/sessions/" + phoneSession)).DELETE());
        assertThat(ended.status()).isEqualTo(204);
        assertThat(phone.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(laptop.get("/api/auth/me").status()).isEqualTo(200);
        // nobody ends another account's session
        Api.Response foreign = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/auth/sessions/" + sessions.get(0).get("sessionId").asString())).DELETE());
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions() {
        String email = account();
        Api here = anonymous.login(email, PASSWORD);
        Api elsewhere = anonymous.login(email, PASSWORD);

        assertThat(here.post("/api/auth/password", """
                {"currentPassword": "not it at all", "newPassword": "another fine passphrase"}""").status())
                .isEqualTo(401);
        Api.Response weak = here.post("/api/auth/password", """
                {"currentPassword": "%s", "newPassword": "qwerty123456"}""".formatted(PASSWORD));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("code").asString()).isEqualTo("WEAK_PASSWORD");

        assertThat(here.post("/api/auth/password", """
                {"currentPassword": "%s", "newPassword": "another fine passphrase"}""".formatted(PASSWORD)).status())
                .isEqualTo(204);

        assertThat(elsewhere.get("/api/auth/me").status()).isEqualTo(401);
        assertThat(here.get("/api/auth/me").status()).isEqualTo(200);
        assertThat(anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD)).status()).isEqualTo(401);
        assertThat(anonymous.login(email, "another fine passphrase").get("/api/auth/me").status()).isEqualTo(200);
    }

    @Autowired
    Sessions sessions;

    @Test
    void aSessionEndsAtItsMaximumAgeAndOldRowsAreDeleted() {
        String email = account();
        JsonNode login = anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD)).json();
        Api fresh = anonymous.as(login.get("accessToken").asString());
        String sessionId = fresh.get("/api/auth/sessions").json().get(0).get("sessionId").asString();
        jdbc.update("UPDATE session SET created_at = now() - interval '31 days' WHERE family_id = ?", sessionId);

        Api.Response refreshed = anonymous.post("/api/auth/refresh", """
                {"refreshToken": "%s"}""".formatted(login.get("refreshToken").asString()));
        assertThat(refreshed.status()).isEqualTo(401);

        long mine = jdbc.queryForObject("SELECT count(*) FROM session WHERE family_id = ?", Long.class, sessionId);
        assertThat(mine).isEqualTo(1);
        assertThat(sessions.deleteExpired()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM session WHERE family_id = ?", Long.class, sessionId))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE family_id = ?", Long.class,
                sessionId)).isZero();
        assertThat(api.get("/api/auth/me").status()).as("current sessions are kept").isEqualTo(200);
    }

    private String account() {
        String email = "session-" + UUID.randomUUID() + "@capledger.test";
        assertThat(api.post("/api/accounts", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD)).status()).isEqualTo(201);
        return email;
    }
}
