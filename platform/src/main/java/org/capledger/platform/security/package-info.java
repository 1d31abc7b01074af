/**
 * Authentication shared by every deployable: verifying Capledger access tokens (JWT, EdDSA/Ed25519, RFC 7519 and
 * RFC 9068) with public keys only, the access-token denylist, and the HTTP security chain. Issuing tokens is the
 * command side's job; it alone holds the private key.
 */
package org.capledger.platform.security;
