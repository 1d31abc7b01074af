package org.capledger.platform.security;

import java.time.Instant;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authenticated caller: an account id from a verified access token. Issuer roles are read per request where
 * they are needed; the one authority here, platform administrator, is read from the account for each request.
 */
public class CapledgerPrincipal extends AbstractAuthenticationToken {

    private final String accountId;
    private final String sessionId;
    private final String jti;
    private final Instant expiresAt;

    /** Authority of platform administrators, read from the account per request (never from the token). */
    public static final String PLATFORM_ADMIN = "ROLE_PLATFORM_ADMIN";

    public CapledgerPrincipal(String accountId, String sessionId, String jti, Instant expiresAt,
                              boolean platformAdmin) {
        super(platformAdmin ? List.of(new SimpleGrantedAuthority(PLATFORM_ADMIN)) : List.of());
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
