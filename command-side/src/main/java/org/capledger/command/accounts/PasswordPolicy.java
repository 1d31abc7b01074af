package org.capledger.command.accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.nulabinc.zxcvbn.StandardDictionaries;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;

/**
 * Which new passwords an account may choose, following NIST SP 800-63B section 5.1.1.2 (memorized secret
 * verifiers): a length range and a blocklist, and no composition rules (no required digits, symbols or mixed case),
 * no hints and no periodic expiry.
 *
 * <p>Length is counted in Unicode code points after NFKC normalization, so a character outside the Basic
 * Multilingual Plane (an emoji such as U+1F98A) counts once rather than as two UTF-16 units, and a full-width letter
 * counts as the letter it stands for. A password is refused when it
 * <ul>
 *   <li>has fewer than {@value #MIN_LENGTH} code points;</li>
 *   <li>has more than {@value #MAX_LENGTH} code points (NIST asks to allow at least 64; the cap only keeps request
 *       bodies and hashing input bounded);</li>
 *   <li>equals the account's email or the email's local part, ignoring case;</li>
 *   <li>is in the list of common passwords, ignoring case. The list is the frequency-ranked {@code passwords}
 *       dictionary of zxcvbn4j ({@code com.nulab-inc:zxcvbn}, MIT licence): the 30,000 most frequent passwords of
 *       a corpus of leaked passwords, all in lower case.</li>
 * </ul>
 * A refusal is a {@link CapledgerException} with {@link ErrorCode#WEAK_PASSWORD}, whose detail names the rule and
 * whose {@code rule} property is one of {@code min-length}, {@code max-length}, {@code email} or {@code common}; it
 * never contains the password.
 *
 * <p>Immutable and thread-safe; loading the list takes a few milliseconds, so build one instance and share it.
 */
public final class PasswordPolicy {

    /** Fewest Unicode code points a password may have, after NFKC normalization. */
    public static final int MIN_LENGTH = 12;
    /** Most Unicode code points a password may have, after NFKC normalization. */
    public static final int MAX_LENGTH = 256;

    private final Set<String> commonPasswords;

    /** A policy refusing the passwords of zxcvbn4j's bundled list. */
    public PasswordPolicy() {
        this(zxcvbnCommonPasswords());
    }

    PasswordPolicy(Collection<String> commonPasswords) {
        this.commonPasswords = commonPasswords.stream()
                .map(PasswordPolicy::folded)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param email the email of the account the password is for, as the account holds it
     * @param password the password as typed
     * @throws CapledgerException with {@link ErrorCode#WEAK_PASSWORD} when a rule refuses the password
     */
    public void check(String email, String password) {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        String normalized = Passwords.normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            throw refused("min-length", "Password must have at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw refused("max-length", "Password must have at most " + MAX_LENGTH + " characters");
        }
        String candidate = folded(normalized);
        String account = folded(Passwords.normalize(email));
        int at = account.lastIndexOf('@');
        if (candidate.equals(account) || (at > 0 && candidate.equals(account.substring(0, at)))) {
            throw refused("email", "Password must not be the account's email address or the part before the @");
        }
        if (commonPasswords.contains(candidate)) {
            throw refused("common", "Password is on a list of commonly used passwords");
        }
    }

    /** @return the number of distinct entries on the list of common passwords */
    int commonPasswordCount() {
        return commonPasswords.size();
    }

    /** Locale.ROOT keeps "I" from becoming a dotless "ı" on a Turkish-locale JVM. */
    private static String folded(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static CapledgerException refused(String rule, String detail) {
        return new CapledgerException(ErrorCode.WEAK_PASSWORD, detail, Map.of("rule", rule));
    }

    /** Read through zxcvbn4j's public loader: where the library keeps the file inside its jar is its own business. */
    static List<String> zxcvbnCommonPasswords() {
        try {
            return StandardDictionaries.PASSWORDS_LOADER.load().getFrequencies();
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn4j's list of common passwords cannot be read", e);
        }
    }
}
