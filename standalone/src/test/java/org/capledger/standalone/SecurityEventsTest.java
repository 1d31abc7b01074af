package org.capledger.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Security events reach the log, and no password or token does. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsTest extends EndToEndTest {

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
}
