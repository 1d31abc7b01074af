package org.capledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which deployable holds which key: only the signing one (the command side) ever reads a private key. */
class JwtKeysTest {

    @TempDir
    Path folder;

    private SecurityProperties.Jwt development() {
        return new SecurityProperties.Jwt(null, null, Map.of(), folder.resolve("keys"));
    }

    @Test
    void aVerifierSharingTheDevelopmentKeyFolderLoadsOnlyThePublicKey() throws Exception {
        JwtKeys signer = JwtKeys.load(development(), false, true);
        assertThat(signer.signingKey()).isPresent();

        // a verifier that tried to read the private key would fail on this file
        Files.writeString(folder.resolve("keys").resolve("access-token-ed25519.pem"), "not a key");
        JwtKeys verifier = JwtKeys.load(development(), false, false);

        assertThat(verifier.signingKey()).isEmpty();
        assertThat(verifier.verificationKeys()).isEqualTo(signer.verificationKeys());
    }

    @Test
    void aVerifierStartedFirstLeavesTheSignerItsPrivateKey() {
        JwtKeys verifier = JwtKeys.load(development(), false, false);
        JwtKeys signer = JwtKeys.load(development(), false, true);

        assertThat(verifier.signingKey()).isEmpty();
        assertThat(signer.signingKey()).isPresent();
        assertThat(verifier.verificationKeys()).containsOnlyKeys(signer.signingKey().get().keyId());
    }

    @Test
    void aConfiguredSigningKeyIsIgnoredByAVerifier() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path privateKey = Files.writeString(folder.resolve("k1.pem"), JwtKeys.pem("PRIVATE KEY",
                pair.getPrivate().getEncoded()));
        Path publicKey = Files.writeString(folder.resolve("k1.pub.pem"), JwtKeys.pem("PUBLIC KEY",
                pair.getPublic().getEncoded()));
        SecurityProperties.Jwt configured = new SecurityProperties.Jwt(privateKey, "k1", Map.of("k1", publicKey),
                folder.resolve("unused"));

        assertThat(JwtKeys.load(configured, true, true).signingKey()).isPresent();
        assertThat(JwtKeys.load(configured, true, false).signingKey()).isEmpty();
        assertThat(JwtKeys.load(configured, true, false).verificationKeys()).containsOnlyKeys("k1");
    }

    /**
     * Key rotation: while both public keys are configured, tokens signed with the old key and with the new one
     * verify; once the old key is removed, its tokens no longer do.
     */
    @Test
    void everyConfiguredVerificationKeyVerifiesItsTokens() throws Exception {
        Path old = keyPair("2026-1");
        Path current = keyPair("2026-2");
        Map<String, Path> both = Map.of("2026-1", old.resolveSibling("2026-1.pub.pem"),
                "2026-2", current.resolveSibling("2026-2.pub.pem"));
        AccessTokens signedWithOld = tokens(new SecurityProperties.Jwt(old, "2026-1", both, folder), true);
        AccessTokens signedWithCurrent = tokens(new SecurityProperties.Jwt(current, "2026-2", both, folder), true);
        AccessTokens verifier = tokens(new SecurityProperties.Jwt(null, null, both, folder), false);
        String oldToken = signedWithOld.issue("account-1", "session-1").token();
        String currentToken = signedWithCurrent.issue("account-2", "session-2").token();

        assertThat(verifier.verify(oldToken).accountId()).isEqualTo("account-1");
        assertThat(verifier.verify(currentToken).accountId()).isEqualTo("account-2");

        AccessTokens afterRotation = tokens(new SecurityProperties.Jwt(null, null,
                Map.of("2026-2", current.resolveSibling("2026-2.pub.pem")), folder), false);
        assertThat(afterRotation.verify(currentToken).accountId()).isEqualTo("account-2");
        assertThatThrownBy(() -> afterRotation.verify(oldToken)).isInstanceOf(AccessTokens.InvalidTokenException.class);
    }

    /** @return the private key file; the public one is beside it as {@code <kid>.pub.pem} */
    private Path keyPair(String kid) throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(folder.resolve(kid + ".pub.pem"), JwtKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return Files.writeString(folder.resolve(kid + ".pem"), JwtKeys.pem("PRIVATE KEY",
                pair.getPrivate().getEncoded()));
    }

    private static AccessTokens tokens(SecurityProperties.Jwt jwt, boolean signs) {
        SecurityProperties properties = new SecurityProperties("capledger", "capledger-api", Duration.ofMinutes(15),
                Duration.ofDays(14), Duration.ofDays(30), Duration.ofSeconds(30), jwt, List.of());
        return new AccessTokens(JwtKeys.load(jwt, true, signs), properties, NOTHING_REVOKED, Clock.systemUTC());
    }

    /** Every session open, no token logged out: the denylist is not what this test is about. */
    private static final AccessTokenDenylist NOTHING_REVOKED = new AccessTokenDenylist(null) {
        @Override
        public boolean isRevoked(String jti, String sessionId) {
            return false;
        }
    };

    @Test
    void productionWithoutKeysRefusesToStart() {
        assertThatThrownBy(() -> JwtKeys.load(development(), true, false)).isInstanceOf(IllegalStateException.class);
        assertThat(folder.resolve("keys")).doesNotExist();
    }
}
