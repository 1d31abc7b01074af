package org.capledger.command.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.access.AcceptInvitation;
import org.capledger.api.value.IssuerId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation tokens: 256 random bits shown once to the inviter, stored as SHA-256 with the invitee's email, valid
 * {@code capledger.invitation-ttl} (7 days), usable once. Accepting creates the account and grants the invited
 * role in one transaction.
 */
@Component
public class Invitations {

    /** A new invitation; {@code token} is shown once and never stored. */
    public record Issued(String invitationId, String token, Instant expiresAt) {
    }

    /** What accepting created. */
    public record Accepted(String accountId, String email, String issuerId) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final CommandGateway commands;

    Invitations(JdbcTemplate jdbc, Clock clock, @Value("${capledger.invitation-ttl:7d}") Duration ttl,
                AccountStore accounts, PasswordPolicy policy, PasswordHashing hashing, CommandGateway commands) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
        this.accounts = accounts;
        this.policy = policy;
        this.hashing = hashing;
        this.commands = commands;
    }

    /** @return a fresh id and token; {@link #store} records them once the invitation event is in */
    public Issued prepare() {
        return new Issued(UUID.randomUUID().toString(), SecretTokens.generate(), clock.instant().plus(ttl));
    }

    public void store(Issued invitation, IssuerId issuerId, String email, String invitedBy) {
        jdbc.update("INSERT INTO invitation (invitation_id, token_hash, issuer_id, email, invited_by, created_at, "
                        + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)", invitation.invitationId(),
                SecretTokens.hash(invitation.token()), issuerId.value(), AccountStore.normalize(email), invitedBy,
                Timestamp.from(clock.instant()), Timestamp.from(invitation.expiresAt()));
    }

    /**
     * @throws CapledgerException NOT_FOUND for an unknown, used or expired token (one answer for all three),
     *                            ACCOUNT_EXISTS when the email already has an account, WEAK_PASSWORD
     */
    @Transactional
    public Accepted accept(String token, String password) {
        List<Map<String, Object>> rows = token == null || token.length() > 128 ? List.of() : jdbc.queryForList(
                "SELECT invitation_id, issuer_id, email, expires_at, accepted_at FROM invitation "
                        + "WHERE token_hash = ? FOR UPDATE", SecretTokens.hash(token));
        if (rows.isEmpty() || rows.get(0).get("accepted_at") != null
                || ((Timestamp) rows.get(0).get("expires_at")).toInstant().isBefore(clock.instant())) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "No such open invitation");
        }
        Map<String, Object> row = rows.get(0);
        String email = (String) row.get("email");
        String issuerId = (String) row.get("issuer_id");
        policy.check(email, password);
        Account account = accounts.create(email, hashing.hash(password), false);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new AcceptInvitation(IssuerId.of(issuerId), (String) row.get("invitation_id"),
                                account.accountId()))
                .withMetaData(Map.of(MetaDataKeys.ACTOR, account.accountId())));
        jdbc.update("UPDATE invitation SET accepted_at = ?, accepted_account_id = ? WHERE invitation_id = ?",
                Timestamp.from(clock.instant()), account.accountId(), row.get("invitation_id"));
        return new Accepted(account.accountId(), email, issuerId);
    }

}
