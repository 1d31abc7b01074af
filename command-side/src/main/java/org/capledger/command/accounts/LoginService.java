package org.capledger.command.accounts;

import java.util.Optional;

import org.capledger.api.CapledgerException;
import org.capledger.platform.security.RateLimitProperties;
import org.capledger.platform.security.RateLimits;
import org.capledger.platform.security.SecurityEvents;

import org.springframework.stereotype.Service;

/**
 * Checks credentials. An unknown email costs the same password verification as a known one, and both failures
 * answer the same 401, so neither the response nor its timing tells whether an account exists. Attempts are
 * limited per client IP, and failures per email (known or not).
 */
@Service
public class LoginService {

    private final AccountStore accounts;
    private final PasswordHashing hashing;
    private final Sessions sessions;
    private final RateLimits limits;
    private final RateLimitProperties settings;

    LoginService(AccountStore accounts, PasswordHashing hashing, Sessions sessions, RateLimits limits,
                 RateLimitProperties settings) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.sessions = sessions;
        this.limits = limits;
        this.settings = settings;
    }

    /**
     * @throws org.capledger.api.CapledgerException UNAUTHENTICATED for any wrong email or password;
     *                                              TOO_MANY_REQUESTS past the per-IP attempts or the per-email
     *                                              failures, the same for unknown emails as for known ones
     */
    public Sessions.Refreshed login(String email, String password, String userAgent, String ipAddress) {
        try {
            limits.consume(settings.login(), String.valueOf(ipAddress));
        } catch (CapledgerException throttled) {
            SecurityEvents.loginThrottled(AccountStore.normalize(email), ipAddress);
            throw throttled;
        }
        Account account = checkPassword(email, password, ipAddress);
        SecurityEvents.loginSucceeded(account.accountId(), ipAddress);
        return sessions.start(account.accountId(), userAgent, ipAddress);
    }

    /**
     * Checks an email and password exactly as signing in does, under the same limit of failures per email, without
     * starting a session. Also used wherever else a password proves who someone is (accepting an invitation).
     *
     * @return the account the password belongs to
     * @throws CapledgerException UNAUTHENTICATED for any wrong email or password; TOO_MANY_REQUESTS past the
     *                            per-email failures
     */
    public Account checkPassword(String email, String password, String ipAddress) {
        String key = AccountStore.normalize(email);
        try {
            limits.requireAvailable(settings.failedLogins(), key);
        } catch (CapledgerException throttled) {
            SecurityEvents.loginThrottled(key, ipAddress);
            throw throttled;
        }
        Optional<Account> account = accounts.byEmail(email);
        boolean valid = account.isPresent()
                ? hashing.matches(password, account.get().passwordHash())
                : hashing.matchesNobody(password);
        if (!valid) {
            try {
                limits.consume(settings.failedLogins(), key);
            } catch (CapledgerException exhausted) {
                // this failure used the last attempt; the answer is still the plain 401
            }
            SecurityEvents.loginFailed(key, ipAddress);
            throw Sessions.unauthenticated();
        }
        return account.get();
    }
}
