package org.capledger.command.accounts;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.capledger.api.access.InviteMember;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.command.http.CommandExecutor;
import org.capledger.command.http.CommandResult;
import org.capledger.command.http.IssuerCommandController;
import org.capledger.platform.security.CapledgerPrincipal;
import org.capledger.platform.security.RateLimitProperties;
import org.capledger.platform.security.RateLimits;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inviting people to an issuer. Owners invite with any role, admins with any role but OWNER. The invitation is
 * an event of the issuer (without the email); the secret token is answered once and is all the invitee needs to
 * set a password and join. Sending the token (by email) is the inviter's job until mail is part of Capledger.
 */
@RestController
@Tag(name = "Accounts", description = "People who can sign in")
public class InvitationController {

    private final Invitations invitations;
    private final CommandExecutor executor;
    private final RateLimits limits;
    private final RateLimitProperties limitSettings;

    InvitationController(Invitations invitations, CommandExecutor executor, RateLimits limits,
                         RateLimitProperties limitSettings) {
        this.invitations = invitations;
        this.executor = executor;
        this.limits = limits;
        this.limitSettings = limitSettings;
    }

    public record InviteRequest(@Schema(example = "carol@example.com") @NotBlank @Email @Size(max = 254) String email,
                                @Schema(example = "VIEWER") @NotNull IssuerRole role,
                                @Schema(type = "string", description = "The stakeholder a SHAREHOLDER sees")
                                StakeholderId stakeholderId) {
    }

    /** @param token shown once; the invitee presents it to {@code POST /api/invitations/accept} */
    public record InvitationResponse(String invitationId, String token, Instant expiresAt, long version,
                                     long position) {
    }

    public record AcceptRequest(@NotBlank @Size(max = 128) String token, @NotBlank @Size(max = 256) String password) {
    }

    public record AcceptResponse(String accountId, String email, String issuerId) {
    }

    @PostMapping(path = "/api/issuers/{issuerId}/invitations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Invite someone to the issuer with a role (owners; admins for roles below OWNER)",
            description = "Answers the invitation's secret token once (valid capledger.invitation-ttl, 7 days). Not "
                    + "idempotent: a retry creates another invitation. The email is kept out of the event store.")
    @ApiResponse(responseCode = "201", description = "Invitation created")
    @ApiResponse(responseCode = "403", description = "The caller's role may not invite with that role")
    public ResponseEntity<InvitationResponse> invite(@PathVariable String issuerId,
                                                     @Valid @RequestBody InviteRequest body,
                                                     HttpServletRequest request) {
        IssuerId issuer = IssuerCommandController.issuer(issuerId);
        Invitations.Issued invitation = invitations.prepare();
        String inviter = CapledgerPrincipal.current().accountId();
        CommandResult result = executor.execute(new CommandExecutor.Submission(request.getMethod(),
                request.getRequestURI(), body, null, null, request.getHeader(CommandExecutor.CORRELATION_HEADER),
                new InviteMember(issuer, invitation.invitationId(), body.role(), body.stakeholderId()),
                invitation.invitationId(), null)
                .alsoInTransaction(() -> invitations.store(invitation, issuer, body.email(), inviter))).getBody();
        return ResponseEntity.status(201).header("Cache-Control", "no-store")
                .header(CommandExecutor.POSITION_HEADER, String.valueOf(result.position()))
                .body(new InvitationResponse(invitation.invitationId(), invitation.token(), invitation.expiresAt(),
                        result.version(), result.position()));
    }

    @PostMapping(path = "/api/invitations/accept", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept an invitation: set a password, get the invited role",
            description = "No sign-in needed: the token is the proof. 404 for an unknown, used or expired token "
                    + "(one answer for all), 409 ACCOUNT_EXISTS when the email already has an account, "
                    + "422 WEAK_PASSWORD.")
    @ApiResponse(responseCode = "201", description = "Account created and role granted; sign in next")
    @ApiResponse(responseCode = "404", description = "Unknown, used or expired token")
    @ApiResponse(responseCode = "409", description = "The invited email already has an account")
    @ApiResponse(responseCode = "422", description = "The password does not meet the policy")
    public ResponseEntity<AcceptResponse> accept(@Valid @RequestBody AcceptRequest body, HttpServletRequest request) {
        limits.consume(limitSettings.refresh(), request.getRemoteAddr());
        Invitations.Accepted accepted = invitations.accept(body.token(), body.password());
        return ResponseEntity.status(201)
                .body(new AcceptResponse(accepted.accountId(), accepted.email(), accepted.issuerId()));
    }
}
