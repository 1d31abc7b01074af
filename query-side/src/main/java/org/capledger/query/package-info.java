/**
 * The query side: read models built only from events (projections in the {@code read-models} tracking
 * processor), the query REST API, and the as-of replay that folds an issuer's events with the shared Ledger.
 * Never touches the aggregate.
 */
package org.capledger.query;
