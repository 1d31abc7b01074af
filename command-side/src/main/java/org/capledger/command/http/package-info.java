/**
 * Command REST endpoints under {@code /api/issuers}. Each POST runs in one database transaction that holds the
 * command's events, the aggregate's snapshot when due and the idempotency record.
 */
package org.capledger.command.http;
