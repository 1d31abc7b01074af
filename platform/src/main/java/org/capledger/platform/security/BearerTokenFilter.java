package org.capledger.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.capledger.api.CapledgerException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests carrying {@code Authorization: Bearer <access token>} (RFC 6750 section 2.1). A request
 * with an invalid token is answered 401 at once, never treated as anonymous; one without a token goes on
 * unauthenticated and is refused later unless its endpoint is public. Each account may make
 * {@code capledger.rate-limits.api-per-account} requests a minute (429 beyond).
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final AccessTokens tokens;
    private final ProblemAuthenticationHandlers problems;
    private final RateLimits limits;
    private final RateLimits.Limit perAccount;

    private final AccountDirectory accounts;

    public BearerTokenFilter(AccessTokens tokens, ProblemAuthenticationHandlers problems, RateLimits limits,
                             RateLimits.Limit perAccount, AccountDirectory accounts) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.problems = problems;
        this.limits = limits;
        this.perAccount = perAccount;
    }

    /** Signing in must work with a stale token still in the client's headers. */
    private static boolean signingIn(HttpServletRequest request) {
        String path = request.getRequestURI();
        return "POST".equals(request.getMethod()) && (path.equals("/api/auth/login") || path.equals("/api/auth/refresh"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || signingIn(request)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new AccessTokens.InvalidTokenException();
            }
            AccessTokens.Verified verified = tokens.verify(header.substring(7).strip());
            try {
                limits.consume(perAccount, verified.accountId());
            } catch (CapledgerException tooMany) {
                problems.tooManyRequests(request, response, tooMany);
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(
                    new CapledgerPrincipal(verified.accountId(), verified.sessionId(), verified.jti(),
                            verified.expiresAt(), accounts.isPlatformAdmin(verified.accountId())));
            chain.doFilter(request, response);
        } catch (AccessTokens.InvalidTokenException e) {
            SecurityContextHolder.clearContext();
            SecurityEvents.invalidToken(request.getRemoteAddr(), request.getRequestURI());
            problems.commence(request, response, new BadCredentialsException("invalid token"));
        }
    }
}
