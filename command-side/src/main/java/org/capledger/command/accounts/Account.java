package org.capledger.command.accounts;

import java.time.Instant;

/** A person who can sign in. The password hash never leaves the command side. */
public record Account(String accountId, String email, String passwordHash, boolean platformAdmin, Instant createdAt) {
}
