package org.capledger.platform.security;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * The authenticated caller: an account id from a verified access token. Carries no roles; authorization reads
 * the account's current roles per request.
 */
public class CapledgerPrincipal extends AbstractAuthenticationToken {

    private final String accountId;
    private final String sessionId;
    private final String jti;
    private final Instant expiresAt;

    public CapledgerPrincipal(String accountId, String sessionId, String jti, Instant expiresAt) {
        super(List.of());
        this.accountId = accountId;
        this.sessionId = sessionId;
        this.jti = jti;
        this.expiresAt = expiresAt;
        setAuthenticated(true);
    }

    public String accountId() {
        return accountId;
    }

    public String sessionId() {
        return sessionId;
    }

    public String jti() {
        return jti;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return accountId;
    }
}
