package org.capledger.platform.security;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Access tokens refused before they expire (after logout), by {@code jti}, in the shared database so that every
 * deployable honours a logout at once.
 */
public class AccessTokenDenylist {

    private final JdbcTemplate jdbc;

    public AccessTokenDenylist(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the token was logged out, or its session ended (logout, logout-all, password change) */
    public boolean isRevoked(String jti, String sessionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM revoked_access_token WHERE jti = ?) "
                        + "OR NOT EXISTS (SELECT 1 FROM session WHERE family_id = ? AND revoked_at IS NULL)",
                Boolean.class, jti, sessionId));
    }

    public void revoke(String jti, Instant expiresAt) {
        jdbc.update("INSERT INTO revoked_access_token (jti, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING", jti,
                Timestamp.from(expiresAt));
    }
}
