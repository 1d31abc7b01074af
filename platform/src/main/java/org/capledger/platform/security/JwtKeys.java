package org.capledger.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 keys of access tokens. Configured keys come from PEM files ({@code capledger.security.jwt.*}); with
 * none configured and outside the {@code prod} profile, a development key pair is generated once into the key
 * directory (both sides of a standalone process share it) and reused on later starts.
 */
public final class JwtKeys {

    private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
    private static final String PRIVATE_FILE = "access-token-ed25519.pem";
    private static final String PUBLIC_FILE = "access-token-ed25519.pub.pem";

    /** A signing key and the {@code kid} tokens signed with it carry. */
    public record SigningKey(String keyId, PrivateKey key) {
    }

    private final Map<String, PublicKey> verificationKeys;
    private final SigningKey signingKey;

    private JwtKeys(Map<String, PublicKey> verificationKeys, SigningKey signingKey) {
        this.verificationKeys = Map.copyOf(verificationKeys);
        this.signingKey = signingKey;
    }

    /** @throws IllegalStateException in production when no verification key is configured */
    public static JwtKeys load(SecurityProperties.Jwt config, boolean production) {
        if (!config.verificationKeys().isEmpty()) {
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            config.verificationKeys().forEach((kid, path) -> keys.put(kid, publicKey(read(path))));
            SigningKey signing = config.signingKey() == null ? null
                    : new SigningKey(requireKid(config.signingKeyId()), privateKey(read(config.signingKey())));
            if (signing != null && !keys.containsKey(signing.keyId())) {
                throw new IllegalStateException("capledger.security.jwt.signing-key-id " + signing.keyId()
                        + " has no matching entry in capledger.security.jwt.verification-keys");
            }
            return new JwtKeys(keys, signing);
        }
        if (production) {
            throw new IllegalStateException("No access-token keys configured: set capledger.security.jwt."
                    + "verification-keys (and signing-key, signing-key-id on the command side) in production");
        }
        return development(config.keyDirectory());
    }

    public Map<String, PublicKey> verificationKeys() {
        return verificationKeys;
    }

    public Optional<SigningKey> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    private static JwtKeys development(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.exists(dir.resolve(PUBLIC_FILE))) {
            generate(dir);
        }
        PublicKey publicKey = publicKey(read(dir.resolve(PUBLIC_FILE)));
        String kid = "dev-" + HexFormat.of().formatHex(sha256(publicKey.getEncoded()), 0, 8);
        Path privateFile = dir.resolve(PRIVATE_FILE);
        SigningKey signing = Files.exists(privateFile) ? new SigningKey(kid, privateKey(read(privateFile))) : null;
        log.info("Access tokens use the development key pair in {} (kid {}); configure keys in production", dir, kid);
        return new JwtKeys(Map.of(kid, publicKey), signing);
    }

    /** Writes the pair into a fresh folder and renames it into place, so concurrent starts agree on one pair. */
    private static void generate(Path dir) {
        try {
            Files.createDirectories(dir.getParent());
            Path staging = Files.createTempDirectory(dir.getParent(), ".keys-");
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Files.writeString(staging.resolve(PRIVATE_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(staging.resolve(PUBLIC_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherProcessWasFirst) {
                Files.delete(staging.resolve(PRIVATE_FILE));
                Files.delete(staging.resolve(PUBLIC_FILE));
                Files.delete(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write development keys to " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of every JDK 15+", e);
        }
    }

    static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an Ed25519 public key (X.509 PEM)", e);
        }
    }

    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not an Ed25519 private key (PKCS#8 PEM)", e);
        }
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem, String type) {
        String body = pem.replace("-----BEGIN " + type + "-----", "").replace("-----END " + type + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read key file " + path, e);
        }
    }

    private static String requireKid(String kid) {
        if (kid == null || kid.isBlank()) {
            throw new IllegalStateException("capledger.security.jwt.signing-key-id is required with a signing key");
        }
        return kid;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
