package org.capledger.command.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.platform.security.AccessTokenDenylist;
import org.capledger.platform.security.AccessTokens;
import org.capledger.platform.security.CapledgerPrincipal;
import org.capledger.platform.security.RateLimitProperties;
import org.capledger.platform.security.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in and out. Access tokens are short-lived JWTs ({@code capledger.security.access-token-ttl}, 15 min);
 * refresh tokens are opaque, rotate on every use and live {@code refresh-token-ttl} (14 days). Browsers that ask
 * for it ({@code "cookie": true}) get the refresh token only as an HttpOnly, Secure, SameSite=Strict cookie;
 * API clients get it in the body. Every failure to sign in is the same 401, whether or not the account exists.
 */
@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Authentication", description = "Sign in, refresh, sign out")
@ApiResponse(responseCode = "401", description = "Not signed in, or bad credentials (always the same body)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "429", description = "Too many attempts; see Retry-After",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class AuthController {

    static final String REFRESH_COOKIE = "capledger_refresh";

    private final LoginService logins;
    private final Sessions sessions;
    private final AccessTokens tokens;
    private final AccessTokenDenylist denylist;
    private final AccountStore accounts;

    private final RateLimits limits;
    private final RateLimitProperties limitSettings;

    private final PasswordHashing hashing;
    private final PasswordPolicy policy;

    AuthController(LoginService logins, Sessions sessions, AccessTokens tokens, AccessTokenDenylist denylist,
                   AccountStore accounts, RateLimits limits, RateLimitProperties limitSettings,
                   PasswordHashing hashing, PasswordPolicy policy) {
        this.hashing = hashing;
        this.policy = policy;
        this.limits = limits;
        this.limitSettings = limitSettings;
        this.logins = logins;
        this.sessions = sessions;
        this.tokens = tokens;
        this.denylist = denylist;
        this.accounts = accounts;
    }

    /** @param cookie true to receive the refresh token as a cookie instead of in the body (browsers) */
    public record LoginRequest(@Schema(example = "admin@capledger.local") @NotBlank @Size(max = 254) String email,
                               @NotBlank @Size(max = 256) String password,
                               Boolean cookie) {
    }

    /**
     * @param refreshToken not validated here: whatever is not a current refresh token, of any length or shape
     *                     (an access token sent by mistake or on purpose, too), gets the one generic 401
     */
    public record RefreshRequest(@Schema(description = "The refresh token from sign-in or the last refresh; "
            + "omit it to use the cookie") String refreshToken, Boolean cookie) {
    }

    /**
     * @param expiresIn    seconds until the access token expires
     * @param refreshToken null when it was set as a cookie
     */
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                Instant refreshTokenExpiresAt) {
    }

    public record Me(String accountId, String email, boolean platformAdmin) {
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign in with email and password")
    @ApiResponse(responseCode = "200", description = "Signed in")
    public ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        Sessions.Refreshed session = logins.login(body.email(), body.password(), request.getHeader("User-Agent"),
                request.getRemoteAddr());
        return tokens(session, Boolean.TRUE.equals(body.cookie()));
    }

    @PostMapping(path = "/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens",
            description = "The refresh token comes in the body or the cookie; it is rotated. Reusing a rotated "
                    + "token ends its whole session.")
    @ApiResponse(responseCode = "200", description = "New tokens")
    public ResponseEntity<TokenResponse> refresh(@RequestBody(required = false) RefreshRequest body,
                                                 @CookieValue(name = REFRESH_COOKIE, required = false) String cookie,
                                                 HttpServletRequest request) {
        limits.consume(limitSettings.refresh(), request.getRemoteAddr());
        String presented = body != null && body.refreshToken() != null ? body.refreshToken() : cookie;
        boolean useCookie = (body == null || body.refreshToken() == null) && cookie != null
                || body != null && Boolean.TRUE.equals(body.cookie());
        return tokens(sessions.rotate(presented), useCookie);
    }

    @PostMapping("/logout")
    @Operation(summary = "End this session", description = "Its refresh token and access tokens stop working at once.")
    @ApiResponse(responseCode = "204", description = "Signed out")
    public ResponseEntity<Void> logout() {
        CapledgerPrincipal principal = CapledgerPrincipal.current();
        denylist.revoke(principal.jti(), principal.expiresAt());
        sessions.end(principal.sessionId());
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, clearCookie().toString()).build();
    }

    @PostMapping("/logout-all")
    @Operation(summary = "End every session of this account")
    @ApiResponse(responseCode = "204", description = "Signed out everywhere")
    public ResponseEntity<Void> logoutAll() {
        CapledgerPrincipal principal = CapledgerPrincipal.current();
        sessions.endAll(principal.accountId(), null);
        denylist.revoke(principal.jti(), principal.expiresAt());
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, clearCookie().toString()).build();
    }

    public record ChangePasswordRequest(@NotBlank @Size(max = 256) String currentPassword,
                                        @NotBlank @Size(max = 256) String newPassword) {
    }

    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the password",
            description = "Needs the current password (401 otherwise) and a new one that meets the policy "
                    + "(422 WEAK_PASSWORD). Ends every other session of the account; this one goes on.")
    @ApiResponse(responseCode = "204", description = "Password changed")
    public ResponseEntity<Void> changePassword(@Valid @RequestBody ChangePasswordRequest body) {
        CapledgerPrincipal principal = CapledgerPrincipal.current();
        Account account = accounts.byId(principal.accountId()).orElseThrow(Sessions::unauthenticated);
        if (!hashing.matches(body.currentPassword(), account.passwordHash())) {
            throw Sessions.unauthenticated();
        }
        policy.check(account.email(), body.newPassword());
        accounts.changePasswordHash(account.accountId(), hashing.hash(body.newPassword()));
        sessions.endAll(account.accountId(), principal.sessionId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sessions")
    @Operation(summary = "List this account's open sessions")
    @ApiResponse(responseCode = "200", description = "Open sessions, newest first")
    public List<Sessions.SessionView> sessions() {
        CapledgerPrincipal principal = CapledgerPrincipal.current();
        return sessions.open(principal.accountId(), principal.sessionId());
    }

    @DeleteMapping(path = "/sessions/{sessionId}", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "End one of this account's sessions")
    @ApiResponse(responseCode = "204", description = "Session ended")
    @ApiResponse(responseCode = "404", description = "No such open session of this account")
    public ResponseEntity<Void> endSession(@PathVariable String sessionId) {
        CapledgerPrincipal principal = CapledgerPrincipal.current();
        if (!sessions.end(principal.accountId(), sessionId)) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "No such session");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    @ApiResponse(responseCode = "200", description = "The account")
    public Me me() {
        CapledgerPrincipal principal = CapledgerPrincipal.current();
        Account account = accounts.byId(principal.accountId()).orElseThrow(Sessions::unauthenticated);
        return new Me(account.accountId(), account.email(), account.platformAdmin());
    }

    private ResponseEntity<TokenResponse> tokens(Sessions.Refreshed session, boolean useCookie) {
        AccessTokens.Issued access = tokens.issue(session.accountId(), session.sessionId());
        long expiresIn = Math.max(0, Duration.between(Instant.now(), access.expiresAt()).toSeconds());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (useCookie) {
            response.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(REFRESH_COOKIE, session.refreshToken())
                    .httpOnly(true).secure(true).sameSite("Strict").path("/api/auth")
                    .maxAge(Duration.between(Instant.now(), session.refreshExpiresAt())).build().toString());
        }
        return response.body(new TokenResponse(access.token(), "Bearer", expiresIn,
                useCookie ? null : session.refreshToken(), session.refreshExpiresAt()));
    }

    private static ResponseCookie clearCookie() {
        return ResponseCookie.from(REFRESH_COOKIE, "").httpOnly(true).secure(true).sameSite("Strict")
                .path("/api/auth").maxAge(0).build();
    }
}
