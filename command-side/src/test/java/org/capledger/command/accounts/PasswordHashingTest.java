package org.capledger.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Each Argon2 call here costs tens of milliseconds, so the tests share hashes where they can. */
class PasswordHashingTest {

    private static final String PASSWORD = "gravel tundra mosaic fennel";
    /** Spring Security 5.8's Argon2 parameters: 16 MiB, 2 iterations, 1 lane. */
    private static final String ARGON2ID_PREFIX = "$argon2id$v=19$m=16384,t=2,p=1$";

    private static final PasswordHashing HASHING = PasswordHashing.argon2id();
    private static final String HASH = HASHING.hash(PASSWORD);

    @Test
    void hashesWithArgon2idInPhcFormat() {
        assertThat(HASH).startsWith(ARGON2ID_PREFIX).doesNotContain(PASSWORD);
    }

    @Test
    void matchesThePasswordThatWasHashed() {
        assertThat(HASHING.matches(PASSWORD, HASH)).isTrue();
    }

    @Test
    void doesNotMatchAnotherPassword() {
        assertThat(HASHING.matches("gravel tundra mosaic fenneL", HASH)).isFalse();
        assertThat(HASHING.matches("gravel tundra mosaic fennel ", HASH)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        String again = HASHING.hash(PASSWORD);
        assertThat(again).isNotEqualTo(HASH);
        assertThat(HASHING.matches(PASSWORD, again)).isTrue();
    }

    @Test
    void matchesTheSamePasswordTypedInAnotherNormalizationForm() {
        String precomposed = "caf\u00E9 tundra mosaic";
        String combining = "cafe\u0301 tundra mosaic";
        assertThat(HASHING.matches(combining, HASHING.hash(precomposed))).isTrue();
    }

    @Test
    void refusesMissingPasswordsAndMalformedHashesWithoutThrowing() {
        assertThat(HASHING.matches(null, HASH)).isFalse();
        assertThat(HASHING.matches("", HASH)).isFalse();
        assertThat(HASHING.matches(PASSWORD, null)).isFalse();
        assertThat(HASHING.matches(PASSWORD, "$argon2id$garbage")).isFalse();
    }

    @Test
    void matchesNobodyAlwaysRefuses() {
        assertThat(HASHING.matchesNobody(PASSWORD)).isFalse();
        assertThat(HASHING.matchesNobody("")).isFalse();
        assertThat(HASHING.matchesNobody(null)).isFalse();
    }

    @Test
    void matchesNobodyRunsAFullVerificationWithTheCurrentParameters() {
        RecordingEncoder recording = new RecordingEncoder(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        PasswordHashing hashing = new PasswordHashing(recording);

        assertThat(hashing.matchesNobody(PASSWORD)).isFalse();

        assertThat(recording.verifiedAgainst).singleElement().asString().startsWith(ARGON2ID_PREFIX);
    }

    @Test
    void asksForAnUpgradeOnlyOfHashesWithWeakerParameters() {
        String weaker = new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 1).encode(PASSWORD);

        assertThat(HASHING.upgradeNeeded(weaker)).isTrue();
        assertThat(HASHING.upgradeNeeded(HASH)).isFalse();
        assertThat(HASHING.matches(PASSWORD, weaker)).isTrue();
    }

    /** Records the hashes that verifications reaching the real encoder were checked against. */
    private static final class RecordingEncoder implements PasswordEncoder {

        private final PasswordEncoder delegate;
        private final List<String> verifiedAgainst = new ArrayList<>();

        RecordingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            verifiedAgainst.add(encodedPassword);
            return delegate.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }
    }
}
