package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import io.jsonwebtoken.Jwts;
import org.capledger.platform.security.AccessTokenDenylist;
import org.capledger.platform.security.AccessTokens;
import org.capledger.platform.security.JwtKeys;
import org.capledger.platform.security.SecurityProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Named attacks on access and refresh tokens. Each must answer 401 with the one generic body, never a 5xx, and
 * change nothing.
 */
class TokenAttackTest extends EndToEndTest {

    @Autowired
    JwtKeys keys;
    @Autowired
    SecurityProperties properties;
    @Autowired
    AccessTokenDenylist denylist;

    private String issuerPath;
    private String genericBody;

    @BeforeEach
    void issuer() {
        Api.Response created = createIssuer("Target Corp", "2020-01-01");
        String issuerId = created.json().get("issuerId").asString();
        issuerPath = "/api/issuers/" + issuerId + "/stakeholders";
        assertThat(api.read(issuerPath, created).status()).isEqualTo(200);
        genericBody = anonymous.get(issuerPath).text();
    }

    @Test
    void noTokenIs401WithBearerChallenge() {
        Api.Response response = anonymous.get(issuerPath);
        assertGeneric401(response);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void garbageTokensAre401() {
        assertRefused("garbage");
        assertRefused("a.b.c");
        assertRefused("eyJhbGciOiJFZERTQSJ9..");
        assertRefused("x".repeat(5000));
        assertGeneric401(anonymous.get(issuerPath, "Authorization", "Basic YWRtaW46YWRtaW4="));
    }

    @Test
    void unsignedAlgNoneTokenIs401() {
        String header = base64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid() + "\"}");
        assertRefused(header + "." + base64(validClaimsJson()) + ".");
    }

    @Test
    void hs256SignedWithThePublicKeyIs401() {
        byte[] publicKey = keys.verificationKeys().get(kid()).getEncoded();
        String token = Jwts.builder().header().keyId(kid()).type("at+jwt").and()
                .claims(validClaims())
                .signWith(new SecretKeySpec(publicKey, "HmacSHA256"), Jwts.SIG.HS256)
                .compact();
        assertRefused(token);
    }

