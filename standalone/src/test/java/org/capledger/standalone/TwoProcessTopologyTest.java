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
        processes.add(launch("command-side", commandPort, url, keys, logs.resolve("command-side.log")));
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

    /** Both processes share one development key folder; only the command side, which signs, reads the private key. */
    @Test
    void theQuerySideHoldsOnlyThePublicKey() throws IOException {
        Path logs = Path.of("target", "two-process");
        assertThat(Files.readString(logs.resolve("command-side.log"))).contains("signing and verifying");
        assertThat(Files.readString(logs.resolve("query-side.log"))).contains("verifying only")
                .doesNotContain("signing and verifying");
    }

    private static Process launch(String module, int port, String url, Path keys, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-jar", executableJar(module).toString(),
                "--server.port=" + port, "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--capledger.security.jwt.key-directory=" + keys,
                "--capledger.admin.email=" + EndToEndTest.ADMIN_EMAIL,
                "--capledger.admin.password=" + EndToEndTest.ADMIN_PASSWORD);
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
