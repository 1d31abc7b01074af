package org.capledger.platform.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code capledger.rate-limits.*}: requests allowed per period.
 *
 * @param loginPerIp             sign-in attempts per client IP (default 30 a minute)
 * @param failedLoginsPerAccount failed sign-ins per email, counted whether or not the account exists (default 5
 *                               per 15 minutes), after which even the right password waits
 * @param refreshPerIp           token refreshes per client IP (default 60 a minute)
 * @param apiPerAccount          authenticated API requests per account (default 1200 a minute)
 * @param signupPerIp            self-signups per client IP (default 10 per hour), when self-signup is on
 * @param verifyPerIp            public certificate verifications per client IP (default 60 a minute)
 */
@ConfigurationProperties("capledger.rate-limits")
public record RateLimitProperties(@DefaultValue("30") long loginPerIp,
                                  @DefaultValue("5") long failedLoginsPerAccount,
                                  @DefaultValue("15m") Duration failedLoginWindow,
                                  @DefaultValue("60") long refreshPerIp,
                                  @DefaultValue("1200") long apiPerAccount,
                                  @DefaultValue("10") long signupPerIp,
                                  @DefaultValue("1h") Duration signupWindow,
                                  @DefaultValue("60") long verifyPerIp) {

    public RateLimits.Limit login() {
        return new RateLimits.Limit("login-ip", loginPerIp, Duration.ofMinutes(1));
    }

    public RateLimits.Limit failedLogins() {
        return new RateLimits.Limit("login-failures", failedLoginsPerAccount, failedLoginWindow);
    }

    public RateLimits.Limit refresh() {
        return new RateLimits.Limit("refresh-ip", refreshPerIp, Duration.ofMinutes(1));
    }

    public RateLimits.Limit signup() {
        return new RateLimits.Limit("signup-ip", signupPerIp, signupWindow);
    }

    public RateLimits.Limit verify() {
        return new RateLimits.Limit("verify-ip", verifyPerIp, Duration.ofMinutes(1));
    }

    public RateLimits.Limit api() {
        return new RateLimits.Limit("api-account", apiPerAccount, Duration.ofMinutes(1));
    }
}
