package org.capledger.platform.security;

import org.springframework.jdbc.core.JdbcTemplate;

/** What every deployable may ask about an account: whether it is a platform administrator. */
public class AccountDirectory {

    private final JdbcTemplate jdbc;

    public AccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isPlatformAdmin(String accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account WHERE account_id = ? AND platform_admin)", Boolean.class,
                accountId));
    }

    public boolean exists(String accountId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account WHERE account_id = ?)", Boolean.class, accountId));
    }
}
