package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security events reach the log ({@code capledger.security}) with who, which issuer, from where and when, and no
 * password or token does.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsTest extends EndToEndTest {

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Logger securityLog;

    @BeforeEach
    void captureSecurityEvents() {
        securityLog = (Logger) LoggerFactory.getLogger("capledger.security");
        events.start();
        securityLog.addAppender(events);
    }

    @AfterEach
    void stopCapturing() {
        securityLog.detachAppender(events);
    }

    @Test
    void signInsAndBadTokensAreLoggedWithoutSecrets(CapturedOutput output) {
        String password = "definitely-not-the-password-" + System.nanoTime();
        String token = "eyJhbGciOiJub25lIn0.e30.garbage-" + System.nanoTime();

        anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(ADMIN_EMAIL, password));
        anonymous.get("/api/issuers", "Authorization", "Bearer " + token);
        api.get("/api/issuers/not-mine/cap-table");

        assertThat(output.getAll()).contains("login_failure", "login_success", "invalid_token")
                .doesNotContain(password, token, api.token(), ADMIN_PASSWORD);
    }

    @Test
    void aReusedRefreshTokenIsLoggedWithAccountSessionAddressAndTime(CapturedOutput output) {
        Instant start = Instant.now();
        String adminId = api.get("/api/auth/me").json().get("accountId").asString();
        JsonNode login = anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(ADMIN_EMAIL, ADMIN_PASSWORD)).json();
        String original = login.get("refreshToken").asString();
        JsonNode rotated = refresh(original, "10.20.0.1").json();

        assertThat(refresh(original, "10.20.0.2").status()).isEqualTo(401);

        Map<String, String> reuse = single("refresh_token_reuse");
        assertThat(reuse).containsEntry("account", adminId).containsEntry("ip", "10.20.0.2").containsKey("session");
        assertThat(time("refresh_token_reuse")).isBetween(start, Instant.now());
        assertThat(output.getAll()).contains("refresh_token_reuse")
                .doesNotContain(original, rotated.get("refreshToken").asString(),
                        rotated.get("accessToken").asString(), login.get("accessToken").asString(), ADMIN_PASSWORD);
    }

    @Test
    void deniedReadsAndCommandsAreLoggedWithAccountIssuerAddressAndTime(CapturedOutput output) {
        Instant start = Instant.now();
        String issuerId = createIssuer("Watched Inc.", "2020-01-01").json().get("issuerId").asString();
        String email = "outsider-" + UUID.randomUUID() + "@capledger.test";
        String password = "an outsider's passphrase";
        String outsiderId = api.post("/api/accounts", """
                {"email": "%s", "password": "%s"}""".formatted(email, password)).json().get("accountId").asString();
        Api outsider = anonymous.login(email, password);

        assertThat(outsider.get("/api/issuers/" + issuerId + "/cap-table", "X-Forwarded-For", "10.20.0.3").status())
                .isEqualTo(404);
        assertThat(outsider.post("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Mallory"}, "relationship": "OTHER"}""",
                "Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", "10.20.0.4").status())
                .isEqualTo(404);

        List<Map<String, String>> denied = all("access_denied").stream()
                .filter(event -> outsiderId.equals(event.get("account"))).toList();
        assertThat(denied).hasSize(2).allSatisfy(event -> assertThat(event).containsEntry("issuer", issuerId));
        assertThat(denied).extracting(event -> event.get("ip")).containsExactly("10.20.0.3", "10.20.0.4");
        assertThat(events.list).filteredOn(event -> "access_denied".equals(pairs(event).get("event")))
                .allSatisfy(event -> assertThat(event.getInstant()).isBetween(start, Instant.now()));
        assertThat(output.getAll()).contains("access_denied").doesNotContain(outsider.token(), password);
    }

    /** The {@code prod} profile's JSON lines (Elastic Common Schema) carry the key-values as members. */
    @Test
    void productionLogLinesCarryTheKeyValuesAsJson() {
        String issuerId = "no-such-issuer-" + UUID.randomUUID();
        String email = "prober-" + UUID.randomUUID() + "@capledger.test";
        String accountId = api.post("/api/accounts", """
                {"email": "%s", "password": "a prober's passphrase"}""".formatted(email)).json().get("accountId")
                .asString();
        anonymous.login(email, "a prober's passphrase").get("/api/issuers/" + issuerId + "/cap-table",
                "X-Forwarded-For", "10.20.0.5");
        ILoggingEvent denied = events.list.stream().filter(event -> "access_denied".equals(pairs(event).get("event")))
                .reduce((first, second) -> second).orElseThrow();

        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.setFormat("ecs");
        encoder.start();
        JsonNode line = JsonMapper.builder().build().readTree(new String(encoder.encode(denied), StandardCharsets.UTF_8));

        assertThat(line.get("@timestamp").asString()).isNotBlank();
        assertThat(line.get("log").get("logger").asString()).isEqualTo("capledger.security");
        assertThat(line.get("event").asString()).isEqualTo("access_denied");
        assertThat(line.get("issuer").asString()).isEqualTo(issuerId);
        assertThat(line.get("ip").asString()).isEqualTo("10.20.0.5");
        assertThat(line.get("account").asString()).isEqualTo(accountId);
    }

    private Api.Response refresh(String token, String address) {
        return anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + token + "\"}", "X-Forwarded-For", address);
    }

    private List<Map<String, String>> all(String event) {
        return events.list.stream().map(SecurityEventsTest::pairs).filter(pairs -> event.equals(pairs.get("event")))
                .toList();
    }

    private Map<String, String> single(String event) {
        List<Map<String, String>> found = all(event);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private Instant time(String event) {
        return events.list.stream().filter(e -> event.equals(pairs(e).get("event"))).findFirst().orElseThrow()
                .getInstant();
    }

    private static Map<String, String> pairs(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        return pairs.stream().collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }
}
