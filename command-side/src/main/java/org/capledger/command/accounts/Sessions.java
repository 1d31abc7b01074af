package org.capledger.command.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.capledger.platform.security.SecurityEvents;
import org.capledger.platform.security.SecurityProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sessions and their refresh tokens. A session is one login; its refresh tokens form a family. Each refresh
 * rotates: the presented token is marked used and a new one is issued. Presenting a token that was already used
 * means it was copied, so the whole family is revoked (OAuth 2.0 Security BCP, RFC 9700 section 4.14.2).
 * Tokens are 256 random bits, base64url; only their SHA-256 is stored. A session ends
 * {@code capledger.security.session-max-age} (30 days) after sign-in however often it is refreshed.
 */
@Component
public class Sessions {

    /** A session's id and the refresh token that continues it. */
    public record Refreshed(String accountId, String sessionId, String refreshToken, Instant refreshExpiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecurityProperties properties;

    public Sessions(JdbcTemplate jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Transactional
    public Refreshed start(String accountId, String userAgent, String ipAddress) {
        String sessionId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO session (family_id, account_id, user_agent, ip_address, created_at, last_used_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", sessionId, accountId, truncate(userAgent, 512), truncate(ipAddress, 64),
                now, now);
        return issue(accountId, sessionId);
    }

    /** @throws CapledgerException UNAUTHENTICATED for an unknown, expired, revoked or reused token */
    @Transactional(noRollbackFor = CapledgerException.class)
    public Refreshed rotate(String refreshToken) {
        if (refreshToken == null || refreshToken.length() > 128) {
            throw unauthenticated();
        }
        List<Object[]> rows = jdbc.query("SELECT r.family_id, r.account_id, r.expires_at, r.used_at, s.revoked_at, "
                        + "s.created_at "
                        + "FROM refresh_token r JOIN session s ON s.family_id = r.family_id "
                        + "WHERE r.token_hash = ? FOR UPDATE OF r",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getTimestamp(3), rs.getTimestamp(4),
                        rs.getTimestamp(5), rs.getTimestamp(6)}, SecretTokens.hash(refreshToken));
        if (rows.isEmpty()) {
            throw unauthenticated();
        }
        Object[] row = rows.get(0);
        String sessionId = (String) row[0];
        String accountId = (String) row[1];
        Instant now = clock.instant();
        if (row[3] != null) {
            end(sessionId);
            SecurityEvents.refreshTokenReused(accountId, sessionId);
            throw unauthenticated();
        }
        boolean tooOld = ((Timestamp) row[5]).toInstant().plus(properties.sessionMaxAge()).isBefore(now);
        if (row[4] != null || ((Timestamp) row[2]).toInstant().isBefore(now) || tooOld) {
            throw unauthenticated();
        }
        jdbc.update("UPDATE refresh_token SET used_at = ? WHERE token_hash = ?", Timestamp.from(now),
                SecretTokens.hash(refreshToken));
        jdbc.update("UPDATE session SET last_used_at = ? WHERE family_id = ?", Timestamp.from(now), sessionId);
        return issue(accountId, sessionId);
    }

    /** A session as its owner sees it. */
    public record SessionView(String sessionId, String userAgent, String ipAddress, Instant createdAt,
                              Instant lastUsedAt, boolean current) {
    }

    /** @return the account's open sessions, newest first; {@code current} marks the caller's own */
    public List<SessionView> open(String accountId, String currentSessionId) {
        return jdbc.query("SELECT family_id, user_agent, ip_address, created_at, last_used_at FROM session "
                        + "WHERE account_id = ? AND revoked_at IS NULL ORDER BY created_at DESC",
                (rs, i) -> new SessionView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                        rs.getString(1).equals(currentSessionId)), accountId);
    }

    /** Ends one of the account's sessions. @return whether it was an open session of that account */
    public boolean end(String accountId, String sessionId) {
        return jdbc.update("UPDATE session SET revoked_at = ? WHERE family_id = ? AND account_id = ? "
                + "AND revoked_at IS NULL", Timestamp.from(clock.instant()), sessionId, accountId) == 1;
    }

    /** Ends one session: its refresh tokens stop working and so do its access tokens. */
    public void end(String sessionId) {
        jdbc.update("UPDATE session SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), sessionId);
    }

    /** Ends every session of the account, except {@code keep} when given. */
    public void endAll(String accountId, String keep) {
        jdbc.update("UPDATE session SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL "
                + "AND family_id <> ?", Timestamp.from(clock.instant()), accountId, keep == null ? "" : keep);
    }

    /**
     * Deletes what can no longer be used: denylist entries of expired access tokens, expired or used refresh
     * tokens, and sessions that ended (or began) longer ago than the session lifetime, with their invitations'
     * expired leftovers. Runs hourly on the command side.
     *
     * @return rows deleted
     */
    @Transactional
    @Scheduled(fixedDelayString = "${capledger.security.cleanup-interval:1h}", initialDelayString = "1m")
    public int deleteExpired() {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp stale = Timestamp.from(clock.instant().minus(properties.sessionMaxAge()));
        int deleted = jdbc.update("DELETE FROM revoked_access_token WHERE expires_at < ?", now);
        deleted += jdbc.update("DELETE FROM refresh_token WHERE expires_at < ? OR used_at < ?", now, stale);
        deleted += jdbc.update("DELETE FROM refresh_token WHERE family_id IN (SELECT family_id FROM session "
                + "WHERE revoked_at < ? OR created_at < ?)", stale, stale);
        deleted += jdbc.update("DELETE FROM session WHERE revoked_at < ? OR created_at < ?", stale, stale);
        deleted += jdbc.update("DELETE FROM invitation WHERE accepted_at IS NULL AND expires_at < ?", stale);
        return deleted;
    }

    private Refreshed issue(String accountId, String sessionId) {
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        Instant expires = now.plus(properties.refreshTokenTtl());
        jdbc.update("INSERT INTO refresh_token (token_hash, family_id, account_id, created_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", SecretTokens.hash(token), sessionId, accountId, Timestamp.from(now),
                Timestamp.from(expires));
        return new Refreshed(accountId, sessionId, token, expires);
    }


    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    static CapledgerException unauthenticated() {
        return new CapledgerException(ErrorCode.UNAUTHENTICATED, "A valid access token is required");
    }
}
