package org.capledger.command.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.capledger.api.CapledgerException;
import org.capledger.api.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The {@code account} table. Emails are stored lower-case and unique. */
@Repository
public class AccountStore {

    private static final RowMapper<Account> ROW = (rs, i) -> new Account(rs.getString("account_id"),
            rs.getString("email"), rs.getString("password_hash"), rs.getBoolean("platform_admin"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccountStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @throws CapledgerException ACCOUNT_EXISTS (409) when the email is taken */
    public Account create(String email, String passwordHash, boolean platformAdmin) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("INSERT INTO account (account_id, email, password_hash, platform_admin, created_at, "
                    + "password_changed_at) VALUES (?, ?, ?, ?, ?, ?)", id, normalize(email), passwordHash,
                    platformAdmin, now, now);
        } catch (DuplicateKeyException e) {
            throw new CapledgerException(ErrorCode.ACCOUNT_EXISTS, "An account with this email already exists");
        }
        return new Account(id, normalize(email), passwordHash, platformAdmin, now.toInstant());
    }

    /** @return the new account, or empty when the email already has one (which is left as it is) */
    public Optional<Account> createIfAbsent(String email, String passwordHash) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(clock.instant());
        int created = jdbc.update("INSERT INTO account (account_id, email, password_hash, platform_admin, created_at, "
                + "password_changed_at) VALUES (?, ?, ?, FALSE, ?, ?) ON CONFLICT (email) DO NOTHING", id,
                normalize(email), passwordHash, now, now);
        return created == 0 ? Optional.empty()
                : Optional.of(new Account(id, normalize(email), passwordHash, false, now.toInstant()));
    }

    public Optional<Account> byEmail(String email) {
        return first(jdbc.query("SELECT * FROM account WHERE email = ?", ROW, normalize(email)));
    }

    public Optional<Account> byId(String accountId) {
        return first(jdbc.query("SELECT * FROM account WHERE account_id = ?", ROW, accountId));
    }

    public boolean anyPlatformAdmin() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account WHERE platform_admin)", Boolean.class));
    }

    public void changePasswordHash(String accountId, String passwordHash) {
        jdbc.update("UPDATE account SET password_hash = ?, password_changed_at = ? WHERE account_id = ?",
                passwordHash, Timestamp.from(clock.instant()), accountId);
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Optional<Account> first(List<Account> rows) {
        return rows.stream().findFirst();
    }
}
