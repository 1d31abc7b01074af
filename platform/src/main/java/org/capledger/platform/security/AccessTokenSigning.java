package org.capledger.platform.security;

/**
 * Declared as a bean by the deployable that signs access tokens, the command side, where people sign in. A
 * deployable without one loads public keys only (see {@link JwtKeys}): the query side and any other verifier never
 * hold the private key.
 */
public final class AccessTokenSigning {
}
