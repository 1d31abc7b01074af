package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Creating accounts: the password policy (NIST SP 800-63B), duplicate emails, who may do it. */
class AccountsTest extends EndToEndTest {

    @Test
    void weakPasswordsAreRefusedWithTheRuleAndWithoutEchoingThem() {
        String email = "weak-" + UUID.randomUUID() + "@capledger.test";
        Map<String, Long> before = counts();
        for (String[] attempt : new String[][]{{"short pass", "min-length"}, {"qwerty123456", "common"},
                {email, "email"}}) {
            Api.Response refused = api.post("/api/accounts", """
                    {"email": "%s", "password": "%s"}""".formatted(email, attempt[0]));
            assertThat(refused.status()).as(attempt[0]).isEqualTo(422);
            assertThat(refused.json().get("code").asString()).isEqualTo("WEAK_PASSWORD");
            assertThat(refused.json().get("rule").asString()).isEqualTo(attempt[1]);
            assertThat(refused.text()).doesNotContain(attempt[0].equals(email) ? "\"password\"" : attempt[0]);
        }
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void duplicateEmailIs409InAnyCase() {
        String email = "dup-" + UUID.randomUUID() + "@capledger.test";
        assertThat(api.post("/api/accounts", """
                {"email": "%s", "password": "a perfectly fine passphrase"}""".formatted(email)).status()).isEqualTo(201);
        Api.Response again = api.post("/api/accounts", """
                {"email": "%s", "password": "another fine passphrase"}""".formatted(email.toUpperCase()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ACCOUNT_EXISTS");
    }

    @Test
    void onlyPlatformAdministratorsCreateAccounts() {
        String email = "plain-" + UUID.randomUUID() + "@capledger.test";
        api.post("/api/accounts", """
                {"email": "%s", "password": "a perfectly fine passphrase"}""".formatted(email));
        Api plain = anonymous.login(email, "a perfectly fine passphrase");
        Map<String, Long> before = counts();
        Api.Response refused = plain.post("/api/accounts", """
                {"email": "x-%s", "password": "a perfectly fine passphrase"}""".formatted(email));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(counts()).isEqualTo(before);
        assertThat(plain.get("/api/auth/me").json().get("platformAdmin").asBoolean()).isFalse();
    }
}
