package org.capledger.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Security events on the logger {@code capledger.security}, as key-value pairs ({@code event}, {@code account},
 * {@code issuer}, {@code ip}; the time is the log record's). An event given no IP takes the address of the request
 * being served. With {@code logging.structured.format.console=ecs}
 * (set by the {@code prod} profile) each is one JSON line. Never a token or password; an email that may not
 * belong to any account appears only as a short SHA-256 prefix, so logs do not become a list of guesses.
 */
public final class SecurityEvents {

    private static final Logger log = LoggerFactory.getLogger("capledger.security");

    private SecurityEvents() {
    }

    public static void loginSucceeded(String accountId, String ip) {
        event(log.atInfo(), "login_success", ip).addKeyValue("account", accountId).log("login_success");
    }

    public static void loginFailed(String email, String ip) {
        event(log.atWarn(), "login_failure", ip).addKeyValue("emailHash", hash(email)).log("login_failure");
    }

    public static void loginThrottled(String email, String ip) {
        event(log.atWarn(), "login_throttled", ip).addKeyValue("emailHash", hash(email)).log("login_throttled");
    }

    public static void signedUp(String accountId, String ip) {
        event(log.atInfo(), "signup", ip).addKeyValue("account", accountId).log("signup");
    }

    /** A self-signup for an email that already has an account: answered like a new one, so logged here. */
    public static void signupForExistingEmail(String email, String ip) {
        event(log.atWarn(), "signup_existing_email", ip).addKeyValue("emailHash", hash(email))
                .log("signup_existing_email");
    }

    public static void refreshTokenReused(String accountId, String sessionId) {
        event(log.atWarn(), "refresh_token_reuse", null).addKeyValue("account", accountId)
                .addKeyValue("session", sessionId).log("refresh_token_reuse: session revoked");
    }

    public static void invalidToken(String ip, String path) {
        event(log.atWarn(), "invalid_token", ip).addKeyValue("path", path).log("invalid_token");
    }

    public static void accessDenied(String accountId, String issuerId, String ip, String reason) {
        event(log.atWarn(), "access_denied", ip).addKeyValue("account", accountId).addKeyValue("issuer", issuerId)
                .addKeyValue("reason", reason).log("access_denied");
    }

    /** @param ip the client's address; null for the address of the request being served, if any */
    private static LoggingEventBuilder event(LoggingEventBuilder builder, String event, String ip) {
        builder = builder.addKeyValue("event", event);
        String address = ip != null ? ip : currentClientAddress();
        return address == null ? builder : builder.addKeyValue("ip", address);
    }

    /** The address {@code server.forward-headers-strategy} makes the client's, as everywhere else. */
    private static String currentClientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }

    private static String hash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(email).strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
