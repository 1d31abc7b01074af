package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The docker-compose topology without Docker: the command-side and query-side deployables (their executable
 * jars, as built by {@code package}) as two JVMs on one PostgreSQL. A command sent to one is visible through the
 * other, and only through events.
 */
class TwoProcessTopologyTest {

    private static EmbeddedPostgres postgres;
    private static final List<Process> processes = new ArrayList<>();
    private static Api commandSide;
    private static Api querySide;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        int commandPort = freePort();
        int queryPort = freePort();
        Path logs = Files.createDirectories(Path.of("target", "two-process"));
        Path keys = Files.createTempDirectory("capledger-keys-").resolve("keys");
        // as in docker-compose.yml: the query side serves the one Swagger UI, the command side only its document
        processes.add(launch("command-side", commandPort, url, keys, logs.resolve("command-side.log"),
                "--springdoc.swagger-ui.enabled=false"));
        processes.add(launch("query-side", queryPort, url, keys, logs.resolve("query-side.log")));
        awaitReady(new Api(commandPort));
        awaitReady(new Api(queryPort));
        // a token issued by the command side is verified by the query side with the public key alone
        commandSide = new Api(commandPort).login(EndToEndTest.ADMIN_EMAIL, EndToEndTest.ADMIN_PASSWORD);
        querySide = new Api(queryPort).as(commandSide.token());
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void commandOnTheCommandSideIsVisibleOnTheQuerySide() {
        Api.Response issuer = commandSide.command("/api/issuers", """
                {"legalName": "Split Deployment Inc.", "formationDate": "2021-01-01", "countryOfFormation": "US"}""");
        assertThat(issuer.status()).isEqualTo(201);
        String issuerId = issuer.json().get("issuerId").asString();
        String ann = commandSide.command("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2021-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Ann Split"},
                 "relationship": "FOUNDER"}""").id();
        String common = commandSide.command("/api/issuers/" + issuerId + "/stock-classes", """
                {"date": "2021-01-01", "name": "Common", "classType": "COMMON", "certificatePrefix": "CS-",
                 "votesPerShare": "1", "seniority": 1, "initialSharesAuthorized": "1000"}""").id();
        Api.Response issued = commandSide.command("/api/issuers/" + issuerId + "/stock-issuances",
                EndToEndTest.issueBody(ann, common, "400", "2021-02-01"));
        assertThat(issued.status()).isEqualTo(201);

        JsonNode capTable = querySide.read("/api/issuers/" + issuerId + "/cap-table", issued).json();
        assertThat(capTable.get("holders").get(0).get("name").asString()).isEqualTo("Ann Split");
        assertThat(capTable.get("totals").get("sharesOutstanding").asString()).isEqualTo("400");
        JsonNode asOf = querySide.get("/api/issuers/" + issuerId + "/cap-table?asOf=2021-01-31").json();
        assertThat(asOf.get("totals").get("sharesOutstanding").asString()).isEqualTo("0");
        // the command side serves no read models of its own
        assertThat(commandSide.get("/api/issuers/" + issuerId + "/cap-table").status()).isIn(404, 405);
    }

    /**
     * Self-signup is off by default, and then its route does not exist: signed in or not, it answers exactly as
     * a route that never existed (apart from the path the problem echoes).
     */
    @Test
    void withoutSelfSignupTheRouteAnswersLikeAnUnknownOne() {
        String body = """
                {"email": "someone-new@capledger.test", "password": "a perfectly fine passphrase"}""";
        for (Api caller : List.of(commandSide.as(null), commandSide)) {
            Api.Response signup = caller.post("/api/auth/signup", body);
            Api.Response unknown = caller.post("/api/auth/no-such-route", body);
            assertThat(signup.status()).isEqualTo(unknown.status()).isIn(401, 404);
            assertThat(signup.text().replace("api/auth/signup", "api/auth/ROUTE"))
                    .isEqualTo(unknown.text().replace("api/auth/no-such-route", "api/auth/ROUTE"));
            assertThat(signup.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
        }
        assertThat(commandSide.as(null).post("/api/auth/login", """
                {"email": "someone-new@capledger.test", "password": "a perfectly fine passphrase"}""").status())
                .isEqualTo(401);
    }

    /**
     * Swagger UI switched off ({@code springdoc.swagger-ui.enabled=false}, on the command side here): its routes
     * answer exactly as routes that never existed, signed in or not, while the OpenAPI document is still served;
     * the query side, with the default, serves the UI.
     */
    @Test
    void switchedOffSwaggerUiAnswersLikeAnUnknownRoute() {
        for (Api caller : List.of(commandSide.as(null), commandSide)) {
            Api.Response unknown = caller.get("/no-such-route");
            assertThat(unknown.status()).isIn(401, 404);
            for (String path : List.of("/swagger-ui.html", "/swagger-ui/index.html", "/v3/api-docs/swagger-config")) {
                Api.Response ui = caller.get(path);
                assertThat(ui.status()).as(path).isEqualTo(unknown.status());
                assertThat(ui.text().replace(path, "/ROUTE")).as(path)
                        .isEqualTo(unknown.text().replace("/no-such-route", "/ROUTE"));
                for (String header : List.of("WWW-Authenticate", "Content-Type", "Content-Security-Policy")) {
                    assertThat(ui.header(header)).as(path + " " + header).isEqualTo(unknown.header(header));
                }
            }
        }
        assertThat(commandSide.as(null).get("/v3/api-docs").status()).isEqualTo(200);
        Api.Response served = querySide.as(null).get("/swagger-ui/index.html");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.text()).contains("Swagger UI");
    }

    /**
     * Sign-in attempts per client address, at the default limit (30 a minute): past it, every attempt from that
     * address gets the same 429, the right password of a real account as much as an unknown email, while other
     * addresses sign in as usual.
     */
    @Test
    void signInAttemptsAreLimitedPerClientAddress() {
        Api client = commandSide.as(null);
        String address = "203.0.113.30";
        int passed = 0;
        Api.Response limited;
        // distinct unknown emails, so that the limit of failures per email is never what refuses
        while ((limited = login(client, "nobody-" + passed + "@capledger.test", address)).status() != 429) {
            assertThat(limited.status()).isEqualTo(401);
            assertThat(++passed).as("refused at some point").isLessThan(100);
        }
        assertThat(passed).as("the default allows 30 a minute").isGreaterThanOrEqualTo(30);
        assertThat(limited.header("Retry-After")).matches("\\d+");
        assertThat(limited.json().get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");

        // the bucket refills gradually (one attempt every 2 s), so compare two refusals sent back to back
        for (int tries = 1; ; tries++) {
            Api.Response knownAccount = client.post("/api/auth/login", """
                    {"email": "%s", "password": "%s"}""".formatted(EndToEndTest.ADMIN_EMAIL,
                    EndToEndTest.ADMIN_PASSWORD), "X-Forwarded-For", address);
            Api.Response unknownEmail = login(client, "nobody-else@capledger.test", address);
            if (knownAccount.status() == 429 && unknownEmail.status() == 429) {
                assertThat(withoutRetryAfter(knownAccount.text())).isEqualTo(withoutRetryAfter(unknownEmail.text()));
                break;
            }
            assertThat(tries).as("two refusals back to back").isLessThan(3);
        }
        assertThat(client.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(EndToEndTest.ADMIN_EMAIL, EndToEndTest.ADMIN_PASSWORD),
                "X-Forwarded-For", "203.0.113.31").status()).as("another address").isEqualTo(200);
    }

    private static Api.Response login(Api client, String email, String address) {
        return client.post("/api/auth/login", """
                {"email": "%s", "password": "not the password at all"}""".formatted(email),
                "X-Forwarded-For", address);
    }

    private static String withoutRetryAfter(String problem) {
        return problem.replaceAll(",\"retryAfter\":\\d+", "");
    }

    /** Both processes share one development key folder; only the command side, which signs, reads the private key. */
    @Test
    void theQuerySideHoldsOnlyThePublicKey() throws IOException {
        Path logs = Path.of("target", "two-process");
        assertThat(Files.readString(logs.resolve("command-side.log"))).contains("signing and verifying");
        assertThat(Files.readString(logs.resolve("query-side.log"))).contains("verifying only")
                .doesNotContain("signing and verifying");
    }

    /**
     * Starts a deployable with the settings docker-compose.yml gives it (behind the TLS proxy, so trusting
     * X-Forwarded-For) and otherwise the defaults, plus {@code settings}.
     */
    private static Process launch(String module, int port, String url, Path keys, Path log, String... settings)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", executableJar(module).toString(),
                "--server.port=" + port, "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--capledger.security.jwt.key-directory=" + keys,
                "--capledger.admin.email=" + EndToEndTest.ADMIN_EMAIL,
                "--capledger.admin.password=" + EndToEndTest.ADMIN_PASSWORD,
                "--server.forward-headers-strategy=framework"));
        command.addAll(List.of(settings));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(Api api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            for (Process process : processes) {
                assertThat(process.isAlive()).as("see target/two-process/*.log").isTrue();
            }
            try {
                if (api.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within 180 s; see target/two-process/*.log");
    }

    /** The module's Spring Boot executable jar; the reactor packages it before this module's tests run. */
    private static Path executableJar(String module) throws IOException {
        try (var jars = Files.list(Path.of("..", module, "target"))) {
            return jars.filter(jar -> jar.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no executable jar in ../" + module
                            + "/target: build with ./mvnw verify (or install) from the root"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
