package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A projection that fails is never skipped: the processor rolls back, reports itself DOWN in readiness, retries,
 * and once the cause is gone processes the very event that failed.
 */
class ProjectionFailureTest extends EndToEndTest {

    @Test
    void failingProjectionIsRetriedAndVisibleInHealth() {
        String issuerId = createIssuer("Fragile Corp", "2020-01-01").json().get("issuerId").asString();
        String ann = registerStakeholder(issuerId, "Ann", "2020-01-01").id();
        String common = createStockClass(issuerId, "Common", "CS-", "1000", "2020-01-01").id();
        counts();
        // a row already holding label CS-1 makes the security projection's insert fail (unique label per issuer)
        jdbc.update("INSERT INTO security_view (security_id, issuer_id, label, label_number, stakeholder_id, "
                + "stock_class_id, quantity, price_amount, price_currency, issue_date, status, origin, recorded_at) "
                + "VALUES ('blocker', ?, 'CS-1', 1, 'x', 'x', 1, 0, 'USD', DATE '2020-01-01', 'BLOCKED', 'ISSUANCE', "
                + "now())",
                issuerId);
        try {
            Api.Response issued = issue(issuerId, ann, common, "10", "2020-02-01");
            assertThat(issued.status()).isEqualTo(201);
            long position = Long.parseLong(issued.position());

            assertThat(eventually(() -> api.get("/actuator/health/readiness").status() == 503)).isTrue();
            Api.Response readiness = api.get("/actuator/health/readiness");
            assertThat(readiness.json().get("components").get("eventProcessors").get("status").asString())
                    .isEqualTo("DOWN");
            assertThat(processors.hasProcessed(position)).isFalse();
            Api.Response lagging = api.get("/api/issuers/" + issuerId + "/securities", "Capledger-Position",
                    issued.position());
            assertThat(lagging.status()).isEqualTo(503);
            assertThat(lagging.json().get("code").asString()).isEqualTo("PROJECTION_LAGGING");
        } finally {
            jdbc.update("DELETE FROM security_view WHERE security_id = 'blocker'");
        }

        assertThat(processors.awaitProcessed(processors.headPosition(), Duration.ofSeconds(90))).isTrue();
        assertThat(jdbc.queryForObject("SELECT quantity FROM security_view WHERE issuer_id = ? AND label = 'CS-1'",
                Long.class, issuerId)).isEqualTo(10L);
        assertThat(eventually(() -> api.get("/actuator/health/readiness").status() == 200)).isTrue();
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
