package org.capledger.command.accounts;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.capledger.platform.security.RateLimitProperties;
import org.capledger.platform.security.RateLimits;
import org.capledger.platform.security.SecurityEvents;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Self-signup, only with {@code capledger.accounts.self-signup=true}; otherwise the route does not exist at all and
 * answers as any unknown route does. A new account holds no role until someone invites it or grants it one.
 *
 * <p>The answer is 202 whether or not the email already had an account, and costs the same password hashing
 * either way, so signing up cannot be used to learn who has an account; an existing account is left untouched.
 * Attempts are limited per client IP ({@code capledger.rate-limits.signup-per-ip}).
 */
@RestController
@ConditionalOnBooleanProperty("capledger.accounts.self-signup")
@Tag(name = "Accounts", description = "People who can sign in")
public class SignupController {

    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final RateLimits limits;
    private final RateLimitProperties limitSettings;

    SignupController(AccountStore accounts, PasswordPolicy policy, PasswordHashing hashing, RateLimits limits,
                     RateLimitProperties limitSettings) {
        this.accounts = accounts;
        this.policy = policy;
        this.hashing = hashing;
        this.limits = limits;
        this.limitSettings = limitSettings;
    }

    public record SignupRequest(@Schema(example = "dana@example.com") @NotBlank @Email @Size(max = 254) String email,
                                @NotBlank @Size(max = 256) String password) {
    }

    @PostMapping(path = "/api/auth/signup", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an account for oneself (when capledger.accounts.self-signup is on)",
            description = "Answers 202 with no body whether the account was created or the email already had one "
                    + "(which keeps its password), so the answer tells no one who has an account. Sign in next. "
                    + "422 WEAK_PASSWORD; 429 past capledger.rate-limits.signup-per-ip.")
    @ApiResponse(responseCode = "202", description = "Signed up, unless the email already had an account")
    @ApiResponse(responseCode = "422", description = "The password does not meet the policy")
    public ResponseEntity<Void> signup(@Valid @RequestBody SignupRequest body, HttpServletRequest request) {
        String ip = request.getRemoteAddr();
        limits.consume(limitSettings.signup(), ip);
        policy.check(body.email(), body.password());
        Optional<Account> created = accounts.createIfAbsent(body.email(), hashing.hash(body.password()));
        if (created.isPresent()) {
            SecurityEvents.signedUp(created.get().accountId(), ip);
        } else {
            SecurityEvents.signupForExistingEmail(body.email(), ip);
        }
        return ResponseEntity.accepted().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
