package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Brute-force sign-in: refused with 429 after five failures per email, the same for unknown emails. */
class RateLimitTest extends EndToEndTest {

    private static final String PASSWORD = "a perfectly fine passphrase";

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
            Api.Response locked = login(email, "wrong password 6");
            assertThat(locked.status()).isEqualTo(429);
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

    /** The wait differs by when each bucket was first used, never by whether the account exists. */
    private static String withoutRetryAfter(String body) {
        return body.replaceAll(",\"retryAfter\":\\d+", "");
    }

    private Api.Response login(String email, String password) {
        return anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "%s"}""".formatted(email, password));
    }
}
