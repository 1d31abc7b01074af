package org.capledger.command.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.access.InviteMember;
import org.capledger.api.access.IssuerRole;
import org.capledger.api.access.MemberInvited;
import org.capledger.api.access.RevokeInvitation;
import org.capledger.api.value.IssuerId;
import org.capledger.api.value.StakeholderId;
import org.capledger.command.captable.IssuerAccessReader;
import org.capledger.command.http.CommandExecutor;
import org.capledger.command.http.CommandResult;
import org.capledger.command.http.IssuerCommandController;
import org.capledger.platform.security.CapledgerPrincipal;
import org.capledger.platform.security.RateLimitProperties;
import org.capledger.platform.security.RateLimits;
import org.capledger.platform.security.SecurityEvents;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inviting people to an issuer. Owners invite with any role, admins with any role but OWNER, and the same people
 * list and revoke open invitations. The invitation is an event of the issuer (without the email); the secret
 * token is answered once and is all a new invitee needs to set a password and join (someone who already has an
 * account also proves it is theirs). Sending the token (by email) is the inviter's job until mail is part of
 * Capledger. The emails live beside the accounts, so the list is answered here on the command side.
 */
@RestController
@Tag(name = "Accounts", description = "People who can sign in")
public class InvitationController {

    private final Invitations invitations;
    private final CommandExecutor executor;
    private final IssuerAccessReader access;
    private final RateLimits limits;
    private final RateLimitProperties limitSettings;

