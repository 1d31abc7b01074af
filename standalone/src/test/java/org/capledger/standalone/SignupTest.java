package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.capledger.platform.security.RateLimitProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Self-signup, switched on for the tests' shared application (off by default, when the route does not exist:
 * TwoProcessTopologyTest checks that). The answer never tells whether an email already had an account. Each test
 * signs up from client addresses of its own, sent as X-Forwarded-For the way the TLS proxy sends them, so the
 * per-IP limit of one test does not reach another.
 */
class SignupTest extends EndToEndTest {

    private static final String PASSWORD = "a perfectly fine passphrase";

    @Autowired
    RateLimitProperties limits;

    @Test
    void aNewAccountHasNoRoleAndSignsInNext() {
        String email = email();

        Api.Response signedUp = signup(email, PASSWORD, clientIp());

        assertThat(signedUp.status()).as(signedUp.text()).isEqualTo(202);
        assertThat(signedUp.text()).isEmpty();
        Api account = anonymous.login(email, PASSWORD);
        assertThat(account.get("/api/auth/me").json().get("platformAdmin").asBoolean()).isFalse();
        assertThat(account.get("/api/issuers").json().get("items")).isEmpty();
    }

    @Test
    void aTakenEmailAnswersExactlyLikeAFreeOneAndKeepsItsPassword() {
        String taken = email();
        assertThat(api.post("/api/accounts", """
                {"email": "%s", "password": "%s"}""".formatted(taken, PASSWORD)).status()).isEqualTo(201);
        String ip = clientIp();
        long accounts = count("account");

        Api.Response forTaken = signup(taken.toUpperCase(), "another fine passphrase", ip);
        Api.Response forFree = signup(email(), "another fine passphrase", ip);

        assertThat(forTaken.status()).isEqualTo(202);
        assertThat(forTaken.text()).isEqualTo(forFree.text());
        assertThat(withoutDate(forTaken.headers())).isEqualTo(withoutDate(forFree.headers()));
        assertThat(count("account")).isEqualTo(accounts + 1);
        assertThat(anonymous.login(taken, PASSWORD).get("/api/auth/me").status()).isEqualTo(200);
        assertThat(anonymous.post("/api/auth/login", """
                {"email": "%s", "password": "another fine passphrase"}""".formatted(taken)).status()).isEqualTo(401);
    }

    @Test
    void theUsualPasswordPolicyApplies() {
        String email = email();
        Map<String, Long> before = counts();
        for (String weak : List.of("qwerty123456", "short pass", email)) {
            Api.Response refused = signup(email, weak, clientIp());
            assertThat(refused.status()).as(weak).isEqualTo(422);
            assertThat(refused.json().get("code").asString()).isEqualTo("WEAK_PASSWORD");
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void signupsAreLimitedPerClientAddress() {
        String ip = clientIp();
        for (long attempt = 1; attempt <= limits.signupPerIp(); attempt++) {
            // a weak password is refused after the attempt is counted, and costs no hashing
            assertThat(signup(email(), "qwerty123456", ip).status()).isEqualTo(422);
        }
        Map<String, Long> before = counts();

        Api.Response limited = signup(email(), PASSWORD, ip);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(limited.header("Retry-After")).matches("\\d+");
        assertThat(counts()).isEqualTo(before);
        assertThat(signup(email(), PASSWORD, clientIp()).status()).as("another client").isEqualTo(202);
    }

    private Api.Response signup(String email, String password, String ip) {
        return anonymous.post("/api/auth/signup", """
                {"email": "%s", "password": "%s"}""".formatted(email, password), "X-Forwarded-For", ip);
    }

    private static String email() {
        return "signup-" + UUID.randomUUID() + "@capledger.test";
    }

    /** An address in 10.0.0.0/8 that no other test uses. */
    private static String clientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new java.util.TreeMap<>(headers);
        copy.remove("date");
        return copy;
    }
}
