package org.capledger.command.accounts;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Checks credentials. An unknown email costs the same password verification as a known one, and both failures
 * answer the same 401, so neither the response nor its timing tells whether an account exists.
 */
@Service
public class LoginService {

    private final AccountStore accounts;
    private final PasswordHashing hashing;
    private final Sessions sessions;

    LoginService(AccountStore accounts, PasswordHashing hashing, Sessions sessions) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.sessions = sessions;
    }

    /** @throws org.capledger.api.CapledgerException UNAUTHENTICATED for any wrong email or password */
    public Sessions.Refreshed login(String email, String password, String userAgent, String ipAddress) {
        Optional<Account> account = accounts.byEmail(email);
        boolean valid = account.isPresent()
                ? hashing.matches(password, account.get().passwordHash())
                : hashing.matchesNobody(password);
        if (!valid) {
            throw Sessions.unauthenticated();
        }
        return sessions.start(account.get().accountId(), userAgent, ipAddress);
    }
}
