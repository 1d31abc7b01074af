package org.capledger.command.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Stores and verifies passwords as salted, memory-hard hashes in PHC string format
 * ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}).
 *
 * <p>Passwords are NFKC-normalized before hashing, as NIST SP 800-63B section 5.1.1.2 asks, so the same password
 * typed through another input method still matches. {@link #argon2id()} uses Spring Security's
 * {@link Argon2PasswordEncoder#defaultsForSpringSecurity_v5_8()}: Argon2id (RFC 9106), 16-byte random salt,
 * 32-byte hash, 16 MiB of memory, 2 iterations, 1 lane; each hash or verification takes tens of milliseconds and
 * 16 MiB of heap, one reason why login attempts need a rate limit.
 *
 * <p>Thread-safe.
 */
public final class PasswordHashing {

    private final PasswordEncoder encoder;
    private final String nobodysHash;

    /** @param encoder hashes and verifies; its hashes must say how they were made, for {@link #upgradeNeeded} */
    public PasswordHashing(PasswordEncoder encoder) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        // Made with this encoder's own parameters, so checking against it costs what checking a real account does;
        // a hash pasted in as a constant would drift from them when the parameters change.
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.nobodysHash = encoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    /** @return hashing with Argon2id and Spring Security 5.8's parameters, see the class description */
    public static PasswordHashing argon2id() {
        return new PasswordHashing(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    }

    /** @return the PHC-format hash of the password, with a fresh random salt */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        return encoder.encode(Passwords.normalize(password));
    }

    /**
     * @param password the password as typed
     * @param hash a hash made by {@link #hash}
     * @return whether the password is the one hashed; {@code false} for an empty password or a malformed hash
     */
    public boolean matches(String password, String hash) {
        return password != null && encoder.matches(Passwords.normalize(password), hash);
    }

    /**
     * Spends the time of one {@link #matches} and always refuses. A login for an email without an account calls this
     * instead of returning at once, so the response time does not tell whether the account exists.
     *
     * @return {@code false}, always
     */
    public boolean matchesNobody(String password) {
        encoder.matches(Passwords.normalize(password == null ? "" : password), nobodysHash);
        return false;
    }

    /**
     * @param hash a stored hash
     * @return whether it was made with weaker parameters than the current ones, so that it should be replaced by a
     *         fresh {@link #hash} of the password just verified
     */
    public boolean upgradeNeeded(String hash) {
        return encoder.upgradeEncoding(hash);
    }
}
