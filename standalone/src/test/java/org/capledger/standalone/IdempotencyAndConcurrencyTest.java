package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Idempotency-Key, If-Match and concurrent writers on one issuer. */
class IdempotencyAndConcurrencyTest extends EndToEndTest {

    @Test
    void parallelRequestsWithOneKeyRecordOneEventAndShareTheFirstResponse() throws Exception {
        String issuerId = createIssuer("Parallel Inc.", "2020-01-01").json().get("issuerId").asString();
        String body = """
                {"date": "2020-02-01", "type": "INSTITUTION", "name": {"legalName": "Fund I LP"},
                 "relationship": "INVESTOR"}""";

        List<Api.Response> responses = inParallel(8, () -> api.post("/api/issuers/" + issuerId + "/stakeholders",
                body, "Idempotency-Key", "parallel-" + issuerId));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        assertThat(new HashSet<>(responses.stream().map(r -> r.header("Location")).toList())).hasSize(1);
        assertThat(new HashSet<>(responses.stream().map(Api.Response::text).toList())).hasSize(1);
        assertThat(events(issuerId)).as("issuer, owner, stakeholder").isEqualTo(3);
        assertThat(api.read("/api/issuers/" + issuerId + "/stakeholders", responses.get(0)).json()
                .get("totalItems").asLong()).isEqualTo(1);
    }

    /** Keys are each account's own: another account's same key and request is recorded for it, not replayed. */
    @Test
    void anotherAccountsSameKeyIsItsOwnAndGetsNoneOfTheFirstResponse() {
        String email = "idem-" + java.util.UUID.randomUUID() + "@capledger.test";
        Api.Response account = api.post("/api/accounts", """
                {"email": "%s", "password": "another long passphrase 42"}""".formatted(email));
        assertThat(account.status()).as(account.text()).isEqualTo(201);
        String body = """
                {"legalName": "Same Key Ltd", "formationDate": "2020-01-01", "countryOfFormation": "US"}""";
        String key = "shared-" + java.util.UUID.randomUUID();
        Api.Response first = api.post("/api/issuers", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);

        Api other = anonymous.login(email, "another long passphrase 42");
        Api.Response second = other.post("/api/issuers", body, "Idempotency-Key", key);
        assertThat(second.status()).as("not the first account's stored 201").isEqualTo(403);
        assertThat(second.text()).doesNotContain(first.json().get("issuerId").asString());
        Api.Response replayed = api.post("/api/issuers", body, "Idempotency-Key", key);
        assertThat(replayed.json().get("issuerId").asString()).isEqualTo(first.json().get("issuerId").asString());
    }

    @Test
    void sameKeyWithAnotherBodyIsRefusedAndChangesNothing() {
        String issuerId = createIssuer("Reuse Ltd", "2020-01-01").json().get("issuerId").asString();
        String path = "/api/issuers/" + issuerId + "/stakeholders";
        Api.Response first = api.post(path, """
                {"date": "2020-02-01", "type": "INDIVIDUAL", "name": {"legalName": "Ann"}, "relationship": "FOUNDER"}""",
                "Idempotency-Key", "reuse-" + issuerId);
        Map<String, Long> before = counts();

        Api.Response again = api.post(path, """
                {"date": "2020-02-01", "type": "INDIVIDUAL", "name": {"legalName": "Bob"}, "relationship": "FOUNDER"}""",
                "Idempotency-Key", "reuse-" + issuerId);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void staleIfMatchIsRefusedWith412AndCurrentVersionIsAccepted() {
        Api.Response created = createIssuer("Versioned Co", "2020-01-01");
        String issuerId = created.json().get("issuerId").asString();
        Api.Response second = registerStakeholder(issuerId, "Ann", "2020-01-01");
        assertThat(second.header("ETag")).isEqualTo("\"2\"");
        Map<String, Long> before = counts();

        Api.Response stale = api.post("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Bob"}, "relationship": "FOUNDER"}""",
                "If-Match", created.header("ETag"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asString()).isEqualTo("VERSION_MISMATCH");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(counts()).isEqualTo(before);

        Api.Response current = api.post("/api/issuers/" + issuerId + "/stakeholders", """
                {"date": "2020-01-01", "type": "INDIVIDUAL", "name": {"legalName": "Bob"}, "relationship": "FOUNDER"}""",
                "If-Match", second.header("ETag"));
        assertThat(current.status()).isEqualTo(201);
        assertThat(current.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    void concurrentCommandsOnOneIssuerLoseNoUpdate() throws Exception {
        String issuerId = createIssuer("Busy Corp", "2020-01-01").json().get("issuerId").asString();
        String ann = registerStakeholder(issuerId, "Ann", "2020-01-01").id();
        String common = createStockClass(issuerId, "Common", "CS-", "1000000", "2020-01-01").id();

        List<Api.Response> responses = inParallel(12, () -> issue(issuerId, ann, common, "10", "2021-01-01"));

        assertThat(responses).extracting(Api.Response::status).containsOnly(201);
        assertThat(events(issuerId)).isEqualTo(4 + 12);
        Api.Response last = responses.stream().max((a, b) -> Long.compare(Long.parseLong(a.position()),
                Long.parseLong(b.position()))).orElseThrow();
        List<String> labels = labels(api.read("/api/issuers/" + issuerId + "/securities?size=100", last));
        assertThat(labels).hasSize(12).doesNotHaveDuplicates();
        assertThat(labels).contains("CS-1", "CS-12");
        assertThat(api.read("/api/issuers/" + issuerId + "/cap-table", last).json()
                .get("totals").get("sharesOutstanding").asString()).isEqualTo("120");
    }

    private static List<Api.Response> inParallel(int count, Callable<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
