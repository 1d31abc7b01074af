package org.capledger.command.accounts;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the platform administrator at first start, from {@code CAPLEDGER_ADMIN_EMAIL} and
 * {@code CAPLEDGER_ADMIN_PASSWORD} ({@code capledger.admin.*}). Without them, the {@code prod} profile refuses to
 * start; otherwise (development, demo) a random password is generated and printed once to the console, never to
 * the log.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String DEV_EMAIL = "admin@capledger.local";

    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final Environment environment;
    private final String email;
    private final String password;

    AdminBootstrap(AccountStore accounts, PasswordPolicy policy, PasswordHashing hashing, Environment environment,
                   @Value("${capledger.admin.email:}") String email,
                   @Value("${capledger.admin.password:}") String password) {
        this.accounts = accounts;
        this.policy = policy;
        this.hashing = hashing;
        this.environment = environment;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyPlatformAdmin()) {
            return;
        }
        if (!email.isBlank() && !password.isEmpty()) {
            policy.check(email, password);
            accounts.create(email, hashing.hash(password), true);
            log.info("Created the platform administrator account {}", AccountStore.normalize(email));
            return;
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("No platform administrator: set CAPLEDGER_ADMIN_EMAIL and "
                    + "CAPLEDGER_ADMIN_PASSWORD for the first start in production");
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        accounts.create(DEV_EMAIL, hashing.hash(generated), true);
        System.out.println("""

                Capledger platform administrator created for development:
                    email:    %s
                    password: %s
                This is shown once. Set CAPLEDGER_ADMIN_EMAIL and CAPLEDGER_ADMIN_PASSWORD to choose your own.
                """.formatted(DEV_EMAIL, generated));
    }
}
