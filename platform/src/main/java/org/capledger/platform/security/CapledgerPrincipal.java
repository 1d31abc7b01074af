package org.capledger.platform.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

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

    /**
     * @return the caller of the current request
     * @throws CapledgerException UNAUTHENTICATED outside an authenticated request (never on a protected endpoint)
     */
    public static CapledgerPrincipal current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CapledgerPrincipal principal) {
            return principal;
        }
        throw new CapledgerException(ErrorCode.UNAUTHENTICATED, "A valid access token is required");
    }

    /** @return the caller, on a public endpoint that was sent a valid access token; empty without one */
    public static Optional<CapledgerPrincipal> ifSignedIn() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CapledgerPrincipal principal
                ? Optional.of(principal) : Optional.empty();
    }

    public boolean platformAdmin() {
        return getAuthorities().stream().anyMatch(a -> PLATFORM_ADMIN.equals(a.getAuthority()));
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
