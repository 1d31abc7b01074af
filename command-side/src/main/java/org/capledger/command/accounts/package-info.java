/**
 * Accounts, their credentials and their sessions: who may sign in, how passwords are checked and stored, and the
 * tokens that prove a sign-in. Nothing here decides about cap tables; issuer roles only name what an account may do.
 */
package org.capledger.command.accounts;
