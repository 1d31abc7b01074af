package org.capledger.command.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.api.MetaDataKeys;
import org.capledger.api.access.AcceptInvitation;
import org.capledger.api.value.IssuerId;
import org.capledger.platform.security.CapledgerPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation tokens: 256 random bits shown once to the inviter, stored as SHA-256 with the invitee's email, valid
 * {@code capledger.invitation-ttl} (7 days), usable once, revocable until used. Accepting grants the invited role
 * to the account with the invited email: a new one, whose password the invitee sets, or an existing one, whose
 * owner proves it is theirs by being signed in to it or by its password.
 */
@Component
public class Invitations {

    /** A new invitation; {@code token} is shown once and never stored. */
    public record Issued(String invitationId, String token, Instant expiresAt) {
    }

    /**
     * What accepting did: {@code accountCreated} is false when an existing account was given the role;
     * {@code position} is the grant's position in the event store, for {@code Capledger-Position}.
     */
    public record Accepted(String accountId, String email, String issuerId, boolean accountCreated, long position) {
    }

    /** An invitation of the issuer that is neither accepted, revoked nor expired; the token is never shown again. */
    public record Open(String invitationId, String email, String invitedBy, Instant createdAt, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordHashing hashing;
    private final LoginService logins;
    private final CommandGateway commands;

    Invitations(JdbcTemplate jdbc, Clock clock, @Value("${capledger.invitation-ttl:7d}") Duration ttl,
                AccountStore accounts, PasswordPolicy policy, PasswordHashing hashing, LoginService logins,
                CommandGateway commands) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
        this.accounts = accounts;
        this.policy = policy;
        this.hashing = hashing;
        this.logins = logins;
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
     * Accepts the invitation for the invited email. Without an account, one is created with {@code password}. With
     * one, the caller proves it is theirs: {@code caller} signed in to that very account, or its current
     * {@code password}, checked as signing in checks it (same limit of failures per email); anything else is the
     * sign-in's plain 401. The existing account keeps its password.
     *
     * @param caller    the account whose access token came with the request, if any
     * @param ipAddress for the security log of a wrong password
     * @throws CapledgerException NOT_FOUND for an unknown, used, revoked or expired token (one answer for all);
     *                            UNAUTHENTICATED when the email has an account and it is not proven;
     *                            TOO_MANY_REQUESTS after too many wrong passwords for the email; VALIDATION_FAILED
     *                            without a password for a new account; WEAK_PASSWORD; LAST_OWNER
     */
    @Transactional
    public Accepted accept(String token, String password, Optional<CapledgerPrincipal> caller, String ipAddress) {
        List<Map<String, Object>> rows = token == null || token.length() > 128 ? List.of() : jdbc.queryForList(
                "SELECT invitation_id, issuer_id, email, expires_at, accepted_at, revoked_at FROM invitation "
                        + "WHERE token_hash = ? FOR UPDATE", SecretTokens.hash(token));
        if (rows.isEmpty() || rows.get(0).get("accepted_at") != null || rows.get(0).get("revoked_at") != null
                || ((Timestamp) rows.get(0).get("expires_at")).toInstant().isBefore(clock.instant())) {
            throw new CapledgerException(ErrorCode.NOT_FOUND, "No such open invitation");
        }
        Map<String, Object> row = rows.get(0);
        String email = (String) row.get("email");
        String issuerId = (String) row.get("issuer_id");
        Optional<Account> existing = accounts.byEmail(email);
        Account account;
        if (existing.isPresent()) {
            boolean signedInToIt = caller.map(c -> c.accountId().equals(existing.get().accountId())).orElse(false);
            if (!signedInToIt) {
                if (password == null || password.isEmpty()) {
                    throw Sessions.unauthenticated();
                }
                logins.checkPassword(email, password, ipAddress);
            }
            account = existing.get();
        } else {
            if (password == null || password.isEmpty()) {
                throw new CapledgerException(ErrorCode.VALIDATION_FAILED, "A password is required for the new account",
                        Map.of("errors", List.of(Map.of("field", "password", "message", "must not be blank"))));
            }
            policy.check(email, password);
            account = accounts.create(email, hashing.hash(password), false);
        }
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new AcceptInvitation(IssuerId.of(issuerId), (String) row.get("invitation_id"),
                                account.accountId()))
                .withMetaData(Map.of(MetaDataKeys.ACTOR, account.accountId())));
        jdbc.update("UPDATE invitation SET accepted_at = ?, accepted_account_id = ? WHERE invitation_id = ?",
                Timestamp.from(clock.instant()), account.accountId(), row.get("invitation_id"));
        Long position = jdbc.queryForObject("SELECT max(globalindex) FROM domainevententry "
                + "WHERE aggregateidentifier = ?", Long.class, issuerId);
        return new Accepted(account.accountId(), email, issuerId, existing.isEmpty(), position);
    }

    /**
     * Holds the invitation's row until the transaction ends, so that a revocation and an acceptance of the same
     * invitation take their locks in one order (row, then the issuer's event stream) and never deadlock.
     */
    public void lock(IssuerId issuerId, String invitationId) {
        jdbc.queryForList("SELECT 1 FROM invitation WHERE invitation_id = ? AND issuer_id = ? FOR UPDATE",
                invitationId, issuerId.value());
    }

    /** Marks the invitation revoked; its token then answers like an unknown one. */
    public void markRevoked(IssuerId issuerId, String invitationId) {
        jdbc.update("UPDATE invitation SET revoked_at = ? WHERE invitation_id = ? AND issuer_id = ?",
                Timestamp.from(clock.instant()), invitationId, issuerId.value());
    }

    /** @return the issuer's invitations that are neither accepted, revoked nor expired, oldest first */
    public List<Open> open(IssuerId issuerId) {
        return jdbc.query("SELECT invitation_id, email, invited_by, created_at, expires_at FROM invitation "
                        + "WHERE issuer_id = ? AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ? "
                        + "ORDER BY created_at, invitation_id",
                (rs, i) -> new Open(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()),
                issuerId.value(), Timestamp.from(clock.instant()));
    }
}
