package org.capledger.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.capledger.api.CapledgerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** The first platform administrator: from the settings, generated outside production, never silently absent. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();
    private static final PasswordHashing HASHING = PasswordHashing.argon2id();
    private static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");

    private final Accounts accounts = new Accounts();

    @Test
    void productionWithoutTheAdministratorSettingsRefusesToStart(CapturedOutput output) {
        for (String[] settings : new String[][]{{"", ""}, {"admin@example.com", ""}, {"", "a long passphrase"}}) {
            AdminBootstrap bootstrap = bootstrap("prod", settings[0], settings[1]);

            assertThatThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("CAPLEDGER_ADMIN_EMAIL").hasMessageContaining("CAPLEDGER_ADMIN_PASSWORD");
        }
        assertThat(accounts.created).isEmpty();
        assertThat(output.getAll()).doesNotContain("password:");
    }

    @Test
    void productionWithTheSettingsCreatesThatAdministrator(CapturedOutput output) {
        bootstrap("prod", "Admin@Example.com", "a long and unusual passphrase").run(new DefaultApplicationArguments());

        assertThat(accounts.created).singleElement().satisfies(account -> {
            assertThat(account.email()).isEqualTo("admin@example.com");
            assertThat(account.platformAdmin()).isTrue();
            assertThat(HASHING.matches("a long and unusual passphrase", account.passwordHash())).isTrue();
        });
        assertThat(output.getAll()).doesNotContain("a long and unusual passphrase");
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStart() {
        AdminBootstrap bootstrap = bootstrap("prod", "admin@example.com", "qwerty123456");

        assertThatThrownBy(() -> bootstrap.run(new DefaultApplicationArguments()))
                .isInstanceOf(CapledgerException.class);
        assertThat(accounts.created).isEmpty();
    }

    @Test
    void developmentGeneratesAPasswordAndPrintsItOnceToTheConsoleOnly(CapturedOutput output) {
        bootstrap("default", "", "").run(new DefaultApplicationArguments());

        Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
        assertThat(printed.find()).as(output.getOut()).isTrue();
        String password = printed.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(accounts.created).singleElement().satisfies(account -> {
            assertThat(account.email()).isEqualTo(AdminBootstrap.DEV_EMAIL);
            assertThat(account.platformAdmin()).isTrue();
            assertThat(HASHING.matches(password, account.passwordHash())).isTrue();
        });
        assertThat(output.getAll().split(Pattern.quote(password), -1)).as("printed once, and not logged")
                .hasSize(2);

        // the next start finds the administrator: nothing is created or printed again
        int printedSoFar = output.getOut().length();
        bootstrap("default", "", "").run(new DefaultApplicationArguments());
        assertThat(accounts.created).hasSize(1);
        assertThat(output.getOut().substring(printedSoFar)).doesNotContain("password");
    }

    @Test
    void everyFreshInstallationGetsAPasswordOfItsOwn(CapturedOutput output) {
        bootstrap(new Accounts(), "default", "", "").run(new DefaultApplicationArguments());
        bootstrap(new Accounts(), "default", "", "").run(new DefaultApplicationArguments());

        Matcher printed = PRINTED_PASSWORD.matcher(output.getOut());
        List<String> passwords = new ArrayList<>();
        while (printed.find()) {
            passwords.add(printed.group(1));
        }
        assertThat(passwords).hasSize(2).doesNotHaveDuplicates();
    }

    private AdminBootstrap bootstrap(String profile, String email, String password) {
        return bootstrap(accounts, profile, email, password);
    }

    private AdminBootstrap bootstrap(Accounts store, String profile, String email, String password) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profile);
        return new AdminBootstrap(store, POLICY, HASHING, environment, email, password);
    }

    /** The account table in memory: only what the bootstrap uses. */
    private static final class Accounts extends AccountStore {

        final List<Account> created = new ArrayList<>();

        Accounts() {
            super(null, Clock.systemUTC());
        }

        @Override
        public boolean anyPlatformAdmin() {
            return created.stream().anyMatch(Account::platformAdmin);
        }

        @Override
        public Account create(String email, String passwordHash, boolean platformAdmin) {
            Account account = new Account("account-" + created.size(), normalize(email), passwordHash, platformAdmin,
                    java.time.Instant.now());
            created.add(account);
            return account;
        }
    }
}
