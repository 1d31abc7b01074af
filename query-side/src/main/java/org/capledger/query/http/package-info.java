/**
 * Query REST endpoints under {@code /api/issuers}: read models (paged lists with total counts), the cap table
 * (today from projections, any past effective date by replay), the audit trail, and projection rebuild.
 */
package org.capledger.query.http;
