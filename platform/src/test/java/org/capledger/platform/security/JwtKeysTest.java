package org.capledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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

    @Test
    void productionWithoutKeysRefusesToStart() {
        assertThatThrownBy(() -> JwtKeys.load(development(), true, false)).isInstanceOf(IllegalStateException.class);
        assertThat(folder.resolve("keys")).doesNotExist();
    }
}
