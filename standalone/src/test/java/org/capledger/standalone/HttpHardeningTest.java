package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * What every response carries and what the edge refuses: security headers, HSTS only over TLS, CORS only for the
 * configured origins ({@code capledger.security.cors-allowed-origins}, one origin in the tests), no TRACE, and
 * actuator endpoints beyond the probes only for platform administrators.
 */
class HttpHardeningTest extends EndToEndTest {

    static final String ALLOWED_ORIGIN = "https://app.capledger.test";
    private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        List<Api.Response> responses = List.of(
                api.get("/api/issuers"),
                anonymous.get("/api/issuers"),
                api.get("/api/nothing-here"),
                api.post("/api/issuers", "{\"legalName\": "),
                anonymous.post("/api/auth/login", "{\"email\": \"nobody-" + UUID.randomUUID()
                        + "@capledger.test\", \"password\": \"not the password\"}"),
                anonymous.get("/actuator/health/readiness"));
        assertThat(responses).extracting(Api.Response::status).containsExactly(200, 401, 404, 400, 401, 200);
        for (Api.Response response : responses) {
            assertThat(response.header("Content-Security-Policy")).isEqualTo(API_CSP);
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Cache-Control")).contains("no-store");
            assertThat(response.header("Strict-Transport-Security")).as("plain HTTP").isNull();
        }
    }

    /** Only the Swagger UI pages may run scripts, and only their own; they may not be framed either. */
    @Test
    void swaggerUiPagesGetAPolicyOfTheirOwn() {
        String csp = anonymous.get("/swagger-ui/index.html").header("Content-Security-Policy");
        assertThat(csp).startsWith("default-src 'self'; script-src 'self' 'unsafe-inline';")
                .endsWith("frame-ancestors 'none'");
        assertThat(anonymous.get("/v3/api-docs").header("Content-Security-Policy")).isEqualTo(API_CSP);
    }

    /**
     * Over TLS, as the application sees it behind the TLS proxy that sends {@code X-Forwarded-Proto: https}
     * ({@code server.forward-headers-strategy=framework}, as in docker-compose.yml), responses add HSTS.
     */
    @Test
    void hstsIsSentOverTlsOnly() {
        Api.Response overTls = api.get("/api/issuers", "X-Forwarded-Proto", "https");
        assertThat(overTls.status()).isEqualTo(200);
        assertThat(overTls.header("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(anonymous.get("/api/issuers", "X-Forwarded-Proto", "https").header("Strict-Transport-Security"))
                .as("on refusals too").isNotNull();
        assertThat(api.get("/api/issuers").header("Strict-Transport-Security")).isNull();
    }

    @Test
    void anOriginOutsideTheAllowListGetsNoCorsHeaders() {
        String evil = "https://evil.example";
        Api.Response preflight = preflight(evil);
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(corsHeaders(preflight)).isEmpty();

        Api.Response request = api.get("/api/issuers", "Origin", evil);
        assertThat(request.status()).isEqualTo(403);
        assertThat(corsHeaders(request)).isEmpty();
        assertThat(request.text()).doesNotContain("Beta", "legalName");
    }

    @Test
    void anAllowedOriginGetsCorsHeadersForTheApi() {
        Api.Response preflight = preflight(ALLOWED_ORIGIN);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "idempotency-key");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).as("tokens, not cookies").isNull();

        Api.Response request = api.get("/api/issuers", "Origin", ALLOWED_ORIGIN);
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED_ORIGIN);
        assertThat(request.header("Access-Control-Expose-Headers")).contains("Capledger-Position", "Retry-After");
    }

    /** TRACE would echo the request, Authorization header included, back to a script (cross-site tracing). */
    @Test
    void traceIsRefusedWithoutEchoingTheRequest() {
        String marker = "marker-" + UUID.randomUUID();
        for (String path : List.of("/api/issuers", "/actuator/health", "/")) {
            Api.Response trace = api.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method("TRACE", HttpRequest.BodyPublishers.noBody()), "X-Marker", marker);
            assertThat(trace.status()).as(path).isEqualTo(405);
            assertThat(trace.text()).as(path).doesNotContain(marker, api.token(), "X-Marker");
        }
    }

    @Test
    void actuatorBeyondTheProbesIsForPlatformAdministratorsOnly() {
        String email = "operator-" + UUID.randomUUID() + "@capledger.test";
        assertThat(api.post("/api/accounts", """
                {"email": "%s", "password": "a perfectly fine passphrase"}""".formatted(email)).status()).isEqualTo(201);
        Api account = anonymous.login(email, "a perfectly fine passphrase");

        for (String path : List.of("/actuator", "/actuator/info", "/actuator/health/db")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            Api.Response denied = account.get(path);
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(denied.json().get("code").asString()).isEqualTo("FORBIDDEN");
            assertThat(api.get(path).status()).as(path).isEqualTo(200);
        }
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(anonymous.get(probe).status()).as(probe).isEqualTo(200);
            assertThat(account.get(probe).status()).as(probe).isEqualTo(200);
        }
    }

    private Api.Response preflight(String origin) {
        return anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/issuers"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
    }

    private static List<String> corsHeaders(Api.Response response) {
        return response.headers().keySet().stream().filter(name -> name.toLowerCase().startsWith("access-control-"))
                .toList();
    }
}
