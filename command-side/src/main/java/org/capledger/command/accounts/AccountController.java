package org.capledger.command.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.platform.security.CapledgerPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts created by a platform administrator, who then grants them roles on issuers. (Invitations, with which
 * issuer owners add people themselves, come next.)
 */
@RestController
@RequestMapping(path = "/api/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts", description = "People who can sign in")
public class AccountController {

    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;

    AccountController(AccountStore accounts, PasswordPolicy policy, PasswordHashing hashing) {
        this.accounts = accounts;
        this.policy = policy;
        this.hashing = hashing;
    }

    public record CreateAccountRequest(@Schema(example = "carol@example.com") @NotBlank @Email @Size(max = 254)
                                       String email,
                                       @NotBlank @Size(max = 256) String password) {
    }

    public record AccountResponse(String accountId, String email) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create an account (platform administrators)",
            description = "The password must have at least 12 characters and not be a common password or the "
                    + "email (NIST SP 800-63B). 409 ACCOUNT_EXISTS for a taken email.")
    @ApiResponse(responseCode = "201", description = "Account created")
    @ApiResponse(responseCode = "403", description = "Not a platform administrator")
    public ResponseEntity<AccountResponse> create(@Valid @RequestBody CreateAccountRequest body) {
        if (!CapledgerPrincipal.current().platformAdmin()) {
            throw new CapledgerException(ErrorCode.FORBIDDEN, "Only platform administrators create accounts");
        }
        policy.check(body.email(), body.password());
        Account account = accounts.create(body.email(), hashing.hash(body.password()), false);
        return ResponseEntity.status(201).body(new AccountResponse(account.accountId(), account.email()));
    }
}
