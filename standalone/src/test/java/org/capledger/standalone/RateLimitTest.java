package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.capledger.platform.security.RateLimitProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rate limits at their settings: failed sign-ins per email, refreshes per client address and API requests per
 * account (sign-ins per address: TwoProcessTopologyTest, since these tests all sign in from one address). Each
 * limited request answers 429 with Retry-After, changes nothing, and says nothing about whether an account or a
 * token exists. Buckets refill gradually, so a limit is reached after at least its capacity, not exactly at it.
 */
class RateLimitTest extends EndToEndTest {

    private static final String PASSWORD = "a perfectly fine passphrase";

    @Autowired
    RateLimitProperties limits;

    @Test
    void repeatedFailuresLockTheEmailWithoutRevealingWhetherItExists() {
        String known = "brute-" + UUID.randomUUID() + "@capledger.test";
        assertThat(api.post("/api/accounts", """
                {"email": "%s", "password": "%s"}""".formatted(known, PASSWORD)).status()).isEqualTo(201);
        String unknown = "nobody-" + UUID.randomUUID() + "@capledger.test";

        for (String email : new String[]{known, unknown}) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(login(email, "wrong password " + attempt).status()).isEqualTo(401);
            }
            Map<String, Long> before = counts();
            Api.Response locked = login(email, "wrong password 6");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(counts()).isEqualTo(before);
            assertThat(locked.header("Retry-After")).matches("\\d+");
            assertThat(locked.json().get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
        }
        // even the right password waits, and the answer is the same as for the unknown email
        Api.Response rightButLocked = login(known, PASSWORD);
        assertThat(rightButLocked.status()).isEqualTo(429);
        assertThat(withoutRetryAfter(login(unknown, PASSWORD).text())).isEqualTo(withoutRetryAfter(rightButLocked.text()));
        // other accounts are unaffected
        assertThat(login(ADMIN_EMAIL, ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void refreshesAreLimitedPerClientAddressWhetherTheTokenIsValidOrNot() {
        String address = clientIp();
        for (int tries = 1; ; tries++) {
            String valid = anonymous.post("/api/auth/login", """
                    {"email": "%s", "password": "%s"}""".formatted(ADMIN_EMAIL, ADMIN_PASSWORD)).json()
                    .get("refreshToken").asString();
            Map<String, Long> before = counts();

            long passed = 0;
            Api.Response limited;
            while ((limited = refresh("not-a-refresh-token-" + passed, address)).status() != 429) {
                assertThat(limited.status()).isEqualTo(401);
                assertThat(++passed).as("refused at some point").isLessThan(10 * limits.refreshPerIp());
            }
            if (tries == 1) {
                assertThat(passed).isGreaterThanOrEqualTo(limits.refreshPerIp());
            }
            assertThat(limited.header("Retry-After")).matches("\\d+");
            assertThat(limited.json().get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");

            // a valid refresh token gets the same refusal and stays unused
            Api.Response forValid = refresh(valid, address);
            Api.Response forGarbage = refresh("not-a-refresh-token", address);
            if (forValid.status() == 429 && forGarbage.status() == 429) {
                assertThat(withoutRetryAfter(forValid.text())).isEqualTo(withoutRetryAfter(forGarbage.text()));
                assertThat(counts()).isEqualTo(before);
                // still unused: a used one would now be refused as reused, and end its session
                assertThat(refresh(valid, clientIp()).status()).as("from another address").isEqualTo(200);
                return;
            }
            // one refill (one a second) slipped in between: start over
            assertThat(tries).as("two refusals back to back").isLessThan(3);
        }
    }

    @Test
    void apiRequestsAreLimitedPerAccountWhateverItsSession() {
        String email = "busy-" + UUID.randomUUID() + "@capledger.test";
        assertThat(api.post("/api/accounts", """
                {"email": "%s", "password": "%s"}""".formatted(email, PASSWORD)).status()).isEqualTo(201);
        Api busy = anonymous.login(email, PASSWORD);
        Api otherSession = anonymous.login(email, PASSWORD);

        long passed = drain(busy);
        assertThat(passed).isGreaterThanOrEqualTo(limits.apiPerAccount());
        // the other session shares the account's bucket: refused after what refilled meanwhile, not a fresh capacity
        assertThat(drain(otherSession)).isLessThan(limits.apiPerAccount() / 10);
        assertThat(api.get("/api/auth/me").status()).as("other accounts").isEqualTo(200);
    }

    /** @return the requests answered before the first 429, which must carry Retry-After */
    private long drain(Api account) {
        long passed = 0;
        Api.Response limited;
        while ((limited = account.get("/api/auth/me")).status() != 429) {
            assertThat(limited.status()).isEqualTo(200);
            assertThat(++passed).as("refused at some point").isLessThan(10 * limits.apiPerAccount());
        }
        assertThat(limited.header("Retry-After")).matches("\\d+");
        assertThat(limited.json().get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
        return passed;
    }

    /** The wait differs by when each bucket was first used, never by whether the account exists. */
    private static String withoutRetryAfter(String body) {
        return body.replaceAll(",\"retryAfter\":\\d+", "");
    }

    private Api.Response refresh(String token, String address) {
        return anonymous.post("/api/auth/refresh", "{\"refreshToken\": \"" + token + "\"}", "X-Forwarded-For", address);
    }

    /** An address in 10.0.0.0/8 that no other test uses. */
    private static String clientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private Api.Response login(String email, String password) {
        return anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, password));
    }
}
