package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.UUID;

import org.capledger.command.accounts.Sessions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Listing and ending one's sessions; changing the password ends every other session; the browsers' refresh cookie.
 */
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

    /**
     * Browsers ask for the refresh token as a cookie that scripts cannot read and other sites cannot send; each
     * refresh through the cookie rotates it, and logging out clears it.
     */
    @Test
    void browsersKeepTheRefreshTokenInAStrictHttpOnlyCookie() {
        String email = account();
        Api.Response login = anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s", "cookie": true}""".formatted(email, PASSWORD));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("refreshToken").isNull()).as("not in the body").isTrue();
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
        String first = refreshCookie(login);
        assertThat(cookieAttributes(login)).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth")
                .anyMatch(attribute -> attribute.matches("Max-Age=\\d+") && !attribute.equals("Max-Age=0"));

        Api.Response refreshed = refreshWithCookie(first);
        assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
        assertThat(refreshed.json().get("refreshToken").isNull()).isTrue();
        String second = refreshCookie(refreshed);
        assertThat(second).isNotEqualTo(first);
        assertThat(cookieAttributes(refreshed)).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/api/auth");
        Api browser = anonymous.as(refreshed.json().get("accessToken").asString());
        assertThat(browser.get("/api/auth/me").json().get("email").asString()).isEqualTo(email);

        Api.Response loggedOut = browser.post("/api/auth/logout", "");
        assertThat(loggedOut.status()).isEqualTo(204);
        assertThat(refreshCookie(loggedOut)).isEmpty();
        assertThat(cookieAttributes(loggedOut)).contains("Max-Age=0", "HttpOnly", "Secure", "SameSite=Strict",
                "Path=/api/auth");
        assertThat(refreshWithCookie(second).status()).as("the session has ended").isEqualTo(401);
        assertThat(refreshWithCookie(first).status()).as("a rotated cookie never works again").isEqualTo(401);
    }

    private Api.Response refreshWithCookie(String value) {
        return anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/refresh"))
                .header("Cookie", "capledger_refresh=" + value).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The value of the {@code capledger_refresh} cookie the response sets. */
    private static String refreshCookie(Api.Response response) {
        String cookie = response.header("Set-Cookie");
        assertThat(cookie).as("Set-Cookie").startsWith("capledger_refresh=");
        return cookie.substring("capledger_refresh=".length(), cookie.indexOf(';'));
    }

    private static java.util.List<String> cookieAttributes(Api.Response response) {
        String cookie = response.header("Set-Cookie");
        return java.util.Arrays.stream(cookie.substring(cookie.indexOf(';') + 1).split(";")).map(String::strip)
                .toList();
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
