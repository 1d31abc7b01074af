package org.capledger.platform.security;

import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.SecurityException;

/**
 * Issues and verifies access tokens: JWS compact serialization (RFC 7515) of a JWT (RFC 7519) signed with EdDSA
 * over Ed25519 (RFC 8037), header {@code typ: at+jwt} (RFC 9068 section 2.1), claims {@code iss}, {@code aud},
 * {@code sub} (account id), {@code jti}, {@code iat}, {@code nbf}, {@code exp}. Tokens carry identity only; roles
 * are read per request.
 *
 * <p>Verification accepts exactly EdDSA with a configured {@code kid} (so {@code alg: none}, HMAC keyed with the
 * public key, and keys named by {@code jku}, {@code x5u} or an embedded {@code jwk} are all refused; nothing is
 * ever fetched), checks issuer, audience, {@code exp}, {@code nbf} and {@code iat} within the clock skew, the
 * token type, the denylist of logged-out tokens and that its session ({@code sid}) has not been ended.
 */
public class AccessTokens {

    public static final String TOKEN_TYPE = "at+jwt";
    /** The session (login) an access token belongs to; ending the session ends its tokens. */
    public static final String SESSION_CLAIM = "sid";

    /** A verified access token; {@code sessionId} is the login (refresh-token family) it was issued for. */
    public record Verified(String accountId, String sessionId, String jti, Instant expiresAt) {
    }

    /** A freshly issued access token. */
    public record Issued(String token, String jti, Instant expiresAt) {
    }

    private final JwtKeys keys;
    private final SecurityProperties properties;
    private final AccessTokenDenylist denylist;
    private final Clock clock;

    public AccessTokens(JwtKeys keys, SecurityProperties properties, AccessTokenDenylist denylist, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.denylist = denylist;
        this.clock = clock;
    }

    /** @throws IllegalStateException on a deployable that holds no signing key (the query side) */
    public Issued issue(String accountId, String sessionId) {
        JwtKeys.SigningKey signing = keys.signingKey()
                .orElseThrow(() -> new IllegalStateException("This deployable holds no access-token signing key"));
        Instant now = clock.instant();
        Instant expires = now.plus(properties.accessTokenTtl());
        String jti = UUID.randomUUID().toString();
        String token = Jwts.builder()
                .header().keyId(signing.keyId()).type(TOKEN_TYPE).and()
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .subject(accountId)
                .id(jti)
                .claim(SESSION_CLAIM, sessionId)
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now))
                .expiration(Date.from(expires))
                .signWith(signing.key(), Jwts.SIG.EdDSA)
                .compact();
        return new Issued(token, jti, expires);
    }

    /** @throws InvalidTokenException for any token that is not a valid, current Capledger access token */
    public Verified verify(String token) {
        if (token == null || token.length() > 4096) {
            throw new InvalidTokenException();
        }
        try {
            Jws<Claims> jws = Jwts.parser()
                    .sig().clear().add(Jwts.SIG.EdDSA).and()
                    .keyLocator(new LocatorAdapter<Key>() {
                        @Override
                        protected Key locate(JwsHeader header) {
                            PublicKey key = header.getKeyId() == null ? null
                                    : keys.verificationKeys().get(header.getKeyId());
                            if (key == null) {
                                throw new SecurityException("unknown key");
                            }
                            return key;
                        }
                    })
                    .requireIssuer(properties.issuer())
                    .requireAudience(properties.audience())
                    .clockSkewSeconds(properties.clockSkew().toSeconds())
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token);
            Claims claims = jws.getPayload();
            Instant now = clock.instant();
            boolean valid = TOKEN_TYPE.equalsIgnoreCase(jws.getHeader().getType())
                    && claims.getSubject() != null && claims.getId() != null && claims.getExpiration() != null
                    && claims.getNotBefore() != null && claims.getIssuedAt() != null
                    && claims.get(SESSION_CLAIM) instanceof String
                    && !claims.getIssuedAt().toInstant().isAfter(now.plus(properties.clockSkew()))
                    && !denylist.isRevoked(claims.getId(), claims.get(SESSION_CLAIM, String.class));
            if (!valid) {
                throw new InvalidTokenException();
            }
            return new Verified(claims.getSubject(), claims.get(SESSION_CLAIM, String.class), claims.getId(),
                    claims.getExpiration().toInstant());
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidTokenException();
        }
    }

    /** Any reason a token is refused; deliberately carries no detail. */
    public static class InvalidTokenException extends RuntimeException {
        public InvalidTokenException() {
            super("invalid token", null, false, false);
        }
    }
}