    @Test
    void tamperedPayloadIs401() {
        String token = api.token();
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"someone-else\"");
        assertRefused(parts[0] + "." + base64(payload) + "." + parts[2]);
    }

    @Test
    void expiredAndNotYetValidTokensAre401() {
        String sessionId = sessionOf(api.token());
        Instant now = Instant.now();
        assertRefused(tokensAt(now.minus(Duration.ofHours(2)), properties).issue(adminId(), sessionId).token());
        assertRefused(tokensAt(now.plus(Duration.ofHours(2)), properties).issue(adminId(), sessionId).token());
    }

    @Test
    void wrongIssuerOrAudienceIs401() {
        String sessionId = sessionOf(api.token());
        SecurityProperties otherIssuer = new SecurityProperties("someone-else", properties.audience(),
                properties.accessTokenTtl(), properties.refreshTokenTtl(), properties.sessionMaxAge(), properties.clockSkew(),
                properties.jwt(),
                properties.corsAllowedOrigins());
        SecurityProperties otherAudience = new SecurityProperties(properties.issuer(), "another-api",
                properties.accessTokenTtl(), properties.refreshTokenTtl(), properties.sessionMaxAge(), properties.clockSkew(),
                properties.jwt(),
                properties.corsAllowedOrigins());
        assertRefused(tokensAt(Instant.now(), otherIssuer).issue(adminId(), sessionId).token());
        assertRefused(tokensAt(Instant.now(), otherAudience).issue(adminId(), sessionId).token());
    }

    @Test
    void hostileKeyHeadersAre401AndFetchNothing() throws Exception {
        KeyPair attacker = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        // where the attacker would serve its key: any connection to it means the verifier went to fetch one
        try (ServerSocket keyServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String keyHost = "http://127.0.0.1:" + keyServer.getLocalPort();
            // the attacker's own key, announced in every way a naive verifier might trust
            for (String kid : new String[]{"../../../../etc/passwd", "unknown", keyHost + "/kid", kid()}) {
                String token = Jwts.builder()
                        .header().keyId(kid).type("at+jwt")
                        .add("jku", keyHost + "/keys.json").add("x5u", keyHost + "/cert.pem")
                        .add("jwk", Map.of("kty", "OKP", "crv", "Ed25519", "x",
                                base64Bytes(java.util.Arrays.copyOfRange(attacker.getPublic().getEncoded(), 12, 44))))
                        .and()
                        .claims(validClaims())
                        .signWith(attacker.getPrivate(), Jwts.SIG.EdDSA)
                        .compact();
                assertRefused(token);
            }
            // a connection made during the requests waits in the backlog; none may be there
            keyServer.setSoTimeout(500);
            assertThatThrownBy(keyServer::accept).as("no connection to the announced key URLs")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void refreshTokenIsNotAnAccessTokenAndTheReverse() {
        JsonNode login = login();
        assertRefused(login.get("refreshToken").asString());

        String accessToken = login.get("accessToken").asString();
        assertThat(accessToken.length()).as("longer than any refresh token").isGreaterThan(128);
        Timestamp start = now();
        Map<String, Long> before = counts();
        for (String notARefreshToken : List.of(accessToken, "x".repeat(5000), "garbage")) {
            assertGeneric401(anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + notARefreshToken + "\"}"));
            assertGeneric401(anonymous.post("/api/auth/refresh", "{}", "Cookie", "capledger_refresh=" + notARefreshToken));
        }
        assertThat(counts()).isEqualTo(before);
        assertThat(refreshTokensIssuedSince(start)).isZero();
    }

    @Test
    void tokenAfterLogoutIs401WhileOtherSessionsGoOn() {
        Api first = anonymous.as(login().get("accessToken").asString());
        Api second = anonymous.as(login().get("accessToken").asString());
        assertThat(first.get(issuerPath).status()).isEqualTo(200);

        assertThat(first.post("/api/auth/logout", "").status()).isEqualTo(204);

        assertRefused(first.token());
        assertGeneric401(first.post("/api/auth/logout", ""));
        assertThat(second.get(issuerPath).status()).isEqualTo(200);
    }

    @Test
    void replayedRotatedRefreshTokenRevokesItsWholeSession() {
        JsonNode login = login();
        String original = login.get("refreshToken").asString();
        Api.Response rotated = anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + original + "\"}");
        assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
        String next = rotated.json().get("refreshToken").asString();
        Api stillValid = anonymous.as(rotated.json().get("accessToken").asString());
        assertThat(stillValid.get(issuerPath).status()).isEqualTo(200);
        Timestamp replayed = now();
        Map<String, Long> before = counts();

        assertGeneric401(anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + original + "\"}"));

        assertGeneric401(anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + next + "\"}"));
        assertRefused(stillValid.token());
        assertThat(counts()).isEqualTo(before);
        assertThat(refreshTokensIssuedSince(replayed)).isZero();
    }

    @Test
    void logoutAllEndsEverySession() {
        Api first = anonymous.as(login().get("accessToken").asString());
        Api second = anonymous.as(login().get("accessToken").asString());

        assertThat(first.post("/api/auth/logout-all", "").status()).isEqualTo(204);

        assertRefused(first.token());
        assertRefused(second.token());
    }

    @Test
    void wrongPasswordAndUnknownAccountAnswerTheSame() {
        Api.Response wrongPassword = anonymous.post("/api/auth/login",
                "{\"email\": \"" + ADMIN_EMAIL + "\", \"password\": \"not the password at all\"}");
        Api.Response unknown = anonymous.post("/api/auth/login",
                "{\"email\": \"nobody@capledger.test\", \"password\": \"not the password at all\"}");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.text().replace("nobody@capledger.test", ""))
                .isEqualTo(wrongPassword.text().replace(ADMIN_EMAIL, ""));
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode login() {
        Api.Response response = anonymous.post("/api/auth/login",
                "{\"email\": \"" + ADMIN_EMAIL + "\", \"password\": \"" + ADMIN_PASSWORD + "\"}");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private void assertRefused(String token) {
        Map<String, Long> before = counts();
        assertGeneric401(anonymous.get(issuerPath, "Authorization", "Bearer " + token));
        assertGeneric401(anonymous.post(issuerPath, """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Mallory"},
                 "relationship": "OTHER"}""", "Authorization", "Bearer " + token));
        assertThat(counts()).isEqualTo(before);
    }

    private void assertGeneric401(Api.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.text().replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(genericBody.replaceAll("\"instance\":\"[^\"]*\"", ""));
    }

    private Timestamp now() {
        return jdbc.queryForObject("SELECT clock_timestamp()", Timestamp.class);
    }

    /** Refresh tokens are rows of their own, beside their session: a rotation adds one and no session. */
    private long refreshTokensIssuedSince(Timestamp start) {
        return jdbc.queryForObject("SELECT count(*) FROM refresh_token WHERE created_at >= ?", Long.class, start);
    }

    private AccessTokens tokensAt(Instant instant, SecurityProperties settings) {
        return new AccessTokens(keys, settings, denylist, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private String kid() {
        return keys.signingKey().orElseThrow().keyId();
    }

    private String adminId() {
        return api.get("/api/auth/me").json().get("accountId").asString();
    }

    private static String sessionOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
    }

    private Map<String, Object> validClaims() {
        Instant now = Instant.now();
        return Map.of("iss", properties.issuer(), "aud", properties.audience(), "sub", adminId(),
                "jti", UUID.randomUUID().toString(), "sid", sessionOf(api.token()),
                "iat", now.getEpochSecond(), "nbf", now.getEpochSecond(),
                "exp", now.plusSeconds(600).getEpochSecond());
    }

    private String validClaimsJson() {
        StringBuilder json = new StringBuilder("{");
        validClaims().forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof String ? "\"" + v + "\"" : v));
        return json.append('}').toString();
    }

    private static String base64(String text) {
        return base64Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Bytes(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
