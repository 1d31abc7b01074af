/**
 * The command side: the CapTable aggregate (one per issuer) and the REST endpoints that send it commands.
 * Runnable alone ({@link org.capledger.command.CommandSideApplication}) against a shared PostgreSQL, or inside the
 * standalone application.
 */
package org.capledger.command;
