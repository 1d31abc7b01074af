package org.capledger.api.access;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;


/**
 * The roles accounts hold on one issuer, folded from {@link IssuerAccessEvent}s, and the rules for changing them.
 * Kept beside the Ledger, not in it: access is not part of the cap table and not replayed as of a date.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE, isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class IssuerAccess {

    private Map<String, IssuerRole> roles = new HashMap<>();
    private Map<String, MemberInvited> pendingInvitations = new HashMap<>();

    public Optional<IssuerRole> roleOf(String accountId) {
        return Optional.ofNullable(roles.get(accountId));
    }

    /** @return the invitations neither accepted nor revoked (expiry is kept with the token, not here) */
    public List<MemberInvited> pendingInvitations() {
        return List.copyOf(pendingInvitations.values());
    }

    /**
     * @param stakeholderKnown whether {@code command.stakeholderId()} is a stakeholder of the issuer
     * @return the event, or empty when the account already has exactly that role
     * @throws CapledgerException INVALID_VALUE, UNKNOWN_STAKEHOLDER
     */
    public Optional<RoleGranted> grant(GrantRole command, boolean stakeholderKnown, LocalDate today) {
        if (command.accountId() == null || command.accountId().isBlank() || command.role() == null) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "accountId and role are required");
        }
        boolean shareholder = command.role() == IssuerRole.SHAREHOLDER;
        requireStakeholderForShareholder(command.role(), command.stakeholderId() != null, stakeholderKnown);
        if (command.role() == roles.get(command.accountId()) && !shareholder) {
            return Optional.empty();
        }
        if (roles.get(command.accountId()) == IssuerRole.OWNER && command.role() != IssuerRole.OWNER) {
            requireAnotherOwner(command.accountId());
        }
        return Optional.of(new RoleGranted(command.issuerId(), command.accountId(), command.role(),
                command.stakeholderId(), today, null));
    }

    /** @throws CapledgerException NOT_FOUND when the account has no role, LAST_OWNER for the last owner */
    public RoleRevoked revoke(RevokeRole command, LocalDate today) {
        IssuerRole current = roles.get(command.accountId());
        if (current == null) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "That account has no role on this issuer");
        }
        if (current == IssuerRole.OWNER) {
            requireAnotherOwner(command.accountId());
        }
        return new RoleRevoked(command.issuerId(), command.accountId(), current, today);
    }

    /** @throws CapledgerException INVALID_VALUE, UNKNOWN_STAKEHOLDER as for {@link #grant} */
    public MemberInvited invite(InviteMember command, boolean stakeholderKnown, LocalDate today) {
        if (command.role() == null || command.invitationId() == null) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE, "role is required");
        }
        requireStakeholderForShareholder(command.role(), command.stakeholderId() != null, stakeholderKnown);
        return new MemberInvited(command.issuerId(), command.invitationId(), command.role(),
                command.stakeholderId(), today);
    }

    /**
     * The invited role replaces any role the account already has, as a grant would.
     *
     * @throws CapledgerException NOT_FOUND when the invitation is unknown, accepted or revoked; LAST_OWNER when it
     *                            would demote the issuer's last owner
     */
    public RoleGranted accept(AcceptInvitation command, LocalDate today) {
        MemberInvited invited = pendingInvitations.get(command.invitationId());
        if (invited == null) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "No such open invitation");
        }
        if (roles.get(command.accountId()) == IssuerRole.OWNER && invited.role() != IssuerRole.OWNER) {
            requireAnotherOwner(command.accountId());
        }
        return new RoleGranted(command.issuerId(), command.accountId(), invited.role(), invited.stakeholderId(),
                today, command.invitationId());
    }

    /** @throws CapledgerException NOT_FOUND when the invitation is unknown, accepted or already revoked */
    public InvitationRevoked revokeInvitation(RevokeInvitation command, LocalDate today) {
        MemberInvited invited = command.invitationId() == null ? null
                : pendingInvitations.get(command.invitationId());
        if (invited == null) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "No such open invitation");
        }
        return new InvitationRevoked(command.issuerId(), invited.invitationId(), invited.role(), today);
    }

    public void apply(MemberInvited event) {
        pendingInvitations.put(event.invitationId(), event);
    }

    public void apply(InvitationRevoked event) {
        pendingInvitations.remove(event.invitationId());
    }

    public void apply(IssuerAccessEvent event) {
        if (event instanceof RoleGranted e) {
            roles.put(e.accountId(), e.role());
            if (e.invitationId() != null) {
                pendingInvitations.remove(e.invitationId());
            }
        } else if (event instanceof RoleRevoked e) {
            roles.remove(e.accountId());
        }
    }

    private static void requireStakeholderForShareholder(IssuerRole role, boolean stakeholderGiven,
                                                         boolean stakeholderKnown) {
        boolean shareholder = role == IssuerRole.SHAREHOLDER;
        if (shareholder != stakeholderGiven) {
            throw new CapledgerException(ErrorCode.INVALID_VALUE,
                    "stakeholderId is required for SHAREHOLDER and not allowed for other roles");
        }
        if (shareholder && !stakeholderKnown) {
            throw new CapledgerException(ErrorCode.UNKNOWN_STAKEHOLDER, "No such stakeholder in this issuer");
        }
    }

    private void requireAnotherOwner(String accountId) {
        boolean another = roles.entrySet().stream()
                .anyMatch(e -> e.getValue() == IssuerRole.OWNER && !e.getKey().equals(accountId));
        if (!another) {
            throw new CapledgerException(ErrorCode.LAST_OWNER, "An issuer keeps at least one owner");
        }
    }

}