    InvitationController(Invitations invitations, CommandExecutor executor, IssuerAccessReader access,
                         RateLimits limits, RateLimitProperties limitSettings) {
        this.invitations = invitations;
        this.executor = executor;
        this.access = access;
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

    /**
     * @param password the new account's password; for an email that already has an account, that account's
     *                 current password, unless the request is signed in to it
     */
    public record AcceptRequest(@NotBlank @Size(max = 128) String token, @Size(max = 256) String password) {
    }

    /**
     * @param accountCreated false when the role went to an account that already existed
     * @param position       the grant's event-stream position, also sent as {@code Capledger-Position}: a query
     *                       that carries it sees the new member
     */
    public record AcceptResponse(String accountId, String email, String issuerId, boolean accountCreated,
                                 long position) {
    }

    /** An open invitation: never its token. {@code stakeholderId} only for SHAREHOLDER. */
    public record InvitationView(String invitationId, IssuerRole role, String stakeholderId, String email,
                                 String invitedBy, Instant createdAt, Instant expiresAt) {
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

    @GetMapping(path = "/api/issuers/{issuerId}/invitations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the issuer's open invitations (owners and admins)",
            description = "Invitations neither accepted, revoked nor expired, oldest first, with the invited email. "
                    + "Tokens are never shown again. 403 for VIEWER; 404, as for an unknown issuer, for SHAREHOLDER "
                    + "and accounts without a role.")
    @ApiResponse(responseCode = "200", description = "Open invitations")
    @ApiResponse(responseCode = "403", description = "VIEWER")
    @ApiResponse(responseCode = "404", description = "Unknown issuer, or no role on it that may see its invitations")
    public List<InvitationView> list(@PathVariable String issuerId) {
        CapledgerPrincipal caller = CapledgerPrincipal.current();
        IssuerId issuer = IssuerCommandController.issuer(issuerId);
        IssuerAccessReader.IssuerAccessView view = access.read(issuer, caller.accountId());
        if (!caller.platformAdmin()) {
            IssuerRole role = view.role().orElse(null);
            if (role == null || role == IssuerRole.SHAREHOLDER) {
                SecurityEvents.accessDenied(caller.accountId(), issuer.value(), null,
                        ErrorCode.ISSUER_NOT_FOUND.name());
                throw new CapledgerException(ErrorCode.ISSUER_NOT_FOUND, "No such issuer");
            }
            if (!role.mayRecord()) {
                SecurityEvents.accessDenied(caller.accountId(), issuer.value(), null, ErrorCode.FORBIDDEN.name());
                throw new CapledgerException(ErrorCode.FORBIDDEN, "This account may not do this");
            }
        }
        Map<String, MemberInvited> pending = view.pendingInvitations().stream()
                .collect(Collectors.toMap(MemberInvited::invitationId, Function.identity()));
        return invitations.open(issuer).stream().filter(open -> pending.containsKey(open.invitationId()))
                .map(open -> {
                    MemberInvited invited = pending.get(open.invitationId());
                    return new InvitationView(open.invitationId(), invited.role(),
                            invited.stakeholderId() == null ? null : invited.stakeholderId().value(), open.email(),
                            open.invitedBy(), open.createdAt(), open.expiresAt());
                })
                .toList();
    }

    @DeleteMapping(path = "/api/issuers/{issuerId}/invitations/{invitationId}", consumes = MediaType.ALL_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke an open invitation (owners; admins for roles below OWNER)",
            description = "Recorded as an InvitationRevoked event in the audit trail. Its token then answers like an "
                    + "unknown one. 404 NOT_FOUND for an invitation that is unknown, accepted or already revoked.")
    @ApiResponse(responseCode = "200", description = "Invitation revoked")
    @ApiResponse(responseCode = "403", description = "The caller's role may not revoke it")
    @ApiResponse(responseCode = "404", description = "Unknown issuer, or no such open invitation")
    public ResponseEntity<CommandResult> revoke(@PathVariable String issuerId, @PathVariable String invitationId,
                                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                HttpServletRequest request) {
        IssuerId issuer = IssuerCommandController.issuer(issuerId);
        return executor.execute(new CommandExecutor.Submission(request.getMethod(), request.getRequestURI(), Map.of(),
                null, ifMatch, request.getHeader(CommandExecutor.CORRELATION_HEADER),
                new RevokeInvitation(issuer, invitationId), invitationId, null)
                .firstInTransaction(() -> invitations.lock(issuer, invitationId))
                .alsoInTransaction(() -> invitations.markRevoked(issuer, invitationId)));
    }

    @PostMapping(path = "/api/invitations/accept", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept an invitation and get the invited role",
            description = "No sign-in needed: the token is the proof. When the invited email has no account yet, "
                    + "the password creates it (201). When it has one, the role goes to that account (200), which "
                    + "the request proves is the caller's: signed in to it (Authorization: Bearer), or with its "
                    + "current password, which stays unchanged. 404 for an unknown, used, revoked or expired token "
                    + "(one answer for all); 401, the sign-in's generic answer, for a wrong password or another "
                    + "account's token; 429 after too many wrong passwords for the email, as for sign-in; "
                    + "422 WEAK_PASSWORD.")
    @ApiResponse(responseCode = "200", description = "Role granted to the existing account")
    @ApiResponse(responseCode = "201", description = "Account created and role granted; sign in next")
    @ApiResponse(responseCode = "401", description = "The invited email has an account, and it was not proven")
    @ApiResponse(responseCode = "404", description = "Unknown, used, revoked or expired token")
    @ApiResponse(responseCode = "422", description = "The password does not meet the policy")
    public ResponseEntity<AcceptResponse> accept(@Valid @RequestBody AcceptRequest body, HttpServletRequest request) {
        limits.consume(limitSettings.refresh(), request.getRemoteAddr());
        Invitations.Accepted accepted = invitations.accept(body.token(), body.password(),
                CapledgerPrincipal.ifSignedIn(), request.getRemoteAddr());
        return ResponseEntity.status(accepted.accountCreated() ? 201 : 200).header("Cache-Control", "no-store")
                .header(CommandExecutor.POSITION_HEADER, String.valueOf(accepted.position()))
                .body(new AcceptResponse(accepted.accountId(), accepted.email(), accepted.issuerId(),
                        accepted.accountCreated(), accepted.position()));
    }
}
