package org.capledger.platform.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code capledger.security.*}: token lifetimes, issuer and audience, keys and CORS.
 *
 * @param issuer          {@code iss} of access tokens
 * @param audience        {@code aud} of access tokens
 * @param accessTokenTtl  access-token lifetime (default 15 minutes)
 * @param refreshTokenTtl refresh-token lifetime (default 14 days), renewed by each rotation
 * @param sessionMaxAge   a session ends this long after sign-in however often it is refreshed (default 30 days)
 * @param clockSkew       tolerance for {@code exp}, {@code nbf} and {@code iat} (default 30 s)
 * @param jwt             keys: see {@link Jwt}
 * @param corsAllowedOrigins origins allowed by CORS; empty (the default) allows none
 */
@ConfigurationProperties("capledger.security")
public record SecurityProperties(@DefaultValue("capledger") String issuer,
                                 @DefaultValue("capledger-api") String audience,
                                 @DefaultValue("15m") Duration accessTokenTtl,
                                 @DefaultValue("14d") Duration refreshTokenTtl,
                                 @DefaultValue("30d") Duration sessionMaxAge,
                                 @DefaultValue("30s") Duration clockSkew,
                                 @DefaultValue Jwt jwt,
                                 @DefaultValue List<String> corsAllowedOrigins) {

    /**
     * @param signingKey       PKCS#8 PEM file of the Ed25519 private key that signs access tokens (command side only)
     * @param signingKeyId     the {@code kid} written into tokens signed with it
     * @param verificationKeys {@code kid} to X.509 PEM file of an Ed25519 public key; several allow key rotation
     * @param keyDirectory     where a development key pair is generated once when no keys are configured
     */
    public record Jwt(Path signingKey,
                      String signingKeyId,
                      @DefaultValue Map<String, Path> verificationKeys,
                      @DefaultValue("./data/keys") Path keyDirectory) {
    }
}
