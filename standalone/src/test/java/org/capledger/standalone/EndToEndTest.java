package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.capledger.query.processing.EventProcessors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the end-to-end tests: the standalone application on a random port with a fresh embedded PostgreSQL
 * in a temporary folder. All subclasses share one Spring context (and one database), so each test creates its
 * own issuer and counts only what it changes.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EndToEndTest {

    private static final Path DATA;
    /**
     * An SMTP server (GreenMail) for the whole run, so that certificate mail really goes out (CertificateMailTest).
     * Only stakeholders with an email are mailed, and few tests give one. One Spring context for all: Spring 7
     * pauses a cached context while another runs, and Axon's processors did not resume after such a pause.
     */
    static final GreenMail SMTP;

    static {
        try (ServerSocket free = new ServerSocket(0)) {
            DATA = Files.createTempDirectory("capledger-test-");
            SMTP = new GreenMail(new ServerSetup(free.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        SMTP.start();
    }

    static final String ADMIN_EMAIL = "admin@capledger.test";
    static final String ADMIN_PASSWORD = "correct horse battery staple 42";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("capledger.embedded-db.data-directory", DATA::toString);
        registry.add("capledger.admin.email", () -> ADMIN_EMAIL);
        registry.add("capledger.admin.password", () -> ADMIN_PASSWORD);
        // every test signs in from 127.0.0.1; RateLimitTest checks the per-email failure limit (default 5)
        registry.add("capledger.rate-limits.login-per-ip", () -> "100000");
        // off by default; on here so that SignupTest and AccessMatrixTest reach the route
        registry.add("capledger.accounts.self-signup", () -> "true");
        // as behind the TLS proxy (docker-compose.yml): SignupTest sends each client's address as X-Forwarded-For
        registry.add("server.forward-headers-strategy", () -> "framework");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("capledger.certificates.mail.poll-interval", () -> "200ms");
        // empty by default; one origin here so that HttpHardeningTest sees both an allowed and a refused origin
        registry.add("capledger.security.cors-allowed-origins", () -> HttpHardeningTest.ALLOWED_ORIGIN);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** Signed in as the platform administrator. */
    Api api;
    /** Not signed in. */
    Api anonymous;

    /** The port of the shared application, for {@link #everyIssuerExportsAsValidOcf}. */
    private static volatile int sharedPort;

    @BeforeEach
    void client() {
        sharedPort = port;
        anonymous = new Api(port);
        api = anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /**
     * After each test class: every issuer made so far that no earlier class exported exports as an OCF package that
     * validates against the OCF 1.2 schemas (the way an import checks it), so every history the tests record is
     * exportable; a failure names the issuer and belongs to the class that made it.
     */
    @AfterAll
    static void everyIssuerExportsAsValidOcf() {
        if (sharedPort != 0) {
            OcfExports.checkEveryNewIssuer(new Api(sharedPort).login(ADMIN_EMAIL, ADMIN_PASSWORD), sharedPort);
        }
    }

    @Autowired
    EventProcessors processors;

    /**
     * Events of every issuer, and every read-model row once the projections have caught up with the store: what
     * "nothing changed" is checked against.
     */
    Map<String, Long> counts() {
        assertThat(processors.awaitProcessed(processors.headPosition(), Duration.ofSeconds(30))).isTrue();
        return Map.of(
                "events", count("domainevententry"),
                "idempotency", count("idempotency_record"),
                "issuers", count("issuer_view"),
                "stakeholders", count("stakeholder_view"),
                "classes", count("stock_class_view"),
                "securities", count("security_view"),
                "audit", count("audit_entry"),
                "accounts", count("account"),
                "sessions", count("session"));
    }

    long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }

    long events(String issuerId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class,
                issuerId);
    }

    // ---------------------------------------------------------------- fixtures

    /** Uploads the package and waits for the import to end. */
    tools.jackson.databind.JsonNode importPackage(byte[] zip, String query) {
        return importPackage(zip, query, Duration.ofMinutes(3));
    }

    /** Uploads the package and waits, at most {@code patience}, for the import to end. */
    tools.jackson.databind.JsonNode importPackage(byte[] zip, String query, Duration patience) {
        return OcfPackages.importAndWait(api, zip, query, patience);
    }

    Api.Response createIssuer(String name, String formationDate) {
        return api.command("/api/issuers", """
                {"legalName": "%s", "formationDate": "%s", "countryOfFormation": "US", "subdivisionOfFormation": "DE"}
                """.formatted(name, formationDate));
    }

    Api.Response registerStakeholder(String issuerId, String name, String date) {
        return api.command("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "%s", "type": "INDIVIDUAL", "name": {"legalName": "%s"}, "relationship": "INVESTOR"}
                """.formatted(date, name));
    }

    Api.Response createStockClass(String issuerId, String name, String prefix, String authorized, String date) {
        return api.command("/api/issuers/" + issuerId + "/stock-classes", """
                {"date": "%s", "name": "%s", "classType": "COMMON", "certificatePrefix": "%s", "votesPerShare": "1",
                 "seniority": 1, "initialSharesAuthorized": "%s"}
                """.formatted(date, name, prefix, authorized));
    }

    Api.Response issue(String issuerId, String stakeholderId, String classId, String quantity, String date) {
        return api.command("/api/issuers/" + issuerId + "/stock-issuances", issueBody(stakeholderId, classId, quantity, date));
    }

    static String issueBody(String stakeholderId, String classId, String quantity, String date) {
        return """
                {"date": "%s", "stakeholderId": "%s", "stockClassId": "%s", "quantity": "%s",
                 "pricePerShare": {"amount": "0.01", "currency": "USD"}}
                """.formatted(date, stakeholderId, classId, quantity);
    }

    static List<String> labels(Api.Response securities) {
        return Api.texts(securities.json().get("items"), "label");
    }
}
