package org.capledger.query.certificates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The verification code printed on a certificate: HMAC-SHA256 (RFC 2104) under a secret key of the issuer id and
 * security id, its first 80 bits in Crockford base32, as four groups of four ({@code 7KQ2-M9XA-PL3D-W8RT}). The same
 * certificate always gets the same code, so a rebuilt read model and a re-rendered PDF agree; without the key nobody
 * can compute or guess one (2^80 codes).
 *
 * <p>The key is {@code capledger.certificates.verification-key} (base64, at least 32 bytes; required in the
 * {@code prod} profile, and the same on every query-side instance). Without it, outside {@code prod}, a key is
 * generated once into {@code capledger.certificates.verification-key-file} and reused. Changing the key changes
 * every code, so printed certificates would no longer verify.
 */
@Component
public class VerificationCodes {

    private static final Logger log = LoggerFactory.getLogger(VerificationCodes.class);
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final SecretKeySpec key;

    @Autowired
    VerificationCodes(@Value("${capledger.certificates.verification-key:}") String configured,
                      @Value("${capledger.certificates.verification-key-file}") Path file, Environment environment) {
        this(keyBytes(configured, file, environment.acceptsProfiles(Profiles.of("prod"))));
    }

    VerificationCodes(byte[] key) {
        if (key.length < 32) {
            throw new IllegalStateException("capledger.certificates.verification-key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** @return the code of the certificate of {@code securityId} of {@code issuerId} */
    public String code(String issuerId, String securityId) {
        byte[] mac;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            mac = hmac.doFinal((issuerId + "\n" + securityId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
        StringBuilder code = new StringBuilder(19);
        int buffer = 0;
        int bits = 0;
        int written = 0;
        for (int i = 0; written < 16; ) {
            if (bits < 5) {
                buffer = (buffer << 8) | (mac[i++] & 0xff);
                bits += 8;
            }
            bits -= 5;
            if (written > 0 && written % 4 == 0) {
                code.append('-');
            }
            code.append(CROCKFORD[(buffer >> bits) & 31]);
            written++;
        }
        return code.toString();
    }

    /**
     * @return {@code code} in canonical form (upper case, I/L read as 1, O as 0, hyphens regrouped), or null when it
     *         cannot be a code (Crockford base32 decoding rules)
     */
    public static String normalize(String code) {
        if (code == null || code.length() > 40) {
            return null;
        }
        String bare = code.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
        if (bare.length() != 16) {
            return null;
        }
        for (char c : bare.toCharArray()) {
            if (new String(CROCKFORD).indexOf(c) < 0) {
                return null;
            }
        }
        return bare.substring(0, 4) + "-" + bare.substring(4, 8) + "-" + bare.substring(8, 12) + "-"
                + bare.substring(12);
    }

    private static byte[] keyBytes(String configured, Path file, boolean production) {
        if (configured != null && !configured.isBlank()) {
            try {
                return Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("capledger.certificates.verification-key is not base64");
            }
        }
        if (production) {
            throw new IllegalStateException("No certificate verification key: set capledger.certificates."
                    + "verification-key (CAPLEDGER_CERTIFICATES_VERIFICATION_KEY, base64 of 32 random bytes) in "
                    + "production, the same on every query-side instance");
        }
        return development(file.toAbsolutePath().normalize());
    }

    /** Generated by whichever process starts first; a second one finds the file and reads it. */
    private static byte[] development(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(file.getParent());
                Path staging = Files.createTempFile(file.getParent(), ".verification-", ".tmp");
                Files.writeString(staging, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.move(staging, file);
                    log.info("Generated a development certificate verification key in {}; configure "
                            + "capledger.certificates.verification-key in production", file);
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    Files.delete(staging);
                }
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write the development verification key " + file, e);
        }
    }
}
