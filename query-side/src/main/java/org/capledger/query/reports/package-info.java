/**
 * Reports computed from an issuer's ledger: the ledger integrity report (a second, independent fold of the event
 * stream that checks what the Ledger enforces), and the cap table report as CSV, XLSX and PDF. See docs/reports.md.
 *
 * <p>The integrity classes ({@code Integrity*}) never use {@code org.capledger.ledger}: an auditor wants a second
 * computation, not the same code asserting itself (ArchitectureTest keeps it so).
 */
package org.capledger.query.reports;
